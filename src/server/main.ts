// release-health-server: the local Sentry-style server from the command line. Prints one line
// with the URL, DSN and token, and shuts down cleanly on SIGINT/SIGTERM.
import { parseCliArgs, USAGE, UsageError } from './cliArgs';
import { startServer } from './server';

async function main(): Promise<void> {
  let options;
  try {
    options = parseCliArgs(process.argv.slice(2));
  } catch (err) {
    if (err instanceof UsageError) {
      process.stderr.write(`release-health-server: ${err.message}\n${USAGE}\n`);
      process.exit(2);
    }
    throw err;
  }
  if (options === null) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const server = await startServer({ ...options, log: (line) => process.stderr.write(`release-health-server: ${line}\n`) });
  const r = server.importReport;
  if (r) {
    process.stderr.write(r.alreadyImported
      ? `release-health-server: ${r.file} was already imported into this data dir\n`
      : `release-health-server: imported ${r.imported} records from ${r.file}, skipped ${r.skipped} bad lines${r.samples.length ? ` (first: line ${r.samples[0].line}: ${r.samples[0].reason})` : ''}\n`);
  }
  process.stdout.write(`Release Health server listening on ${server.url}  org: ${server.org}  DSN: ${server.dsn}  token: ${server.token}\n`);
  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    process.stderr.write(`release-health-server: ${signal}, shutting down\n`);
    server.close().then(
      () => process.exit(0),
      (err: unknown) => {
        process.stderr.write(`release-health-server: ${String(err)}\n`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((err: unknown) => {
  process.stderr.write(`release-health-server: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
