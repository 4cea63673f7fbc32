// Tree node ids: stable across refreshes so VS Code keeps expansion and selection. JSON of a
// kind-tagged tuple, so no release name can make two nodes collide.
import type { SourceKind } from '../store/storeTypes';

export const nodeId = {
  message: (name: string) => JSON.stringify(['message', name]),
  skipped: (source: SourceKind) => JSON.stringify(['skipped', source]),
  skippedLine: (source: SourceKind, index: number) => JSON.stringify(['skipped', source, index]),
  project: (source: SourceKind, project: string) => JSON.stringify(['project', source, project]),
  noHealthData: (source: SourceKind, project: string) => JSON.stringify(['noHealthData', source, project]),
  release: (source: SourceKind, project: string, release: string) => JSON.stringify(['release', source, project, release]),
  figure: (source: SourceKind, project: string, release: string, figure: string) =>
    JSON.stringify(['figure', source, project, release, figure]),
};
