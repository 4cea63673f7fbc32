// One input box of a multi-step flow, able to open with an error already shown (when a
// connection check sent the user back to fix that value).
import * as vscode from 'vscode';

export interface InputStep {
  title: string;
  step: number;
  totalSteps: number;
  prompt: string;
  value?: string;
  placeholder?: string;
  password?: boolean;
  validate?: (value: string) => string | null;
  /** Shown until the value changes. */
  error?: string;
}

/** Resolves with the accepted value, or undefined when the user cancels. */
export function askInput(step: InputStep): Promise<string | undefined> {
  return new Promise((resolve) => {
    const box = vscode.window.createInputBox();
    box.title = step.title;
    box.step = step.step;
    box.totalSteps = step.totalSteps;
    box.prompt = step.prompt;
    box.value = step.value ?? '';
    box.placeholder = step.placeholder;
    box.password = step.password ?? false;
    box.ignoreFocusOut = true;
    if (step.error) box.validationMessage = { message: step.error, severity: vscode.InputBoxValidationSeverity.Error };
    let done = false;
    const finish = (value: string | undefined) => {
      if (done) return;
      done = true;
      resolve(value);
      box.dispose();
    };
    box.onDidChangeValue((v) => {
      box.validationMessage = step.validate?.(v) ?? undefined;
    });
    box.onDidAccept(() => {
      const problem = step.validate?.(box.value) ?? null;
      if (problem) {
        box.validationMessage = problem;
        return;
      }
      finish(box.value.trim());
    });
    box.onDidHide(() => finish(undefined));
    box.show();
  });
}
