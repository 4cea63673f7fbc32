// A minimal event source (vscode.EventEmitter is not available to vscode-free modules).
export class Listeners {
  private readonly set = new Set<() => void>();

  add(listener: () => void): { dispose(): void } {
    this.set.add(listener);
    return { dispose: () => void this.set.delete(listener) };
  }

  /** One listener's exception must not keep the others from hearing the change. */
  fire(onError: (err: unknown) => void): void {
    for (const l of [...this.set]) {
      try {
        l();
      } catch (err) {
        onError(err);
      }
    }
  }

  clear(): void {
    this.set.clear();
  }
}
