// Found by QA against an independent Sentry-style server: Sentry's search grammar reads a quoted
// value as '"' ('\\"' / [^"])* '"', so a version that ends with a backslash swallows its closing
// quote, and in a `release:[...]` list it swallows its neighbour too: on an older backend (whose
// answers are split by release list) a normal release next to `trail\` read 0 sessions.
import { strict as assert } from 'assert';
import { chunkReleases, releaseFilter } from '../../../src/api/sessionsQueries';

/** The versions Sentry's grammar reads from `release:[...]` (quoted values, `\"` unescaped). */
function versionsSentryReads(filter: string): string[] {
  const body = /^release:\[(.*)\]$/s.exec(filter)![1];
  const out: string[] = [];
  let i = 0;
  while (i < body.length) {
    assert.equal(body[i], '"', `a quoted value at ${i} of ${filter}`);
    let j = i + 1;
    let value = '';
    while (j < body.length && body[j] !== '"') {
      if (body[j] === '\\' && body[j + 1] === '"') {
        value += '"';
        j += 2;
      } else value += body[j++];
    }
    out.push(value);
    i = j + 1;
    if (body[i] === ',') i++;
  }
  return out;
}

describe('api: release filters and versions that end with a backslash', () => {
  const versions = ['1.0', 'q"uote', 'back\\slash', 'trail\\', 'ünï✓ode', 'both\\"mix', 'two\\\\', 'emoji🚀'];

  it('never puts a version ending with a backslash in a chunk with others', () => {
    const chunks = chunkReleases(versions.map((version) => ({ version, pairs: 1 })), 100);
    for (const chunk of chunks) if (chunk.some((v) => v.endsWith('\\'))) assert.equal(chunk.length, 1, JSON.stringify(chunk));
    assert.deepEqual(chunks.flat().sort(), [...versions].sort());
  });

  it('so every other version of a chunk reads back exactly as Sentry parses it', () => {
    for (const chunk of chunkReleases(versions.map((version) => ({ version, pairs: 1 })), 100)) {
      if (chunk.length === 1 && chunk[0].endsWith('\\')) continue;
      assert.deepEqual(versionsSentryReads(releaseFilter(chunk)), chunk);
    }
  });

  it('names a lone version ending with a backslash unquoted, which Sentry takes as it is', () => {
    assert.equal(releaseFilter(['trail\\']), 'release:trail\\');
    assert.equal(releaseFilter(['two\\\\']), 'release:two\\\\');
    assert.equal(releaseFilter(['1.0']), 'release:["1.0"]');
  });
});
