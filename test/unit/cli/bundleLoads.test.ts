import { strict as assert } from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

// A short CLI run's cost beyond node's own start is mostly what it loads (bench: smallFileOverheadMs).
// `overview --file` on a small file needs no stream, socket, worker or child process: a dependency
// or an import that brings one back to every run shows here (as @vscode/l10n's fs/promises did).
const NOT_FOR_A_FILE_RUN = ['net', 'stream', 'fs/promises', 'readline', 'worker_threads', 'child_process', 'http', 'https', 'zlib'];

describe('cli bundle: what an overview --file run loads', () => {
  it('node modules beyond node -e 0: none of streams, net, fs/promises, readline, workers, child processes, http', function () {
    this.timeout(30_000);
    const bin = path.resolve(__dirname, '../../../dist/cli.js');
    if (!fs.existsSync(bin)) this.skip();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rh-loads-'));
    const data = path.join(dir, 'sessions.ndjson');
    fs.writeFileSync(data, Array.from({ length: 50 }, (_, i) => JSON.stringify({ sid: `s${i}`, did: `u${i % 9}`, init: true, started: '2026-11-26T11:00:00Z', status: i % 10 ? 'exited' : 'crashed', errors: 0, attrs: { release: 'r1' } })).join('\n') + '\n');
    const probe = path.join(dir, 'probe.js');
    // Loaded with -r: what node had before the bundle, then at exit what was added (to fd 2 directly).
    fs.writeFileSync(probe, "const before = new Set(process.moduleLoadList); process.on('exit', () => require('fs').writeSync(2, '\\nLOADED ' + JSON.stringify(process.moduleLoadList.filter((m) => !before.has(m))) + '\\n'));");
    const run = spawnSync(process.execPath, ['-r', probe, bin, 'overview', '--file', data, '--now', '2026-11-26T12:00:00Z', '--format', 'json'], { encoding: 'utf8' });
    fs.rmSync(dir, { recursive: true, force: true });
    assert.equal(run.status, 0, run.stderr);
    assert.equal(JSON.parse(run.stdout).releases[0].release, 'r1');
    const line = run.stderr.split('\n').find((l) => l.startsWith('LOADED '));
    assert.ok(line, run.stderr);
    const loaded = (JSON.parse(line.slice('LOADED '.length)) as string[]).filter((m) => m.startsWith('NativeModule ')).map((m) => m.slice('NativeModule '.length));
    const unwanted = loaded.filter((m) => NOT_FOR_A_FILE_RUN.includes(m) || NOT_FOR_A_FILE_RUN.some((n) => m.startsWith(`internal/${n}/`)) || m.startsWith('internal/streams/'));
    assert.deepEqual(unwanted, [], `loaded: ${loaded.join(', ')}`);
  });
});
