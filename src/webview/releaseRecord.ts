// The release's deploys (environment, when finished) and its last commit, as release management
// (sentry-cli set-commits, deploys new) recorded them. What end-to-end tests may rely on:
// `[data-deploy="<environment>"]` per deploy, `[data-last-commit="<sha>"]`.
import { formatTime } from './format';
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
      return h('p', { class: 'muted', 'data-no-deploys': '' }, 'Not deployed yet.');
    case 'ready':
      if (d.items.length === 0) return h('p', { class: 'muted', 'data-no-deploys': '' }, 'Not deployed yet.');
      return h(
        'table',
        { class: 'deploys' },
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Environment'), h('th', { scope: 'col' }, 'Finished'), h('th', { scope: 'col' }, 'Name'))),
        h('tbody', {}, d.items.map((x) => h(
          'tr',
          { 'data-deploy': x.environment },
          h('td', {}, x.environment),
          h('td', { 'data-date-finished': x.dateFinished ?? '' }, formatTime(x.dateFinished)),
          h('td', {}, x.name ?? '—'),
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
    workspace ? h('p', { class: 'workspace-mark', 'data-workspace': workspace.mark }, `Holds the workspace's HEAD: ${workspace.mark} (${workspace.matchedBy})`) : null,
    record ? deploysList(record) : null,
    record ? h(
      'dl',
      { class: 'facts' },
      h('dt', {}, 'Last commit'),
      h('dd', c ? { 'data-last-commit': c.id } : {}, c
        ? `${c.id.slice(0, 7)} ${firstLine(c.message)}${c.authorName ? ` · ${c.authorName}` : ''}${c.dateCreated ? ` · ${formatTime(c.dateCreated)}` : ''}`
        : 'No commits recorded'),
      h('dt', {}, 'Commits'),
      h('dd', {}, String(record.commitCount)),
    ) : null,
  );
}

function firstLine(message: string | null): string {
  return (message ?? '').split('\n')[0].trim();
}
