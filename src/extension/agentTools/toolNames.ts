// The language-model tools the extension contributes (package.json `languageModelTools` has the
// same names, descriptions and input schemas).
export const LM_TOOL = {
  listReleases: 'releaseHealth_listReleases',
  getRelease: 'releaseHealth_getRelease',
  compareReleases: 'releaseHealth_compareReleases',
  checkGate: 'releaseHealth_checkGate',
} as const;

export type LmToolName = (typeof LM_TOOL)[keyof typeof LM_TOOL];
