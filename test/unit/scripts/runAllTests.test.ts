// scripts/run-all-tests.js (`npm test`) on a fresh clone installs what its layers need itself,
// and hands its inner npm a clean environment. Run on a copy of the script in a folder without
// node_modules, with a fake npm and a fake scripts/ensure-vscode.sh that record their calls.
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { FakeBin, npmVariables, OUTER_NPM_ENV } from './fakeCommands';

const ROOT = path.resolve(__dirname, '..', '..', '..');

describe('scripts/run-all-tests.js (npm test) on a fresh clone', () => {
  let fake: FakeBin;
  let clone: string;
  beforeEach(() => {
    fake = new FakeBin();
    clone = fs.mkdtempSync(path.join(os.tmpdir(), 'rh-fresh-clone-'));
    fs.mkdirSync(path.join(clone, 'scripts'));
    fs.copyFileSync(path.join(ROOT, 'scripts', 'run-all-tests.js'), path.join(clone, 'scripts', 'run-all-tests.js'));
    // Fake ensure-vscode.sh: logged through a fake command so its environment is recorded too.
    fake.add('ensure-vscode');
    fs.writeFileSync(path.join(clone, 'scripts', 'ensure-vscode.sh'), 'ensure-vscode "$@"\n');
    // Fake npm: `ci` creates node_modules; `run <layer>` reports 2 passing tests.
    fake.add('npm', `case "$1" in
  ci) mkdir -p node_modules && echo '{}' > node_modules/.package-lock.json ;;
  run) echo '{"passed":2,"failed":0,"pending":0}' > "$RH_TEST_COUNTS" ;;
esac`);
  });
  afterEach(() => {
    fake.remove();
    fs.rmSync(clone, { recursive: true, force: true });
  });

  function runTests(layers: string) {
    const r = spawnSync(process.execPath, [path.join(clone, 'scripts', 'run-all-tests.js')], {
      encoding: 'utf8',
      env: { ...process.env, ...OUTER_NPM_ENV, RH_LAYERS: layers, PATH: fake.path() },
    });
    return { ...r, calls: fake.calls() };
  }

  it('installs the npm dependencies, then Chromium/Node 24/code-server, then runs the layers, each without the outer npm_* variables', () => {
    const r = runTests('unit,integration,e2e');
    assert.strictEqual(r.status, 0, r.stdout + r.stderr);
    assert.deepStrictEqual(r.calls.map((c) => [c.command, ...c.args].join(' ')), [
      'npm ci --no-audit --no-fund',
      'ensure-vscode',
      'npm run test:unit',
      'npm run test:integration',
      'npm run test:e2e',
    ]);
    for (const c of r.calls) assert.deepStrictEqual(npmVariables(c.env), [], `${c.command} ${c.args.join(' ')} inherited npm variables`);
    assert.strictEqual(r.stdout.trim().split('\n').pop(), '6 passed, 0 failed');
  });

  it('neither reinstalls the npm dependencies nor installs code-server when the layers do not need it', () => {
    fs.mkdirSync(path.join(clone, 'node_modules'));
    fs.writeFileSync(path.join(clone, 'node_modules', '.package-lock.json'), '{}');
    const r = runTests('unit');
    assert.strictEqual(r.status, 0, r.stdout + r.stderr);
    assert.deepStrictEqual(r.calls.map((c) => [c.command, ...c.args].join(' ')), ['npm run test:unit']);
  });

  it('counts a failed install as a failure and still runs the layers that do not need it', () => {
    fake.add('ensure-vscode', 'exit 1');
    const r = runTests('unit,integration');
    assert.strictEqual(r.status, 1);
    assert.deepStrictEqual(r.calls.map((c) => [c.command, ...c.args].join(' ')), ['npm ci --no-audit --no-fund', 'ensure-vscode', 'npm run test:unit']);
    assert.match(r.stdout, /setup: scripts\/ensure-vscode\.sh.*not run: integration/);
    assert.strictEqual(r.stdout.trim().split('\n').pop(), '2 passed, 1 failed');
  });
});
