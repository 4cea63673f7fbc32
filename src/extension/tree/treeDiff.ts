// Decides what to redraw after a store change, so expansion, selection and scrolling survive:
// nodes keep their identity (updated in place) and only changed ones are reported.
import type { TreeNode } from './treeModel';

export interface TreeUpdate {
  /** The roots to show from now on (the old objects where they still apply). */
  roots: TreeNode[];
  /** 'all' to redraw everything, else the (old, now updated) nodes to redraw. */
  changed: 'all' | TreeNode[];
}

function ids(nodes: readonly TreeNode[]): string {
  return JSON.stringify(nodes.map((n) => n.id));
}

function children(node: TreeNode): TreeNode[] {
  return node.kind === 'project' || node.kind === 'noHealthData' ? node.children : node.kind === 'message' ? (node.children ?? []) : [];
}

/** Everything a node shows itself (not its children). */
function face(node: TreeNode): string {
  switch (node.kind) {
    case 'release':
      return node.signature;
    case 'project':
      return JSON.stringify([node.project, node.description, node.expanded]);
    case 'noHealthData':
      return JSON.stringify([node.label, node.description]);
    case 'message':
      return JSON.stringify({ ...node, children: node.children?.map((c) => JSON.stringify(c)) });
    case 'figure':
      return JSON.stringify(node.figure);
  }
}

export function diffTree(oldRoots: TreeNode[], newRoots: TreeNode[]): TreeUpdate {
  if (ids(oldRoots) !== ids(newRoots)) return { roots: newRoots, changed: 'all' };
  const changed: TreeNode[] = [];
  const visit = (olds: TreeNode[], news: TreeNode[]): void => {
    for (let i = 0; i < olds.length; i++) {
      const o = olds[i];
      const n = news[i];
      const sameChildren = ids(children(o)) === ids(children(n));
      if (face(o) !== face(n) || !sameChildren) {
        // Redraw this node and, through VS Code re-asking for children, everything below it.
        Object.assign(o, n);
        changed.push(o);
      } else {
        const oc = children(o);
        const nc = children(n);
        visit(oc, nc);
        // Keep the (updated) old child objects under the node.
        if (o.kind === 'project' || o.kind === 'noHealthData') (o as { children: TreeNode[] }).children = oc;
      }
    }
  };
  visit(oldRoots, newRoots);
  return { roots: oldRoots, changed };
}
