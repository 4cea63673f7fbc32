// Command ids (package.json contributes the same ids; scripts and tests use them).
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
} as const;
