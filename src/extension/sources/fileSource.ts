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
import { fixWith } from '../../present/commandTitles';
import { t } from '../../present/localize';

/** Project of lines that carry none (the SDK format has no project: it comes from the DSN). */
export const FILE_DEFAULT_PROJECT = 'default';

/** Relative paths are relative to the first workspace folder; null when that cannot be resolved. */
export function resolveSessionFile(setting: string, workspaceRoot: string | undefined): string | null {
  if (setting === '') return null;
  const expanded = setting.startsWith('~/') ? path.join(process.env.HOME ?? '~', setting.slice(2)) : setting;
  if (path.isAbsolute(expanded)) return expanded;
  return workspaceRoot ? path.join(workspaceRoot, expanded) : null;
}

export class FileSource implements HealthSource {
  readonly kind = 'file' as const;

  constructor(private readonly workspaceRoot: () => string | undefined) {}

  async load(request: SourceRequest): Promise<SourceResult> {
    const setting = request.settings.filePath;
    if (setting === '') throw new SourceError({ message: t('No session file set ({0}).', `${SECTION}.${SETTING.filePath}`), ...fixWith(COMMAND.openSettings) });
    const file = resolveSessionFile(setting, this.workspaceRoot());
    if (file === null) {
      throw new SourceError({ message: t("'{0}' is relative, but no workspace folder is open.", setting), ...fixWith(COMMAND.openSettings) });
    }
    let stat: fs.Stats;
    try {
      stat = await fs.promises.stat(file);
    } catch {
      throw new SourceError({ message: t('Session file not found: {0}', file), ...fixWith(COMMAND.openSettings) });
    }
    if (!stat.isFile()) throw new SourceError({ message: t('Not a file: {0}', file), ...fixWith(COMMAND.openSettings) });
    let read;
    try {
      read = await readSessionFile(file, { now: request.now, defaultProject: FILE_DEFAULT_PROJECT });
    } catch (err) {
      throw new SourceError({ message: t('Cannot read {0}: {1}', file, (err as Error).message), ...fixWith(COMMAND.openSettings) });
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
