// `npm run bench [-- --quick] [-- --record]`: every section of issue 6 in order, a table on
// stdout, and bench/out/results.json + results.md (with the machine; git-ignored, so a run
// leaves the tree clean). `--record` also writes the tracked bench/results.json + results.md.
// Exits non-zero when a section fails (our figures differing from DuckDB's included).
import * as fs from 'fs';
import * as path from 'path';
import { machineInfo } from './lib/machine';
import { apiSection } from './api/section';
import { extensionSection } from './extension/section';
import { pipelineSection } from './pipeline/section';
import { serverSection } from './server/section';
import { renderMarkdown, renderTable } from './lib/report';

/** results.json (every figure) and results.md (the table with the machine) in `dir`. */
function writeResults(dir: string, results: Record<string, unknown>): void {
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'results.json'), JSON.stringify(results, null, 2) + '\n');
  fs.writeFileSync(path.join(dir, 'results.md'), renderMarkdown(results));
}

async function main(): Promise<number> {
  const quick = process.argv.includes('--quick');
  const record = process.argv.includes('--record');
  const only = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length).split(',');
  const log = (s: string) => process.stderr.write(s + '\n');
  const results: Record<string, unknown> = { machine: machineInfo(), quick };
  const failures: string[] = [];
  const sections: Array<[string, () => Promise<unknown>]> = [
    ['pipeline', () => pipelineSection(quick, log)],
    ['api', () => apiSection(quick, log)],
    ['server', () => serverSection(quick, log)],
    ['extension', () => extensionSection(log, quick)],
  ];
  for (const [name, run] of sections) {
    if (only && !only.includes(name)) continue;
    try {
      results[name] = await run();
    } catch (err) {
      failures.push(`${name}: ${err instanceof Error ? err.message : String(err)}`);
      results[name] = { error: err instanceof Error ? err.message : String(err) };
    }
  }
  const pipeline = results.pipeline as { datasets?: Record<string, { answersAgree: boolean; differences: string[] }> } | undefined;
  for (const [label, d] of Object.entries(pipeline?.datasets ?? {})) {
    if (!d.answersAgree) failures.push(`pipeline ${label}: our figures differ from DuckDB's: ${d.differences.slice(0, 3).join('; ')}`);
  }
  results.failures = failures;
  const dirs = [path.join(__dirname, 'out'), ...(record ? [__dirname] : [])];
  for (const dir of dirs) writeResults(dir, results);
  log(`bench: results in ${dirs.map((d) => path.relative(process.cwd(), path.join(d, 'results.json'))).join(' and ')}`);
  process.stdout.write(renderTable(results));
  for (const f of failures) process.stderr.write(`bench: FAILED ${f}\n`);
  return failures.length > 0 ? 1 : 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    console.error(err);
    process.exitCode = 1;
  },
);
