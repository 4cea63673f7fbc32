#!/usr/bin/env node
// `npm test`: every test layer in turn (unit, integration in code-server, e2e on the packaged
// extension), each reporting its counts through the file named by RH_TEST_COUNTS. Runs every
// layer even when one fails, then prints one line exactly `N passed, N failed` summed over all
// layers, last. Exit code 1 when anything failed, or a layer did not report (counted as a failure).
//
// RH_LAYERS=unit,integration,e2e picks layers (default: all).
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
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rh-counts-'));
const results = [];

for (const layer of layers) {
  const countsFile = path.join(tmp, `${layer.name}.json`);
  const started = Date.now();
  console.log(`\n=== ${layer.name}: npm run ${layer.script} ===`);
  const r = spawnSync(npm, ['run', layer.script], { cwd: ROOT, stdio: 'inherit', env: { ...process.env, RH_TEST_COUNTS: countsFile } });
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
