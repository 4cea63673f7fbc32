// The release's deploys (environment, when finished) and its last commit, as release management
// (sentry-cli set-commits, deploys new) recorded them. What end-to-end tests may rely on:
// `[data-deploy="<environment>"]` per deploy, `[data-last-commit="<sha>"]`.
import { NO_VALUE } from '../present/numbers';
import { formatTime } from '../present/time';
import { commitLine, NO_COMMITS, NOT_DEPLOYED, WORKSPACE_RELEASE } from '../present/workspaceRelease';
import type { PanelReleaseRecord, PanelWorkspace } from './protocol';
import { h, type VElement } from './vnode';

function deploysList(record: PanelReleaseRecord): VElement {
  const d = record.deploys;
  switch (d.status) {
    case 'loading':
      return h('p', { class: 'muted', role: 'status' }, 'Loading deploys…');
    case 'error':
      return h('p', { class: 'muted' }, `Deploys could not be loaded: ${d.message}`);
    case 'none':
      return h('p', { class: 'muted', 'data-no-deploys': '' }, `${NOT_DEPLOYED}.`);
    case 'ready':
      if (d.items.length === 0) return h('p', { class: 'muted', 'data-no-deploys': '' }, `${NOT_DEPLOYED}.`);
      return h(
        'table',
        { class: 'deploys' },
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Environment'), h('th', { scope: 'col' }, 'Finished'), h('th', { scope: 'col' }, 'Name'))),
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
    h('h2', {}, 'Deploys and commits'),
    workspace ? h('p', { class: 'workspace-mark', 'data-workspace': workspace.mark }, `${WORKSPACE_RELEASE}: ${workspace.mark} (${workspace.matchedBy})`) : null,
    record ? deploysList(record) : null,
    record ? h(
      'dl',
      { class: 'facts' },
      h('dt', {}, 'Last commit'),
      h('dd', c ? { 'data-last-commit': c.id } : {}, c ? `${commitLine(c)}${c.dateCreated ? ` · ${formatTime(c.dateCreated)}` : ''}` : NO_COMMITS),
      h('dt', {}, 'Commits'),
      h('dd', {}, String(record.commitCount)),
    ) : null,
  );
}
