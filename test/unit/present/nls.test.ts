// package.json names its texts by key (%key%); package.nls.json holds the English text of each.
import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';

const root = path.join(__dirname, '../../..');
const pkgText = fs.readFileSync(path.join(root, 'package.json'), 'utf8');
const pkg = JSON.parse(pkgText);
const nls = JSON.parse(fs.readFileSync(path.join(root, 'package.nls.json'), 'utf8')) as Record<string, string>;

describe('package.nls.json', () => {
  it('has a text for every %key% of package.json, and no key nothing uses', () => {
    const used = new Set([...pkgText.matchAll(/"%([^"%]+)%"/g)].map((m) => m[1]));
    assert.ok(used.size > 40, `${used.size} keys`);
    assert.deepEqual([...used].filter((k) => typeof nls[k] !== 'string' || nls[k].trim() === ''), []);
    assert.deepEqual(Object.keys(nls).filter((k) => !used.has(k)), []);
  });

  it('leaves no user-facing text of the contributions in package.json itself', () => {
    const c = pkg.contributes;
    const texts: string[] = [
      pkg.displayName, pkg.description, c.configuration.title,
      ...c.commands.flatMap((x: { title: string; category?: string }) => [x.title, x.category ?? '%category%']),
      ...Object.values(c.views).flat().flatMap((v: any) => [v.name, v.contextualTitle ?? '%x%']),
      ...c.viewsContainers.activitybar.map((v: { title: string }) => v.title),
      ...c.viewsWelcome.map((w: { contents: string }) => w.contents),
      // Language-model tools: what people read (the model reads modelDescription, in English).
      ...c.languageModelTools.flatMap((x: { displayName: string; userDescription: string }) => [x.displayName, x.userDescription]),
      ...Object.values(c.configuration.properties).flatMap((p: any) => [p.markdownDescription ?? p.description, ...(p.enumDescriptions ?? [])]),
    ];
    for (const t of texts) assert.match(t, /^%[^%]+%$/);
  });
});
