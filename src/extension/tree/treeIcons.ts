// Icons and theme colours of tree nodes (codicon ids and theme colour ids: never hard-coded
// colours, so every theme, high contrast included, draws them its way).
import type { HealthStatus } from '../../health/types';
import type { FigureKey } from '../../present/releaseFigures';
import type { MessageIcon } from './treeModel';

export interface IconSpec {
  id: string;
  color?: string;
}

const ERROR: IconSpec = { id: 'error', color: 'list.errorForeground' };
const WARNING: IconSpec = { id: 'warning', color: 'list.warningForeground' };

export function healthIcon(status: HealthStatus, hasHealthData: boolean): IconSpec {
  if (!hasHealthData) return { id: 'circle-slash', color: 'disabledForeground' };
  switch (status) {
    case 'healthy':
      return { id: 'pass-filled', color: 'testing.iconPassed' };
    case 'warning':
      return WARNING;
    case 'critical':
      return ERROR;
    case 'insufficient-data':
      return { id: 'circle-outline', color: 'disabledForeground' };
  }
}

export function messageIcon(icon: MessageIcon): IconSpec {
  switch (icon) {
    case 'error':
      return ERROR;
    case 'warning':
      return WARNING;
    case 'info':
      return { id: 'info' };
    case 'loading':
      return { id: 'loading~spin' };
    case 'scope':
      return { id: 'calendar' };
    case 'stale':
      return { id: 'history', color: 'list.warningForeground' };
  }
}

/** A release whose figures are kept from an earlier load: its status icon, muted. */
export function staleHealthIcon(status: HealthStatus, hasHealthData: boolean): IconSpec {
  return { id: healthIcon(status, hasHealthData).id, color: 'disabledForeground' };
}

const FIGURE_ICONS: Record<string, string> = {
  sessions: 'pulse',
  users: 'person',
  crashFreeSessions: 'shield',
  crashFreeUsers: 'shield',
  errored: 'bug',
  unhandled: 'debug-disconnect',
  crashed: 'flame',
  abnormal: 'question',
  healthy: 'heart',
  adoption: 'graph-line',
  duration: 'watch',
  change: 'arrow-swap',
};

export function figureIcon(key: FigureKey, alarming: boolean): IconSpec {
  if (alarming) return { id: 'warning', color: 'list.warningForeground' };
  return { id: FIGURE_ICONS[key] ?? 'info' };
}
