// The release's deploys (environment, when finished) and its last commit, as release management
// (sentry-cli set-commits, deploys new) recorded them. What end-to-end tests may rely on:
// `[data-deploy="<environment>"]` per deploy, `[data-last-commit="<sha>"]`.
import { NO_VALUE } from '../present/numbers';
import { formatTime } from '../present/time';
import { commitLine, noCommits, notDeployed, workspaceReleaseLabel } from '../present/workspaceRelease';
import type { PanelReleaseRecord, PanelWorkspace } from './protocol';
import { h, type VElement } from './vnode';
import { t } from '../present/localize';

function deploysList(record: PanelReleaseRecord): VElement {
  const d = record.deploys;
  switch (d.status) {
    case 'loading':
      return h('p', { class: 'muted', role: 'status' }, t('Loading deploys…'));
    case 'error':
      return h('p', { class: 'muted' }, t('Deploys could not be loaded: {0}', d.message));
    case 'none':
      return h('p', { class: 'muted', 'data-no-deploys': '' }, `${notDeployed()}.`);
    case 'ready':
      if (d.items.length === 0) return h('p', { class: 'muted', 'data-no-deploys': '' }, `${notDeployed()}.`);
      return h(
        'table',
        { class: 'deploys' },
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('Environment')), h('th', { scope: 'col' }, t('Finished')), h('th', { scope: 'col' }, t('Name')))),
        h('tbody', {}, d.items.map((x) => h(
          'tr',
          { 'data-deploy': x.environment },
          h('td', {}, x.environment),
          h('td', { 'data-date-finished': x.dateFinished ?? '' }, formatTime(x.dateFinished)),
          h('td', {}, x.name ?? NO_VALUE),
        ))),
      );
  }
}

export function renderReleaseRecord(record: PanelReleaseRecord | null | undefined, workspace: PanelWorkspace | null | undefined): VElement | null {
  if (!record && !workspace) return null;
  const c = record?.lastCommit ?? null;
  return h(
    'section',
    { class: 'release-record' },
    h('h2', {}, t('Deploys and commits')),
    workspace ? h('p', { class: 'workspace-mark', 'data-workspace': workspace.mark }, `${workspaceReleaseLabel()}: ${workspace.mark} (${workspace.matchedBy})`) : null,
    record ? deploysList(record) : null,
    record ? h(
      'dl',
      { class: 'facts' },
      h('dt', {}, t('Last commit')),
      h('dd', c ? { 'data-last-commit': c.id } : {}, c ? `${commitLine(c)}${c.dateCreated ? ` · ${formatTime(c.dateCreated)}` : ''}` : noCommits()),
      h('dt', {}, t('Commits')),
      h('dd', {}, String(record.commitCount)),
    ) : null,
  );
}
