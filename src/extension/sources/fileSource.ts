// A raw-session NDJSON file (`releaseHealth.file.path`), read with the pipeline's reader.
// Unusable lines are skipped and reported in the view, never fatal.
import * as fs from 'fs';
import * as path from 'path';
import { overviewFromAccumulator } from '../../raw/fileOverview';
import { readSessionFile } from '../../raw/readSessionFile';
import { SourceError, throwIfAborted, type HealthSource, type SourceRequest, type SourceResult } from '../store/healthSource';
import { environmentsOf } from './rawEnvironments';
import { overviewOptionsOf, sourceScope } from './sourceOptions';
import { COMMAND } from '../../present/ids';
import { SECTION, SETTING } from '../settings';

/** Project of lines that carry none (the SDK format has no project: it comes from the DSN). */
export const FILE_DEFAULT_PROJECT = 'default';

/** Relative paths are relative to the first workspace folder; null when that cannot be resolved. */
export function resolveSessionFile(setting: string, workspaceRoot: string | undefined): string | null {
  if (setting === '') return null;
  const expanded = setting.startsWith('~/') ? path.join(process.env.HOME ?? '~', setting.slice(2)) : setting;
  if (path.isAbsolute(expanded)) return expanded;
  return workspaceRoot ? path.join(workspaceRoot, expanded) : null;
}

const openSettings = { fixCommand: COMMAND.openSettings, fixTitle: 'Open Settings' };

export class FileSource implements HealthSource {
  readonly kind = 'file' as const;

  constructor(private readonly workspaceRoot: () => string | undefined) {}

  async load(request: SourceRequest): Promise<SourceResult> {
    const setting = request.settings.filePath;
    if (setting === '') throw new SourceError({ message: `No session file set (${SECTION}.${SETTING.filePath}).`, ...openSettings });
    const file = resolveSessionFile(setting, this.workspaceRoot());
    if (file === null) {
      throw new SourceError({ message: `'${setting}' is relative, but no workspace folder is open.`, ...openSettings });
    }
    let stat: fs.Stats;
    try {
      stat = await fs.promises.stat(file);
    } catch {
      throw new SourceError({ message: `Session file not found: ${file}`, ...openSettings });
    }
    if (!stat.isFile()) throw new SourceError({ message: `Not a file: ${file}`, ...openSettings });
    let read;
    try {
      read = await readSessionFile(file, { now: request.now, defaultProject: FILE_DEFAULT_PROJECT });
    } catch (err) {
      throw new SourceError({ message: `Cannot read ${file}: ${(err as Error).message}`, ...openSettings });
    }
    throwIfAborted(request.signal);
    const overview = overviewFromAccumulator(read.accumulator, { ...overviewOptionsOf(request.settings, request.now), equalAge: request.equalAge });
    return {
      overview,
      ...(overview.ageWindows ? { ageWindows: overview.ageWindows } : {}),
      scope: { ...sourceScope('file', path.basename(file), request.settings), file },
      skipped: read.skipped,
      environments: environmentsOf(read.accumulator),
    };
  }
}
