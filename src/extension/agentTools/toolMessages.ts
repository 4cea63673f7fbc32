// What VS Code shows while a tool runs, and the confirmation it asks for before a tool reaches
// the network: a call for other periods or environments than the shown ones fetches from Sentry
// with the user's token. Reading the data already loaded needs no confirmation.
import type { ReleaseHealthSettings } from '../settings';
import { hostOf } from '../sentry/sentryUrls';
import type { ScopeInput } from './toolInputs';

export interface ToolMessages {
  invocationMessage: string;
  confirmation?: { title: string; message: string };
}

function differs(a: readonly string[], b: readonly string[]): boolean {
  return [...a].sort().join('\n') !== [...b].sort().join('\n');
}

/** True when the input asks Sentry for data the settings do not already show. */
export function fetchesFromSentry(settings: ReleaseHealthSettings, input: ScopeInput): boolean {
  if (settings.source !== 'sentry') return false;
  return (
    (input.summaryPeriod !== undefined && input.summaryPeriod !== settings.summaryPeriod) ||
    (input.healthStatsPeriod !== undefined && input.healthStatsPeriod !== settings.healthStatsPeriod) ||
    (input.stat !== undefined && input.stat !== settings.stat) ||
    (input.environments !== undefined && differs(input.environments, settings.environments))
  );
}

export function toolMessages(settings: ReleaseHealthSettings, input: ScopeInput, invocationMessage: string): ToolMessages {
  if (!fetchesFromSentry(settings, input)) return { invocationMessage };
  const period = input.summaryPeriod ?? settings.summaryPeriod;
  const env = input.environments ?? settings.environments;
  return {
    invocationMessage,
    confirmation: {
      title: 'Fetch release health from Sentry?',
      message:
        `Release Health will query ${hostOf(settings.sentry.url)} / ${settings.sentry.organization} for the last ${period}` +
        `${env.length > 0 ? ` (environments: ${env.join(', ')})` : ''} with the token stored in VS Code. The token is not shared with the agent.`,
    },
  };
}
