// Registers the language-model tools (agent mode and other chat participants call them). Each
// answers from the one store with the current source and settings; none sees the token.
import * as vscode from 'vscode';
import { quoted } from '../../agents/agentText';
import type { ReleaseHealthSettings } from '../settings';
import type { ReleaseHealthStore } from '../store/releaseHealthStore';
import { agentErrorOf } from './agentErrors';
import { answerCheckGate, answerGetRelease, answerListReleases, type AgentToolDeps, type ToolAnswer } from './toolAnswers';
import { checkGateInput, getReleaseInput, listReleasesInput, type ScopeInput } from './toolInputs';
import { toolMessages } from './toolMessages';
import { LM_TOOL } from './toolNames';

interface ToolSpec<I extends ScopeInput> {
  parse(input: unknown): I;
  answer(deps: AgentToolDeps, input: I, signal: AbortSignal): Promise<ToolAnswer<object>>;
  /** Shown while it runs: "Reading release health of "2.3.0"". */
  progress(input: I): string;
}

function languageModelTool<I extends ScopeInput>(spec: ToolSpec<I>, deps: AgentToolDeps): vscode.LanguageModelTool<unknown> {
  return {
    prepareInvocation(options) {
      let input: I;
      try {
        input = spec.parse(options.input);
      } catch {
        return { invocationMessage: 'Reading release health' };
      }
      const m = toolMessages(deps.settings(), input, spec.progress(input));
      return {
        invocationMessage: m.invocationMessage,
        confirmationMessages: m.confirmation ? { title: m.confirmation.title, message: new vscode.MarkdownString().appendText(m.confirmation.message) } : undefined,
      };
    },
    async invoke(options, token) {
      const controller = new AbortController();
      const cancel = token.onCancellationRequested(() => controller.abort());
      try {
        const answer = await spec.answer(deps, spec.parse(options.input), controller.signal);
        return new vscode.LanguageModelToolResult([
          new vscode.LanguageModelTextPart(answer.text),
          new vscode.LanguageModelTextPart(JSON.stringify(answer.document)),
        ]);
      } catch (err) {
        // VS Code hands the message to the model: it says what to do next.
        throw agentErrorOf(err);
      } finally {
        cancel.dispose();
      }
    },
  };
}

const named = (input: { release?: string; project?: string }, fallback: string) =>
  input.release !== undefined ? quoted(input.release) : input.project !== undefined ? `the newest release of ${quoted(input.project)}` : fallback;

export function registerLanguageModelTools(store: ReleaseHealthStore, settings: () => ReleaseHealthSettings): vscode.Disposable[] {
  // Hosts without the language-model API (older VS Code, some forks) simply get no tools.
  if (typeof vscode.lm?.registerTool !== 'function') return [];
  const deps: AgentToolDeps = { snapshotFor: (o, signal) => store.snapshotFor(o, signal), settings };
  return [
    vscode.lm.registerTool(
      LM_TOOL.listReleases,
      languageModelTool({ parse: listReleasesInput, answer: answerListReleases, progress: (i) => `Listing releases${i.project !== undefined ? ` of ${quoted(i.project)}` : ''}` }, deps),
    ),
    vscode.lm.registerTool(
      LM_TOOL.getRelease,
      languageModelTool({ parse: getReleaseInput, answer: answerGetRelease, progress: (i) => `Reading release health of ${named(i, 'the tracked release')}` }, deps),
    ),
    vscode.lm.registerTool(
      LM_TOOL.checkGate,
      languageModelTool({ parse: checkGateInput, answer: answerCheckGate, progress: (i) => `Checking the release gate for ${named(i, 'the tracked release')}` }, deps),
    ),
  ];
}
