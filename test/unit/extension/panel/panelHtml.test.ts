import { strict as assert } from 'assert';
import { createNonce } from '../../../../src/extension/panel/nonce';
import { buildCsp, buildPanelHtml } from '../../../../src/extension/panel/panelHtml';
import type { PanelModel } from '../../../../src/webview/protocol';

const CSP_SOURCE = 'https://file+.vscode-resource.vscode-cdn.net';

describe('extension/panel/panelHtml', () => {
  it('builds the CSP: nothing by default, scripts by nonce, styles, images and fonts from the extension', () => {
    assert.equal(
      buildCsp(CSP_SOURCE, 'abc123'),
      `default-src 'none'; script-src 'nonce-abc123'; style-src ${CSP_SOURCE}; img-src ${CSP_SOURCE} data:; font-src ${CSP_SOURCE}`,
    );
  });

  it('loads one script with the nonce, the style sheets as files, and nothing inline', () => {
    const html = buildPanelHtml({
      cspSource: CSP_SOURCE,
      nonce: 'N0nce+/x',
      scriptUri: `${CSP_SOURCE}/ext/dist/webview.js`,
      styleUris: [`${CSP_SOURCE}/ext/media/vendor/uPlot.min.css`, `${CSP_SOURCE}/ext/media/webview.css`],
      key: { source: 'demo', project: 'p"q', release: '<img src=x onerror=alert(1)>' },
    });
    assert.ok(html.includes(`content="default-src &#39;none&#39;; script-src &#39;nonce-N0nce+/x&#39;;`));
    const scripts = html.match(/<script\b[^>]*>/g) ?? [];
    assert.deepEqual(scripts, [`<script nonce="N0nce+/x" src="${CSP_SOURCE}/ext/dist/webview.js">`]);
    assert.equal((html.match(/<link rel="stylesheet"/g) ?? []).length, 2);
    assert.ok(!/<style\b/.test(html), 'no <style> element');
    const attributeNames = [...html.matchAll(/\s([\w-]+)="[^"]*"/g)].map((m) => m[1]);
    assert.ok(attributeNames.length > 10);
    assert.ok(!attributeNames.includes('style'), 'no style attribute');
    assert.ok(!attributeNames.some((n) => /^on/i.test(n)), 'no inline event handler');
    assert.ok(!html.includes('<img'));
    assert.ok(html.includes('<title>Release Health: &lt;img src=x onerror=alert(1)&gt;</title>'));
    assert.ok(html.includes(`data-release-key="{&quot;source&quot;:&quot;demo&quot;,&quot;project&quot;:&quot;p\\&quot;q&quot;,&quot;release&quot;:&quot;&lt;img src=x onerror=alert(1)&gt;&quot;}"`));
    assert.ok(!/https?:\/\/(?!file\+\.vscode-resource)/.test(html), 'no remote resources');
  });

  it('carries the host\'s model as one escaped attribute that reads back as the same JSON', () => {
    const hostile = '</script><script>alert(1)</script>"\' onload=x & \u2028';
    const model: PanelModel = {
      key: { source: 'demo', project: 'shop', release: hostile },
      phase: 'ready',
      error: { message: hostile, fixTitle: 'Fix' },
      health: null,
      scope: null,
      links: { openInSentry: null, previousReleaseInSentry: null },
    };
    const html = buildPanelHtml({
      cspSource: CSP_SOURCE,
      nonce: 'n',
      scriptUri: `${CSP_SOURCE}/ext/dist/webview.js`,
      styleUris: [],
      key: model.key,
      model,
    });
    const attribute = /\sdata-model="([^"]*)"/.exec(html);
    assert.ok(attribute, 'body[data-model]');
    assert.ok(!/[<>'"]/.test(attribute[1]), 'nothing in it can end the attribute or start markup');
    const decoded = attribute[1].replace(/&(lt|gt|quot|#39|amp);/g, (_, n: string) => ({ lt: '<', gt: '>', quot: '"', '#39': "'", amp: '&' })[n]!);
    assert.deepEqual(JSON.parse(decoded), model);
    assert.deepEqual(html.match(/<script\b[^>]*>/g), [`<script nonce="n" src="${CSP_SOURCE}/ext/dist/webview.js">`], 'still one script, no inline code');
  });

  it('leaves the model out when there is none (the comparison view)', () => {
    const html = buildPanelHtml({ cspSource: CSP_SOURCE, nonce: 'n', scriptUri: 's', styleUris: [], key: { source: 'demo', project: 'p', release: 'r' } });
    assert.ok(!html.includes('data-model'));
  });

  it('makes a fresh, unguessable nonce each time', () => {
    const a = createNonce();
    const b = createNonce();
    assert.notEqual(a, b);
    assert.match(a, /^[A-Za-z0-9+/]{24}$/);
  });

  it("hands VS Code's translations to the page as an escaped attribute, and none in English", () => {
    const input = {
      cspSource: CSP_SOURCE,
      nonce: 'n',
      scriptUri: `${CSP_SOURCE}/ext/dist/webview.js`,
      styleUris: [],
      key: { source: 'demo', project: 'p', release: 'r' },
    };
    assert.ok(!buildPanelHtml(input).includes('data-l10n'));
    assert.ok(!buildPanelHtml({ ...input, translations: {} }).includes('data-l10n'));
    const html = buildPanelHtml({ ...input, translations: { Sessions: 'Sitzungen "<b>"' } });
    const attr = /data-l10n="([^"]*)"/.exec(html)?.[1];
    assert.equal(attr, '{&quot;Sessions&quot;:&quot;Sitzungen \\&quot;&lt;b&gt;\\&quot;&quot;}');
    assert.ok(!html.includes('<b>'));
  });
});
