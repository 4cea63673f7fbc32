import * as assert from 'assert';
import * as vscode from 'vscode';

describe('smoke', () => {
  it('runs inside the extension host', () => {
    assert.ok(vscode.version);
  });
});
