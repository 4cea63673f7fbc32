// `release-health compare`: is the candidate release worse than the base? Prints the
// ComparisonReport (JSON keys as the issue specifies them) or a table; exit 0, or 1 with
// `--fail-on worse` when the crash-free sessions verdict is `worse` (2: usage or input error).
import { buildComparisonReport, ComparisonError } from '../health/comparisonReport';
import type { CompareArgs } from './compareArgs';
import { formatComparison } from './formatComparison';
import { fileSource, overviewSources, type CommandIO, type SourceOverview } from './overviewCommand';
import { UsageError } from './usageError';

export async function runCompare(args: CompareArgs, io: CommandIO): Promise<number> {
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
  let report;
  try {
    report = buildComparisonReport(overview, { base: args.base, candidate: args.candidate, project: args.project, age: args.age, minimumSessions: args.minimumSessions });
  } catch (err) {
    if (err instanceof ComparisonError) throw new UsageError(err.message);
    throw err;
  }
  if (args.source.format === 'json') io.stdout(JSON.stringify(report, null, 2) + '\n');
  else io.stdout(formatComparison(report, args.minimumSessions));
  if (args.failOnWorse && report.crashFreeSessions.verdict === 'worse') {
    io.stderr(`release-health: ${report.candidate} is worse than ${report.base} in crash-free sessions\n`);
    return 1;
  }
  return 0;
}
