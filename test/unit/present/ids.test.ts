// package.json's contributions and the typed ids must name the same things, both ways.
import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { SETTING, SECTION } from '../../../src/extension/settings';
import { STATS_PERIODS } from '../../../src/health/types';
import { COMMAND, CONTEXT_KEY, SOURCE_KINDS, VIEW } from '../../../src/present/ids';
import { periodWords } from '../../../src/present/periods';

const pkg = JSON.parse(fs.readFileSync(path.join(__dirname, '../../../package.json'), 'utf8'));
const nls = JSON.parse(fs.readFileSync(path.join(__dirname, '../../../package.nls.json'), 'utf8')) as Record<string, string>;
/** A contribution's text: `%key%` resolved through package.nls.json. */
const text = (s: string) => s.replace(/^%([^%]+)%$/, (_m, k: string) => nls[k]);
const contributes = pkg.contributes;
const sorted = (xs: Iterable<string>) => [...new Set(xs)].sort();

/** Every `when` clause of every menu and welcome view. */
function whenClauses(): string[] {
  const menus = Object.values(contributes.menus as Record<string, Array<{ when?: string }>>).flat();
  return [...menus, ...contributes.viewsWelcome].map((m: { when?: string }) => m.when ?? '').filter(Boolean);
}

describe('present/ids against package.json', () => {
  it('commands: contributed = typed, and menus name only those', () => {
    assert.deepEqual(sorted(contributes.commands.map((c: { command: string }) => c.command)), sorted(Object.values(COMMAND)));
    const inMenus = Object.values(contributes.menus as Record<string, Array<{ command: string }>>).flat().map((m) => m.command);
    for (const id of inMenus) assert.ok((Object.values(COMMAND) as string[]).includes(id), id);
  });

  it('views, the view container and the webview panel', () => {
    assert.deepEqual(contributes.viewsContainers.activitybar.map((c: { id: string }) => c.id), [VIEW.container]);
    assert.deepEqual(contributes.views[VIEW.container].map((v: { id: string }) => v.id), [VIEW.releases]);
    assert.ok(contributes.viewsWelcome.every((w: { view: string }) => w.view === VIEW.releases));
    assert.ok(pkg.activationEvents.includes(`onWebviewPanel:${VIEW.releasePanel}`));
    assert.ok(pkg.activationEvents.includes(`onWebviewPanel:${VIEW.comparisonPanel}`));
    // Contributed views activate the extension by themselves (VS Code ≥ 1.74).
    assert.ok(!pkg.activationEvents.some((e: string) => e.startsWith('onView:')), pkg.activationEvents.join(', '));
  });

  it('the palette hides Sign Out and Refresh when they cannot act', () => {
    const palette = new Map<string, string>(contributes.menus.commandPalette.map((m: { command: string; when: string }) => [m.command, m.when]));
    assert.equal(palette.get(COMMAND.signOut), CONTEXT_KEY.signedIn);
    assert.equal(palette.get(COMMAND.refresh), CONTEXT_KEY.configured);
  });

  it('settings: contributed = typed', () => {
    assert.deepEqual(sorted(Object.keys(contributes.configuration.properties)), sorted(Object.values(SETTING).map((k) => `${SECTION}.${k}`)));
  });

  it('source kinds and periods: the settings enums are the typed values, each described', () => {
    const props = contributes.configuration.properties;
    assert.deepEqual(props[`${SECTION}.${SETTING.source}`].enum, ['', ...SOURCE_KINDS]);
    for (const key of [SETTING.summaryPeriod, SETTING.healthStatsPeriod]) {
      assert.deepEqual(props[`${SECTION}.${key}`].enum, [...STATS_PERIODS], key);
      const described = STATS_PERIODS.map((p) => `${periodWords(p)[0].toUpperCase()}${periodWords(p).slice(1)}.`);
      assert.deepEqual(props[`${SECTION}.${key}`].enumDescriptions.map(text), described, `${key} enumDescriptions`);
    }
  });

  it('context keys: every releaseHealth.* key a `when` clause reads is typed, and every typed key is read', () => {
    const settingKeys = new Set(Object.values(SETTING).map((k) => `${SECTION}.${k}`));
    const read = new Set<string>();
    for (const when of whenClauses()) {
      for (const m of when.matchAll(/(config\.)?\b(releaseHealth\.[\w.]+)/g)) {
        // `view == releaseHealth.releases` names a view, `config.releaseHealth.x` a setting.
        if (m[2] === VIEW.releases || (m[1] && settingKeys.has(m[2]))) continue;
        read.add(m[2]);
      }
    }
    assert.deepEqual(sorted(read), sorted(Object.values(CONTEXT_KEY)));
  });
});
