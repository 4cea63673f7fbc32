// Registers the language-model tools (agent mode and other chat participants call them). Each
// answers from the one store with the current source and settings; none sees the token.
import * as vscode from 'vscode';
import { quoted } from '../../agents/agentText';
import type { ReleaseHealthSettings } from '../settings';
import type { ReleaseHealthStore } from '../store/releaseHealthStore';
import { agentErrorOf } from './agentErrors';
import { answerCheckGate, answerCompareReleases, answerGetRelease, answerListReleases, type AgentToolDeps, type ToolAnswer } from './toolAnswers';
import { checkGateInput, compareReleasesInput, getReleaseInput, listReleasesInput, type ScopeInput } from './toolInputs';
import { periodWords } from '../../present/periods';
import { sentryFetchOf, type SentryFetch } from './toolMessages';
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
        return { invocationMessage: vscode.l10n.t('Reading release health') };
      }
      const fetch = sentryFetchOf(deps.settings(), input);
      return { invocationMessage: spec.progress(input), confirmationMessages: fetch ? confirmation(fetch) : undefined };
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

function confirmation(f: SentryFetch): vscode.LanguageModelToolConfirmationMessages {
  const scope = f.environments.length > 0 ? vscode.l10n.t('{0}, environments {1}', periodWords(f.summaryPeriod), f.environments.join(', ')) : periodWords(f.summaryPeriod);
  return {
    title: vscode.l10n.t('Fetch release health from Sentry?'),
    message: new vscode.MarkdownString().appendText(
      vscode.l10n.t('Release Health will query {0} / {1} for the {2} with the token stored in VS Code. The token is not shared with the agent.', f.host, f.organization, scope),
    ),
  };
}

const named = (input: { release?: string; project?: string }) =>
  input.release !== undefined
    ? quoted(input.release)
    : input.project !== undefined
      ? vscode.l10n.t('the newest release of {0}', quoted(input.project))
      : vscode.l10n.t('the tracked release');

export function registerLanguageModelTools(store: ReleaseHealthStore, settings: () => ReleaseHealthSettings): vscode.Disposable[] {
  // Hosts without the language-model API (older VS Code, some forks) simply get no tools.
  if (typeof vscode.lm?.registerTool !== 'function') return [];
  const deps: AgentToolDeps = { snapshotFor: (o, signal) => store.snapshotFor(o, signal), loadEqualAge: (r, signal) => store.loadEqualAge(r, signal), settings };
  return [
    vscode.lm.registerTool(
      LM_TOOL.listReleases,
      languageModelTool({ parse: listReleasesInput, answer: answerListReleases, progress: (i) => (i.project !== undefined ? vscode.l10n.t('Listing the releases of {0}', quoted(i.project)) : vscode.l10n.t('Listing releases')) }, deps),
    ),
    vscode.lm.registerTool(
      LM_TOOL.getRelease,
      languageModelTool({ parse: getReleaseInput, answer: answerGetRelease, progress: (i) => vscode.l10n.t('Reading the release health of {0}', named(i)) }, deps),
    ),
    vscode.lm.registerTool(
      LM_TOOL.compareReleases,
      languageModelTool(
        {
          parse: compareReleasesInput,
          answer: answerCompareReleases,
          progress: (i) =>
            i.base !== undefined
              ? vscode.l10n.t('Comparing {0} with {1}', named({ release: i.candidate, project: i.project }), quoted(i.base))
              : vscode.l10n.t('Comparing {0} with its previous release', named({ release: i.candidate, project: i.project })),
        },
        deps,
      ),
    ),
    vscode.lm.registerTool(
      LM_TOOL.checkGate,
      languageModelTool({ parse: checkGateInput, answer: answerCheckGate, progress: (i) => vscode.l10n.t('Checking the release gate for {0}', named(i)) }, deps),
    ),
  ];
}
