// Bundles the in-host suite for both launchers: out/integration/suite.js (test-electron's
// extensionTestsPath) and out/integration/harness/harness.js (the code-server harness extension).
import * as esbuild from 'esbuild';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '..', '..');
export const OUT_DIR = path.join(ROOT, 'out', 'integration');
export const SUITE_BUNDLE = path.join(OUT_DIR, 'suite.js');
export const HARNESS_BUNDLE = path.join(OUT_DIR, 'harness', 'harness.js');

export async function buildIntegrationBundles(): Promise<void> {
  const common: esbuild.BuildOptions = {
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    external: ['vscode'],
    sourcemap: 'inline',
    logLevel: 'warning',
    // mocha's parallel mode require.resolve()s worker files; the suite runs serially, never there.
    logOverride: { 'require-resolve-not-external': 'silent' },
    absWorkingDir: ROOT,
  };
  await Promise.all([
    esbuild.build({ ...common, entryPoints: [path.join(ROOT, 'test/integration/suite/index.ts')], outfile: SUITE_BUNDLE }),
    esbuild.build({ ...common, entryPoints: [path.join(ROOT, 'test/integration/harness/extension.ts')], outfile: HARNESS_BUNDLE }),
  ]);
}

if (require.main === module) {
  buildIntegrationBundles().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
