// Our reader + pipeline timed inside its process, as the baselines are (baselineTask.ts): what the
// CLI's `overview --file` runs (computeFileOverview with the CLI's read options and the bundled
// worker), from the call to the figures. Prints one JSON line.  Usage: oursTask FILE NOW_ISO WORKER
import { CLI_THRESHOLDS } from '../../src/cli/overviewArgs';
import { computeFileOverview } from '../../src/raw/fileOverview';

async function main(): Promise<void> {
  const [file, nowIso, workerPath] = process.argv.slice(2);
  const started = performance.now();
  const cpu0 = process.cpuUsage();
  const overview = await computeFileOverview(file, {
    now: Date.parse(nowIso) / 1000,
    summaryPeriod: '24h',
    healthPeriod: '24h',
    stat: 'sessions',
    thresholds: CLI_THRESHOLDS,
    environments: null,
    defaultProject: 'default',
    read: { mainThreadRange: true, workerPath },
  });
  const ms = performance.now() - started;
  const cpu = process.cpuUsage(cpu0);
  process.stdout.write(JSON.stringify({ ms, cpuMs: (cpu.user + cpu.system) / 1000, releases: overview.releases.length }) + '\n');
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
