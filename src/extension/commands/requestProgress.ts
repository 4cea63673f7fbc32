// A request behind a cancellable notification: Cancel aborts it through its AbortSignal.
import * as vscode from 'vscode';

export function withRequestProgress<T>(title: string, task: (signal: AbortSignal) => Promise<T>): Thenable<T> {
  return vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, async (_p, cancel) => {
    const controller = new AbortController();
    const subscription = cancel.onCancellationRequested(() => controller.abort());
    try {
      return await task(controller.signal);
    } finally {
      subscription.dispose();
    }
  });
}
