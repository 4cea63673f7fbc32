import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { commandTitle } from '../../../src/present/commandTitles';
import { COMMAND } from '../../../src/present/ids';

describe('present/commandTitles', () => {
  it("says each command's title as package.json does (package.nls.json)", () => {
    const nls = JSON.parse(fs.readFileSync(path.join(__dirname, '../../../package.nls.json'), 'utf8')) as Record<string, string>;
    for (const [name, id] of Object.entries(COMMAND)) assert.equal(commandTitle(id), nls[`command.${name}.title`], id);
  });
});
