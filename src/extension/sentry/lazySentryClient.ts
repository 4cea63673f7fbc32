// The Sentry API client (axios, zod, proxy agents: most of the code by size) is bundled apart,
// in dist/sentryApi.js, and loaded on first use: demo and file users never load it, and
// activation parses a small bundle. See esbuild.js.
import * as path from 'path';
import type { SentryClient } from './sentryClient';

export type SentryClientLoader = () => SentryClient;

/** Loads dist/sentryApi.js, next to the extension bundle. */
export function loadBundledSentryClient(): SentryClient {
  // A computed path: esbuild leaves this require to run time instead of inlining the module.
  const file = path.join(__dirname, 'sentryApi.js');
  return (require(file) as { apiSentryClient: SentryClient }).apiSentryClient;
}

export function lazySentryClient(load: SentryClientLoader = loadBundledSentryClient): SentryClient {
  let client: SentryClient | undefined;
  const get = () => (client ??= load());
  return {
    checkConnection: (c, hooks) => get().checkConnection(c, hooks),
    listProjects: (c, hooks) => get().listProjects(c, hooks),
    fetchOverview: (c, projects, options, hooks) => get().fetchOverview(c, projects, options, hooks),
    fetchDeploys: (c, version, hooks) => get().fetchDeploys(c, version, hooks),
    fetchCommits: (c, version, hooks) => get().fetchCommits(c, version, hooks),
  };
}
