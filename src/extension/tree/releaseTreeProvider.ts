// The "Releases" view's data provider: renders the store's state as the tree model describes
// it and redraws only what changed (ids are stable, nodes keep their identity).
import * as vscode from 'vscode';
import { COMMAND } from '../../present/ids';
import { healthStatusAccessible } from '../../present/healthStatus';
import { releaseTooltipMarkdown } from '../../present/releaseTooltip';
import { staleText } from '../../present/scopeText';
import type { ReleaseHealthSettings } from '../settings';
import type { ReleaseHealthStoreReader } from '../store/storeTypes';
import { diffTree } from './treeDiff';
import { figureIcon, healthIcon, messageIcon, staleHealthIcon, type IconSpec } from './treeIcons';
import { figureNodes, rootNodes, type ReleaseNode, type TreeNode } from './treeModel';
import { treeWorkspaceOf } from '../workspace/workspaceLinks';
import { workspaceReleaseLabel } from '../../present/workspaceRelease';
import type { WorkspaceReleaseReader } from '../workspace/workspaceReleaseTracker';

function themeIcon(spec: IconSpec): vscode.ThemeIcon {
  return new vscode.ThemeIcon(spec.id, spec.color ? new vscode.ThemeColor(spec.color) : undefined);
}

export class ReleaseTreeProvider implements vscode.TreeDataProvider<TreeNode>, vscode.Disposable {
  private roots: TreeNode[] = [];
  private readonly changes = new vscode.EventEmitter<TreeNode | TreeNode[] | undefined>();
  readonly onDidChangeTreeData = this.changes.event;
  private readonly subscription: { dispose(): void };

  constructor(
    private readonly store: ReleaseHealthStoreReader,
    private readonly settings: () => ReleaseHealthSettings,
    private readonly workspace: WorkspaceReleaseReader | null = null,
  ) {
    this.roots = this.build();
    const onStore = store.onDidChange(() => this.update());
    const onWorkspace = workspace?.onDidChange(() => this.update());
    this.subscription = { dispose: () => { onStore.dispose(); onWorkspace?.dispose(); } };
  }

  /** Rebuilds from the store; fires for the changed nodes only. */
  update(): void {
    const { roots, changed } = diffTree(this.roots, this.build());
    this.roots = roots;
    if (changed === 'all') this.changes.fire(undefined);
    else if (changed.length > 0) this.changes.fire(changed);
  }

  getChildren(element?: TreeNode): TreeNode[] {
    if (!element) return this.roots;
    switch (element.kind) {
      case 'project':
      case 'noHealthData':
        return element.children;
      case 'release':
        return figureNodes(element);
      case 'message':
        return element.children ?? [];
      case 'figure':
        return [];
    }
  }

  /** Lets `TreeView.reveal` work (e.g. revealing the tracked release). */
  getParent(element: TreeNode): TreeNode | undefined {
    if (element.kind === 'figure') {
      const [, source, project, release] = JSON.parse(element.id) as string[];
      return this.findRelease(JSON.stringify(['release', source, project, release]));
    }
    for (const root of this.roots) {
      if (root.id === element.id) return undefined;
      if (root.kind === 'message' && root.children?.some((c) => c.id === element.id)) return root;
      if (root.kind !== 'project') continue;
      for (const child of root.children) {
        if (child.id === element.id) return root;
        if (child.kind === 'noHealthData' && child.children.some((c) => c.id === element.id)) return child;
      }
    }
    return undefined;
  }

  getTreeItem(node: TreeNode): vscode.TreeItem {
    switch (node.kind) {
      case 'message': {
        const item = new vscode.TreeItem(
          node.label,
          node.children && node.children.length > 0 ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None,
        );
        item.id = node.id;
        item.description = node.description;
        item.tooltip = node.tooltip;
        item.iconPath = themeIcon(messageIcon(node.icon));
        item.command = node.openLine
          ? {
            command: 'vscode.open',
            title: vscode.l10n.t('Open the line'),
            arguments: [vscode.Uri.file(node.openLine.file), { selection: new vscode.Range(node.openLine.line - 1, 0, node.openLine.line - 1, 0) }],
          }
          : node.command;
        item.contextValue = 'message';
        item.accessibilityInformation = { label: node.accessibleLabel ?? [node.label, node.description].filter(Boolean).join(', ') };
        return item;
      }
      case 'project': {
        const item = new vscode.TreeItem(
          node.project,
          node.expanded ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed,
        );
        item.id = node.id;
        item.description = node.description;
        item.iconPath = new vscode.ThemeIcon('project');
        item.contextValue = 'project';
        return item;
      }
      case 'noHealthData': {
        const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.Collapsed);
        item.id = node.id;
        item.description = node.description;
        item.tooltip = vscode.l10n.t('Releases without session data in the last 90 days: nothing is fetched or computed for them.');
        item.iconPath = new vscode.ThemeIcon('circle-slash');
        item.contextValue = 'noHealthData';
        return item;
      }
      case 'release':
        return this.releaseItem(node);
      case 'figure': {
        const item = new vscode.TreeItem(node.figure.label, vscode.TreeItemCollapsibleState.None);
        item.id = node.id;
        item.description = node.figure.value;
        item.tooltip = node.figure.detail ? `${node.figure.value}\n\n${node.figure.detail}` : node.figure.value;
        item.iconPath = themeIcon(figureIcon(node.figure.key, node.figure.alarming ?? false));
        item.contextValue = 'figure';
        // Announced as "Crash-free sessions: 99.73% (99.61–99.82%)", not the bare value.
        item.accessibilityInformation = { label: `${node.figure.label}: ${node.figure.value}` };
        return item;
      }
    }
  }

  dispose(): void {
    this.subscription.dispose();
    this.changes.dispose();
  }

  private releaseItem(node: ReleaseNode): vscode.TreeItem {
    const r = node.health;
    const item = new vscode.TreeItem(
      node.label,
      r.hasHealthData ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None,
    );
    item.id = node.id;
    item.description = node.description;
    item.iconPath = themeIcon(node.stale ? staleHealthIcon(r.healthStatus, r.hasHealthData) : healthIcon(r.healthStatus, r.hasHealthData));
    // A click opens the release's panel (the twistie still expands its figures).
    item.command = { command: COMMAND.showReleaseHealth, title: vscode.l10n.t('Show Release Health'), arguments: [node.key] };
    // `release:<source>` lets menus hide "Open in Sentry" for demo and file data.
    item.contextValue = `release:${node.key.source}${r.hasHealthData ? '' : ':noHealthData'}`;
    const snapshot = this.store.snapshot;
    const settings = this.settings();
    const workspaceLine = node.workspace === null ? '' : `${workspaceReleaseLabel()}: **${node.workspace}**\n\n`;
    const md = new vscode.MarkdownString(
      workspaceLine +
      (node.stale ? `**${staleText(node.stale)}**\n\n` : '') +
      releaseTooltipMarkdown(
        r,
        {
          scopeLabel: snapshot?.scope.label ?? '',
          summaryPeriod: snapshot?.overview.summaryPeriod ?? settings.summaryPeriod,
          thresholds: settings.thresholds,
          environments: snapshot?.scope.environments ?? settings.environments,
        },
        Date.now(),
      ),
    );
    md.supportHtml = false;
    md.isTrusted = false;
    item.tooltip = md;
    item.accessibilityInformation = {
      label: `${node.label}, ${node.description}${r.hasHealthData ? `, ${healthStatusAccessible(r.healthStatus)}` : ''}${node.stale ? `, ${staleText(node.stale)}` : ''}`,
    };
    // `:workspace` lets tests and menus find the workspace's release.
    if (node.workspace !== null) item.contextValue += ':workspace';
    return item;
  }

  private build(): TreeNode[] {
    return rootNodes(this.store.state, this.settings().sentry.projects, this.workspace ? treeWorkspaceOf(this.workspace.links) : undefined);
  }

  /** The node of a release, if the tree shows it (for TreeView.reveal). */
  findRelease(id: string): ReleaseNode | undefined {
    for (const root of this.roots) {
      if (root.kind !== 'project') continue;
      for (const child of root.children) {
        if (child.kind === 'release' && child.id === id) return child;
        if (child.kind === 'noHealthData') {
          const found = child.children.find((c) => c.id === id);
          if (found) return found;
        }
      }
    }
    return undefined;
  }
}
