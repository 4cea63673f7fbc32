// .ci/run does what the README asks of a new user and nothing that would hide a missing step:
// it installs exactly the Debian packages the README names as prerequisites and runs exactly the
// README's test command. Run here with fake apt-get and npm that record their calls.
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { FakeBin } from './fakeCommands';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const README = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');

/** The commands of the README's Quick start code block. */
function quickStartCommands(): string[] {
  const section = README.split(/^## /m).find((s) => s.startsWith('Quick start'));
  assert.ok(section, 'README has a Quick start section');
  const block = /```sh\n([\s\S]*?)```/.exec(section)?.[1] ?? '';
  return block.split('\n').map((l) => l.replace(/#.*$/, '').trim()).filter(Boolean);
}

/** The Debian packages the README's Quick start names as prerequisites. */
function readmePrerequisites(): string[] {
  const m = /Prerequisites:[^\n]*?Debian packages `([^`]+)`/.exec(README);
  assert.ok(m, 'README names its Debian prerequisites as "Prerequisites: … Debian packages `…`"');
  return m[1].trim().split(/\s+/);
}

function runCi(npmBody: string) {
  const fake = new FakeBin();
  fake.add('apt-get');
  fake.add('npm', npmBody);
  try {
    const r = spawnSync('bash', [path.join(ROOT, '.ci', 'run')], { encoding: 'utf8', env: { ...process.env, PATH: fake.path() } });
    return { ...r, calls: fake.calls().map((c) => [c.command, ...c.args].join(' ')) };
  } finally {
    fake.remove();
  }
}

describe('.ci/run', () => {
  it("the README's test command is `npm test`, after the demo", () => {
    assert.deepStrictEqual(quickStartCommands(), ['npm run demo', 'npm test']);
  });

  it("installs the README's prerequisites, then runs exactly the README's test command and nothing else", () => {
    const r = runCi('echo "12 passed, 0 failed"');
    assert.strictEqual(r.status, 0, r.stderr);
    assert.deepStrictEqual(r.calls, ['apt-get update -qq', `apt-get install -y -qq ${readmePrerequisites().join(' ')}`, quickStartCommands()[1]]);
    assert.strictEqual(r.stdout.trim().split('\n').pop(), '12 passed, 0 failed');
  });

  it("fails with the runner's summary as its last line when a test fails", () => {
    const r = runCi('echo "11 passed, 1 failed"; echo "npm error code 1"; exit 1');
    assert.strictEqual(r.status, 1);
    assert.strictEqual(r.stdout.trim().split('\n').pop(), '11 passed, 1 failed');
  });

  it('fails when the test command prints no summary', () => {
    const r = runCi('echo "something broke"; exit 0');
    assert.strictEqual(r.status, 1);
    assert.strictEqual(r.stdout.trim().split('\n').pop(), '0 passed, 1 failed');
  });

  it('scripts/ensure-vscode.sh installs no Debian package the README does not name', () => {
    const script = fs.readFileSync(path.join(ROOT, 'scripts', 'ensure-vscode.sh'), 'utf8');
    const named = new Set(readmePrerequisites());
    const used = [...script.matchAll(/apt_install (\w[\w-]*)/g), ...script.matchAll(/deb_installed ([\w-]+)/g)].map((m) => m[1]);
    const tools = /for tool in ([^;]+);/.exec(script)?.[1].trim().split(/\s+/) ?? [];
    assert.ok(used.length > 0 && tools.length > 0);
    for (const p of [...used, ...tools]) assert.ok(named.has(p), `${p} is not among the README's prerequisites`);
  });
});
