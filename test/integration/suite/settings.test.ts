import * as assert from 'assert';
import * as vscode from 'vscode';
import { extensionApi, resetSettings, setSetting } from './helpers';

// Defaults agreed for the extension's settings; `type` only where no default was agreed.
const EXPECTED: Array<{ key: string; default?: unknown; type?: 'string' | 'number' | 'array' }> = [
  { key: 'source', type: 'string' },
  { key: 'sentry.url', default: 'https://sentry.io' },
  { key: 'sentry.organization', type: 'string' },
  { key: 'sentry.projects', type: 'array' },
  { key: 'file.path', type: 'string' },
  { key: 'environments', type: 'array' },
  { key: 'summaryPeriod', default: '24h' },
  { key: 'healthStatsPeriod', default: '24h' },
  { key: 'stat', type: 'string' },
  { key: 'release', type: 'string' },
  { key: 'thresholds.target', default: 99.5 },
  { key: 'thresholds.critical', default: 98 },
  { key: 'thresholds.minimumSessions', default: 30 },
  { key: 'refreshIntervalMinutes', default: 5 },
  { key: 'requestTimeoutSeconds', type: 'number' },
];

describe('settings', () => {
  before(() => extensionApi());

  for (const e of EXPECTED) {
    it(`releaseHealth.${e.key} is contributed${'default' in e ? ` with default ${JSON.stringify(e.default)}` : ''}`, () => {
      const inspected = vscode.workspace.getConfiguration('releaseHealth').inspect(e.key);
      assert.ok(inspected, `releaseHealth.${e.key} is unknown`);
      if ('default' in e) {
        assert.deepStrictEqual(inspected.defaultValue, e.default);
      } else {
        const v = inspected.defaultValue;
        assert.notStrictEqual(v, undefined, `releaseHealth.${e.key} has no default`);
        assert.strictEqual(e.type === 'array' ? Array.isArray(v) : typeof v === e.type, true, `releaseHealth.${e.key} default ${JSON.stringify(v)} is not a ${e.type}`);
      }
    });
  }

  it('Select Period sets the figures\' and the chart\'s period; Select Chart Period the chart\'s alone', async () => {
    const config = () => vscode.workspace.getConfiguration('releaseHealth');
    try {
      await setSetting('source', 'demo');
      await vscode.commands.executeCommand('releaseHealth.selectPeriod', '7d');
      assert.deepStrictEqual([config().get('summaryPeriod'), config().get('healthStatsPeriod')], ['7d', '7d']);
      await vscode.commands.executeCommand('releaseHealth.selectChartPeriod', '48h');
      assert.deepStrictEqual([config().get('summaryPeriod'), config().get('healthStatsPeriod')], ['7d', '48h']);
    } finally {
      await resetSettings(['source', 'summaryPeriod', 'healthStatsPeriod']);
    }
  });
});
