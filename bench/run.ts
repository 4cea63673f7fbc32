// `npm run bench [-- --quick]`: every section of issue 6 in order, a table on stdout, and
// bench/results.json + bench/results.md (with the machine). Exits non-zero when a section fails
// (our figures differing from DuckDB's included).
import * as fs from 'fs';
import * as path from 'path';
import { machineInfo } from './lib/machine';
import { apiSection } from './api/section';
import { extensionSection } from './extension/section';
import { pipelineSection } from './pipeline/section';
import { serverSection } from './server/section';
import { renderMarkdown, renderTable } from './lib/report';

async function main(): Promise<number> {
  const quick = process.argv.includes('--quick');
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
  fs.writeFileSync(path.join(__dirname, 'results.json'), JSON.stringify(results, null, 2) + '\n');
  fs.writeFileSync(path.join(__dirname, 'results.md'), renderMarkdown(results));
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
