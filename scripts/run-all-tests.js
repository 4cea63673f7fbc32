#!/usr/bin/env node
// `npm test`: every test layer in turn (unit, integration in code-server, e2e on the packaged
// extension), each reporting its counts through the file named by RH_TEST_COUNTS. Runs every
// layer even when one fails, then prints one line exactly `N passed, N failed` summed over all
// layers, last. Exit code 1 when anything failed, or a layer did not report (counted as a failure).
//
// RH_LAYERS=unit,integration,e2e picks layers (default: all).
//
// On a fresh clone it first installs what the layers need, so that `npm test` alone works:
// the npm dependencies (`npm ci`) when node_modules is missing, and, for the VS Code layers,
// Chromium, Node 24 and code-server through scripts/ensure-vscode.sh (Debian packages with
// apt-get when run as root). Inner npm commands run without the npm_* variables the outer
// `npm test` exported (see scripts/lib/clean-npm-env.sh).
'use strict';
const { spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const ROOT = path.resolve(__dirname, '..');
const LAYERS = [
  { name: 'unit', script: 'test:unit' },
  { name: 'integration', script: 'test:integration' },
  { name: 'e2e', script: 'test:e2e' },
];

const wanted = (process.env.RH_LAYERS || '').split(',').map((s) => s.trim()).filter(Boolean);
const unknown = wanted.filter((w) => !LAYERS.some((l) => l.name === w));
if (unknown.length > 0) {
  console.error(`run-all-tests: unknown layer(s) ${unknown.join(', ')}; known: ${LAYERS.map((l) => l.name).join(', ')}`);
  process.exit(2);
}
const layers = wanted.length > 0 ? LAYERS.filter((l) => wanted.includes(l.name)) : LAYERS;
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const results = [];

/** process.env without what an outer `npm run` exports to its scripts (an inner npm would take it as its own). */
function cleanNpmEnv(extra) {
  const env = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (k.startsWith('npm_') || k === 'INIT_CWD' || k === 'NODE') continue;
    env[k] = v;
  }
  return { ...env, ...extra };
}

function setupStep(name, command, args, skips) {
  console.log(`\n=== setup: ${name} ===`);
  const started = Date.now();
  const r = spawnSync(command, args, { cwd: ROOT, stdio: 'inherit', env: cleanNpmEnv() });
  if (r.status === 0) return true;
  results.push({ name: `setup: ${name}`, passed: 0, failed: 1, pending: 0, seconds: (Date.now() - started) / 1000, note: ` (exited ${r.status ?? r.signal}: counted as 1 failure; not run: ${skips.join(', ')})` });
  return false;
}

let runnable = layers;
if (!fs.existsSync(path.join(ROOT, 'node_modules', '.package-lock.json'))) {
  if (!setupStep('npm ci (node_modules is missing)', npm, ['ci', '--no-audit', '--no-fund'], layers.map((l) => l.name))) runnable = [];
}
const VS_CODE_LAYERS = ['integration', 'e2e'];
if (runnable.some((l) => VS_CODE_LAYERS.includes(l.name))) {
  const vsCodeLayers = runnable.filter((l) => VS_CODE_LAYERS.includes(l.name)).map((l) => l.name);
  if (!setupStep('scripts/ensure-vscode.sh (Chromium, Node 24, code-server)', 'bash', [path.join(ROOT, 'scripts', 'ensure-vscode.sh')], vsCodeLayers)) {
    runnable = runnable.filter((l) => !VS_CODE_LAYERS.includes(l.name));
  }
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rh-counts-'));
for (const layer of runnable) {
  const countsFile = path.join(tmp, `${layer.name}.json`);
  const started = Date.now();
  console.log(`\n=== ${layer.name}: npm run ${layer.script} ===`);
  const r = spawnSync(npm, ['run', layer.script], { cwd: ROOT, stdio: 'inherit', env: cleanNpmEnv({ RH_TEST_COUNTS: countsFile }) });
  const seconds = (Date.now() - started) / 1000;
  let counts = null;
  try {
    counts = JSON.parse(fs.readFileSync(countsFile, 'utf8'));
  } catch {
    counts = null;
  }
  let passed = counts ? Number(counts.passed) || 0 : 0;
  let failed = counts ? Number(counts.failed) || 0 : 0;
  let note = '';
  if (!counts) {
    failed += 1;
    note = ' (reported no counts: counted as 1 failure)';
  } else if (r.status !== 0 && failed === 0) {
    failed += 1;
    note = ` (exited ${r.status ?? r.signal} without a failing test: counted as 1 failure)`;
  } else if (passed + failed === 0) {
    failed += 1;
    note = ' (ran no test: counted as 1 failure)';
  }
  results.push({ name: layer.name, passed, failed, pending: counts ? Number(counts.pending) || 0 : 0, seconds, note });
}
fs.rmSync(tmp, { recursive: true, force: true });

console.log('\n=== summary ===');
for (const r of results) {
  console.log(`  ${r.name.padEnd(12)} ${String(r.passed).padStart(4)} passing ${String(r.failed).padStart(3)} failing ${r.pending ? `${r.pending} pending ` : ''}in ${r.seconds.toFixed(1)} s${r.note}`);
}
const passed = results.reduce((a, r) => a + r.passed, 0);
const failed = results.reduce((a, r) => a + r.failed, 0);
console.log(`${passed} passed, ${failed} failed`);
process.exitCode = failed > 0 ? 1 : 0;
