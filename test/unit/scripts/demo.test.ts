// `npm run demo` until Ctrl-C: the local server is started with the same demo data, settings are
// written in one scope only, and a Ctrl-C (signalled to the whole process group, as a terminal
// does, and relayed once more as npm does) leaves no process and no temporary folder. Desktop
// mode with a fake `code`, so that no code-server is needed; the cleanup path is the same.
import * as assert from 'assert';
import { spawn } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { FakeBin } from './fakeCommands';

const ROOT = path.resolve(__dirname, '..', '..', '..');

describe('scripts/demo.ts (npm run demo)', function () {
  this.timeout(120_000);
  let fake: FakeBin;
  let tmp: string;
  beforeEach(() => {
    fake = new FakeBin();
    fake.add('code', 'case "$1" in --version) echo "1.139.0" ;; esac');
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rh-demo-test-'));
  });
  afterEach(() => {
    fake.remove();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('serves the demo data, then Ctrl-C stops the server and removes every temporary folder', async () => {
    assert.ok(fs.existsSync(path.join(ROOT, 'dist', 'server.js')), 'dist/server.js: build first (npm run test:unit does)');
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'scripts', 'demo.ts')], {
      cwd: ROOT,
      detached: true, // its own process group, like a terminal's foreground job
      env: { ...process.env, PATH: fake.path(), RH_DEMO_DESKTOP: '1', TMPDIR: tmp },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    try {
      const deadline = Date.now() + 90_000;
      while (!out.includes('Press Ctrl-C to stop.')) {
        assert.ok(Date.now() < deadline && child.exitCode === null, `the demo did not start:\n${out}`);
        await new Promise((r) => setTimeout(r, 200));
      }
      const server = /Local Sentry-style server: (\S+)\s+organization: (\S+)\s+token: (\S+)/.exec(out);
      assert.ok(server, out);
      const [, url, org, token] = server;
      const projects = await fetch(`${url}/api/0/organizations/${org}/projects/`, { headers: { Authorization: `Bearer ${token}` } });
      assert.strictEqual(projects.status, 200);
      // Desktop VS Code opened on a workspace whose settings (one scope) pick the demo data.
      const opened = fake.calls().find((c) => c.command === 'code' && c.args[0] === '--extensionDevelopmentPath');
      assert.ok(opened, 'code was started');
      const workspace = opened.args[2];
      assert.deepStrictEqual(JSON.parse(fs.readFileSync(path.join(workspace, '.vscode', 'settings.json'), 'utf8')), { 'releaseHealth.source': 'demo' });
      assert.strictEqual(opened.env.RELEASE_HEALTH_OPEN_VIEW, '1');
      assert.ok(fs.readdirSync(tmp).some((f) => f.startsWith('rh-demo-')), 'the demo made its temporary folders');

      // Ctrl-C: the terminal signals the group; npm relays it once more.
      process.kill(-child.pid!, 'SIGINT');
      setTimeout(() => { try { process.kill(child.pid!, 'SIGINT'); } catch { /* gone */ } }, 5);
      const code = await Promise.race([exited, new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), 30_000))]);
      assert.notStrictEqual(code, 'timeout', 'the demo stops on Ctrl-C');
      await assert.rejects(fetch(`${url}/api/0/organizations/${org}/projects/`, { headers: { Authorization: `Bearer ${token}` } }), 'the local server is stopped');
      // tsx keeps its compile cache in the temporary folder on purpose; nothing else may stay.
      assert.deepStrictEqual(fs.readdirSync(tmp).filter((f) => !f.startsWith('tsx-')), [], 'no temporary folder left');
    } finally {
      try { process.kill(-child.pid!, 'SIGKILL'); } catch { /* already gone */ }
    }
  });
});
