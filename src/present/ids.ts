// Every id the extension shares with package.json, `when` clauses, scripts and tests, written
// once. A unit test checks package.json's contributions against these, both ways.

/** Command ids (package.json `contributes.commands`). */
export const COMMAND = {
  showReleaseHealth: 'releaseHealth.showReleaseHealth',
  refresh: 'releaseHealth.refresh',
  connect: 'releaseHealth.connect',
  signOut: 'releaseHealth.signOut',
  exploreDemo: 'releaseHealth.exploreDemo',
  selectProjects: 'releaseHealth.selectProjects',
  selectEnvironment: 'releaseHealth.selectEnvironment',
  selectPeriod: 'releaseHealth.selectPeriod',
  selectChartPeriod: 'releaseHealth.selectChartPeriod',
  trackRelease: 'releaseHealth.trackRelease',
  showLog: 'releaseHealth.showLog',
  openInSentry: 'releaseHealth.openInSentry',
  copyVersion: 'releaseHealth.copyVersion',
  openSettings: 'releaseHealth.openSettings',
  compareWith: 'releaseHealth.compareWith',
} as const;

export type CommandId = (typeof COMMAND)[keyof typeof COMMAND];

/** View, view container and webview ids (package.json `viewsContainers`, `views`, `activationEvents`). */
export const VIEW = {
  container: 'releaseHealth',
  releases: 'releaseHealth.releases',
  releasePanel: 'releaseHealth.releasePanel',
  comparisonPanel: 'releaseHealth.comparisonPanel',
  statusBarItem: 'releaseHealth.status',
} as const;

/** Context keys set with `setContext` and read by `when` clauses. */
export const CONTEXT_KEY = {
  /** A source is chosen (the welcome view hides). */
  configured: 'releaseHealth.configured',
  /** The chosen source kind, '' when none. */
  source: 'releaseHealth.source',
  /** The source is Sentry and a token is stored for its URL and organization (Sign Out can act). */
  signedIn: 'releaseHealth.signedIn',
} as const;

export type ContextKey = (typeof CONTEXT_KEY)[keyof typeof CONTEXT_KEY];

/** Where release health comes from (the `releaseHealth.source` setting's values). */
export const SOURCE_KINDS = ['demo', 'sentry', 'file'] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

export function isSourceKind(v: unknown): v is SourceKind {
  return typeof v === 'string' && (SOURCE_KINDS as readonly string[]).includes(v);
}
