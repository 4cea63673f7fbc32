// Store and source failures as text an agent can act on: what is wrong and what the user can run
// to fix it. Messages come from the store and the API client, which never carry the token.
import { AgentToolError } from '../../agents/agentToolError';
import { LoadCancelled, SourceError } from '../store/healthSource';
import { StoreUnconfigured } from '../store/releaseHealthStore';

export const NOT_CONFIGURED =
  'Release Health is not configured yet, so there are no release figures. Ask the user to run "Release Health: Connect to Sentry…" ' +
  '(command releaseHealth.connect) or "Release Health: Explore with Demo Data" (releaseHealth.exploreDemo), or to set ' +
  'releaseHealth.source to "file" and releaseHealth.file.path to a session file.';

export function agentErrorOf(err: unknown): AgentToolError {
  if (err instanceof AgentToolError) return err;
  if (err instanceof StoreUnconfigured) return new AgentToolError(NOT_CONFIGURED);
  if (err instanceof SourceError) {
    const e = err.storeError;
    return new AgentToolError(`${e.message} To fix it, ask the user to run "${e.fixTitle}" (command ${e.fixCommand}).`);
  }
  if (err instanceof LoadCancelled) return new AgentToolError('The request was cancelled.');
  const message = err instanceof Error ? err.message : String(err);
  return new AgentToolError(`Could not read release health: ${message}`);
}
