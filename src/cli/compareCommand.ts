// `release-health compare`: is the candidate release worse than the base? Prints the
// ComparisonReport (JSON keys as the issue specifies them) or a table; exit 0, or 1 with
// `--fail-on worse` when the crash-free sessions verdict is `worse` (2: usage or input error).
import { buildComparisonReport, ComparisonError, type ComparisonReport } from '../health/comparisonReport';
import type { SkipReport } from '../health/types';
import type { CompareArgs } from './compareArgs';
import { formatComparison } from './formatComparison';
import { fileSource, overviewSources, type CommandIO, type SourceOverview } from './overviewCommand';
import { printable } from '../present/printable';
import { UsageError } from './usageError';

/** The comparison the arguments ask for, and the file's unusable lines; `mcp` compares through it too. */
export async function loadComparison(args: CompareArgs, io: CommandIO): Promise<{ report: ComparisonReport; skipped: SkipReport | undefined }> {
  const equalAge = args.age === null ? undefined : { project: args.project, releases: [args.base, args.candidate], ageHours: args.age };
  let overview: SourceOverview;
  try {
    if (args.source.file !== null) overview = await fileSource(args.source, io, { equalAge });
    else if (overviewSources.url) overview = await overviewSources.url(args.source, io, { equalAge });
    else throw new UsageError('--url is not supported by this build');
  } catch (err) {
    if (err instanceof ComparisonError) throw new UsageError(err.message);
    throw err;
  }
  try {
    const report = buildComparisonReport(overview, { base: args.base, candidate: args.candidate, project: args.project, age: args.age, minimumSessions: args.minimumSessions });
    return { report, skipped: overview.skipped };
  } catch (err) {
    if (err instanceof ComparisonError) throw new UsageError(err.message);
    throw err;
  }
}

export async function runCompare(args: CompareArgs, io: CommandIO): Promise<number> {
  const { report, skipped } = await loadComparison(args, io);
  // The JSON's keys are fixed; unusable lines of a file are still said, on stderr.
  if (skipped && skipped.count > 0) {
    const first = skipped.samples.map((s) => `line ${s.line}: ${s.reason}`).join('; ');
    io.stderr(`release-health: skipped ${skipped.count} unusable line(s): ${printable(first)}\n`);
  }
  if (args.source.format === 'json') io.stdout(JSON.stringify(report, null, 2) + '\n');
  else io.stdout(formatComparison(report, args.minimumSessions));
  if (args.failOnWorse && report.crashFreeSessions.verdict === 'worse') {
    io.stderr(`release-health: ${report.candidate} is worse than ${report.base} in crash-free sessions\n`);
    return 1;
  }
  return 0;
}
