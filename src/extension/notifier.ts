// Errors reach the user as at most one notification at a time; while one is open, further
// errors go to the log (and the view's message node) only.
import * as vscode from 'vscode';
import type { StoreError } from './store/storeTypes';
import { COMMAND } from '../present/ids';

export class Notifier {
  private open = false;
  private lastMessage: string | null = null;

  constructor(private readonly log: (message: string) => void) {}

  /** Shows the error with its fixing action, unless a notification is already open. */
  async error(error: StoreError, options: { repeat?: boolean } = {}): Promise<void> {
    this.log(`Error: ${error.message}`);
    if (this.open) return;
    // A poll that fails the same way again must not nag: the view already shows it.
    if (!options.repeat && this.lastMessage === error.message) return;
    this.open = true;
    this.lastMessage = error.message;
    try {
      const showLog = vscode.l10n.t('Show Log');
      const choice = await vscode.window.showErrorMessage(vscode.l10n.t('Release Health: {0}', error.message), error.fixTitle, showLog);
      if (choice === error.fixTitle) await vscode.commands.executeCommand(error.fixCommand);
      else if (choice === showLog) await vscode.commands.executeCommand(COMMAND.showLog);
    } finally {
      this.open = false;
    }
  }

  /** The error is gone (a load succeeded): the same error later is news again. */
  clear(): void {
    this.lastMessage = null;
  }
}
