// Every command handler runs through this: an exception becomes a log line and (at most one)
// notification, never a crash of the extension host or an unhandled rejection.
import * as vscode from 'vscode';
import type { Notifier } from '../notifier';
import { COMMAND } from '../../present/ids';

export function registerSafeCommand(
  id: string,
  handler: (...args: any[]) => unknown,
  notifier: Notifier,
): vscode.Disposable {
  return vscode.commands.registerCommand(id, async (...args: unknown[]) => {
    try {
      return await handler(...args);
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      void notifier.error({ message: vscode.l10n.t('{0} failed: {1}', id, message), fixCommand: COMMAND.showLog, fixTitle: vscode.l10n.t('Show Log') }, { repeat: true });
      return undefined;
    }
  });
}
