// scripts/lib/install-code-server.sh, run by scripts/ensure-vscode.sh from inside `npm test` or
// `npm run demo`: its inner npm installs must not inherit the outer npm's variables, or
// code-server's postinstall reads the outer Node's version from npm_config_user_agent and stops.
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { FakeBin, npmVariables, OUTER_NPM_ENV } from './fakeCommands';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const SCRIPT = path.join(ROOT, 'scripts', 'lib', 'install-code-server.sh');

describe('scripts/lib/install-code-server.sh', () => {
  let fake: FakeBin;
  let cache: string;
  beforeEach(() => {
    fake = new FakeBin();
    cache = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'rh-cache-test-')), 'code-server');
    // `npm install node@24` puts a node binary into node_modules/.bin, as the real one does.
    fake.add('npm', `case "$*" in *node@24*) mkdir -p node_modules/.bin && ln -sf ${JSON.stringify(process.execPath)} node_modules/.bin/node ;; esac`);
  });
  afterEach(() => {
    fake.remove();
    fs.rmSync(path.dirname(cache), { recursive: true, force: true });
  });

  it('runs both npm installs in the cache without the outer npm_* variables, with Node 24 first on PATH for code-server', () => {
    const r = spawnSync('bash', [SCRIPT, cache, 'node@24', '4.139.1'], {
      encoding: 'utf8',
      env: { ...process.env, ...OUTER_NPM_ENV, NPM_CONFIG_REGISTRY: 'https://registry.example.invalid/', PATH: fake.path() },
    });
    assert.strictEqual(r.status, 0, r.stderr);
    const calls = fake.calls().filter((c) => c.command === 'npm');
    assert.deepStrictEqual(calls.map((c) => c.args.filter((a) => !a.startsWith('--'))), [['install', 'node@24'], ['install', 'code-server@4.139.1']]);
    for (const c of calls) {
      assert.strictEqual(fs.realpathSync(c.cwd), fs.realpathSync(cache));
      assert.deepStrictEqual(npmVariables(c.env), [], 'inherited npm variables');
      // The user's own configuration (upper case) is kept.
      assert.strictEqual(c.env.NPM_CONFIG_REGISTRY, 'https://registry.example.invalid/');
    }
    assert.strictEqual(calls[1].env.PATH.split(path.delimiter)[0], path.join(cache, 'node_modules', '.bin'));
    const pkg = JSON.parse(fs.readFileSync(path.join(cache, 'package.json'), 'utf8')) as { allowScripts: Record<string, boolean> };
    assert.deepStrictEqual(pkg.allowScripts, { node: true, 'code-server': true, argon2: true });
  });

  it('stops with a message when npm did not install node', () => {
    fake.add('npm', '');
    const r = spawnSync('bash', [SCRIPT, cache, 'node@24', '4.139.1'], { encoding: 'utf8', env: { ...process.env, PATH: fake.path() } });
    assert.notStrictEqual(r.status, 0);
    assert.match(r.stderr, /node was not installed/);
    assert.strictEqual(fake.calls().filter((c) => c.command === 'npm').length, 1, 'code-server is not installed without node');
  });
});
