// Lines for the differential tests of the fast reader: hand-picked tricky ones, and a seeded
// generator of valid and broken lines (random key order, whitespace, escapes, unicode, types,
// duplicates, truncation, stray bytes). Lines are Buffers: some are not valid UTF-8 on purpose.
import { seededRandom } from '../../../src/demo/random';
import { DAY, HOUR, iso, NOW } from '../fixtures/sessionLines';

const S = iso(NOW - HOUR);
const j = (o: unknown): string => JSON.stringify(o);
const b = (s: string): Buffer => Buffer.from(s, 'utf8');

const upd = (extra: Record<string, unknown> = {}, attrs: Record<string, unknown> = { release: 'r1', environment: 'production' }) =>
  j({ sid: 's1', did: 'u1', init: true, started: S, status: 'ok', errors: 0, ...extra, attrs });

export const TRICKY_LINES: Buffer[] = [
  // Plain, as SDKs send them.
  b(upd()),
  b(upd({ project: 'mobile', status: 'exited', duration: 12.5, init: false })),
  b(upd({ status: 'abnormal', abnormal_mechanism: 'anr_foreground', errors: 1 })),
  b(upd({ status: 'abnormal', abnormal_mechanism: 'none' })),
  b(upd({ status: 'crashed', errors: 1, seq: 3, timestamp: S })),
  b(j({ aggregates: [{ started: S, did: 'u9', exited: 3, errored: 1 }, { started: iso(NOW - 2 * HOUR), exited: 7, crashed: 2, unhandled: 1, abnormal: 1 }], attrs: { release: 'r2' } })),
  b(j({ project: 'web', aggregates: [], attrs: { release: 'r2', environment: 'staging' } })),
  // Escapes and unicode.
  b(upd({ sid: 'a"b' })),
  b(upd({}, { release: 'r\u00fc', environment: 'prod' })),
  b('{"sid":"x","started":"' + S + '","attrs":{"release":"r\\u00fc\\n"}}'),
  b('{"sid":"x","started":"' + S + '","attrs":{"release":"r\\u00FC"}}'),
  b('{"sid":"x","started":"' + S + '","timestamp":"a\\"b\\\\c\\/d\\b\\f\\n\\r\\t\\u0041","attrs":{"release":"r1"}}'),
  b('{"sid":"x","started":"' + S + '","timestamp":"bad \\x escape","attrs":{"release":"r1"}}'),
  b('{"sid":"x","started":"' + S + '","timestamp":"bad \\u00g0","attrs":{"release":"r1"}}'),
  b(upd({ did: 'üser-ñ', sid: 'sïd' }, { release: 'ünïcode 🚀 release', environment: 'прод' })),
  b(upd({}, { release: '<script>alert("x")</script> & <b>', environment: '"quoted"' })),
  b(upd({}, { release: 'spaces in  release', environment: '' })),
  b('{"st\\u0061tus":"crashed","sid":"x","started":"' + S + '","attrs":{"release":"r1"}}'),
  b('{"sid":"x","started":"' + S + '","attrs":{"rel\\u0065ase":"r1"}}'),
  // Numbers and types.
  b(upd({ errors: '2' })),
  b(upd({ errors: -1 })),
  b(upd({ errors: 1.5 })),
  b('{"sid":"x","errors":1.0,"started":"' + S + '","attrs":{"release":"r1"}}'),
  b('{"sid":"x","errors":1e2,"started":"' + S + '","attrs":{"release":"r1"}}'),
  b('{"sid":"x","errors":-0,"started":"' + S + '","attrs":{"release":"r1"}}'),
  b('{"sid":"x","errors":01,"started":"' + S + '","attrs":{"release":"r1"}}'),
  b('{"sid":"x","errors":1.,"started":"' + S + '","attrs":{"release":"r1"}}'),
  b('{"sid":"x","errors":+1,"started":"' + S + '","attrs":{"release":"r1"}}'),
  b('{"sid":"x","errors":12345678901234567890,"started":"' + S + '","attrs":{"release":"r1"}}'),
  b('{"sid":"x","duration":1e400,"status":"exited","started":"' + S + '","attrs":{"release":"r1"}}'),
  b('{"sid":"x","duration":-0,"status":"exited","started":"' + S + '","attrs":{"release":"r1"}}'),
  b('{"sid":"x","duration":3.25e1,"status":"exited","started":"' + S + '","attrs":{"release":"r1"}}'),
  b(upd({ duration: '5', status: 'exited' })),
  b(upd({ duration: -3, status: 'exited' })),
  b(upd({ init: 'true' })),
  b(upd({ init: 1 })),
  b(upd({ init: null, status: null, errors: null, sid: null, did: null, project: null })),
  b(upd({ sid: 5 })),
  b(upd({ sid: '' })),
  b(upd({ project: '' })),
  b(upd({ project: 7 })),
  b(upd({ did: 42 })),
  b(upd({ did: 1e21 })),
  b(upd({ did: {} })),
  b(upd({ did: '' })),
  b(upd({ did: '00000000-0000-0000-0000-000000000000' })),
  b(upd({ did: '00000000-0000-0000-0000-00000000000' })),
  b(upd({ status: 'exploded' })),
  b(upd({ status: 'OK' })),
  b(upd({ status: 5 })),
  b(upd({ abnormal_mechanism: 5, status: 'abnormal' })),
  b(upd({}, { release: 'r1', environment: 5 })),
  b(upd({}, { release: 'r1', environment: null })),
  b(upd({}, { release: '' })),
  b(upd({}, { release: 5 })),
  b(j({ sid: 'x', started: S, attrs: 'r1' })),
  b(j({ sid: 'x', started: S, attrs: null })),
  b(j({ sid: 'x', started: S, attrs: ['r1'] })),
  // Times.
  b(upd({ started: '2026-11-26T10:00:00' })),
  b(upd({ started: '2026-11-26T12:00:00+02:00' })),
  b(upd({ started: '2026-11-26T10:00:00.250Z' })),
  b(upd({ started: '2026-11-26T10:00:00.2Z' })),
  b(upd({ started: '2026-11-26T10:00:00.123456Z' })),
  b(upd({ started: '2026-11-26t10:00:00z' })),
  b(upd({ started: '2026-11-26 10:00:00Z' })),
  b(upd({ started: '2026-11-26' })),
  b(upd({ started: '2026-02-31T10:00:00Z' })),
  b(upd({ started: '2028-02-29T10:00:00Z' })),
  b(upd({ started: '2026-11-26T24:00:00Z' })),
  b(upd({ started: '2026-11-26T23:60:00Z' })),
  b(upd({ started: '2026-13-01T00:00:00Z' })),
  b(upd({ started: '0050-01-01T00:00:00Z' })),
  b(upd({ started: ' 2026-11-26T10:00:00Z ' })),
  b(upd({ started: NOW - HOUR })),
  b(upd({ started: 'yesterday' })),
  b(upd({ started: '' })),
  b(upd({ started: null })),
  b(upd({ started: iso(NOW) })),
  b(upd({ started: iso(NOW - 100 * DAY) })),
  b(upd({ started: iso(NOW - 30 * DAY) })),
  // Aggregates.
  b(j({ aggregates: [{ started: S, did: '00000000-0000-0000-0000-000000000000', exited: 1 }], attrs: { release: 'r1' } })),
  b(j({ aggregates: [{ started: S, exited: -3 }], attrs: { release: 'r1' } })),
  b(j({ aggregates: [{ started: S, exited: '3' }], attrs: { release: 'r1' } })),
  b(j({ aggregates: [{ exited: 3 }], attrs: { release: 'r1' } })),
  b(j({ aggregates: [{ started: 'soon', exited: 3 }], attrs: { release: 'r1' } })),
  b(j({ aggregates: 'many', attrs: { release: 'r1' } })),
  b(j({ aggregates: null, attrs: { release: 'r1' } })),
  b(j({ aggregates: [5], attrs: { release: 'r1' } })),
  b(j({ aggregates: [{ started: S, exited: 1, extra: { deep: [1, { x: null }] } }], attrs: { release: 'r1' } })),
  b(j({ aggregates: [{ started: S, did: 7, exited: 1 }], attrs: { release: 'r1' } })),
  b(j({ status: 'bogus', started: 'never', errors: -5, aggregates: [{ started: S, crashed: 1 }], attrs: { release: 'r1' } })),
  b('{"aggregates":[{"started":"' + S + '","exited":1,"exited":2}],"attrs":{"release":"r1"}}'),
  // Duplicate keys (JSON.parse keeps the last).
  b('{"sid":"x","status":"ok","status":"crashed","started":"' + S + '","attrs":{"release":"r1"}}'),
  b('{"sid":"x","started":"' + S + '","attrs":{"release":"r1"},"attrs":{"environment":"e"}}'),
  b('{"sid":"x","started":"' + S + '","attrs":{"release":"r1","release":"r2"}}'),
  b('{"sid":"x","seq":1,"seq":2,"started":"' + S + '","attrs":{"release":"r1"}}'),
  b('{"__proto__":{"x":1},"constructor":1,"sid":"x","started":"' + S + '","attrs":{"release":"r1","__proto__":null}}'),
  // Whitespace and layout.
  b('  { "sid" : "x" ,\t"started":\t"' + S + '" , "attrs" : { "release" : "r1" , "environment" : "e" } }  '),
  b('{"sid":"x","started":"' + S + '",\r"attrs":{"release":"r1"}}'),
  b('{"sid":"x","started":"' + S + '",\f"attrs":{"release":"r1"}}'),
  b('\u00a0{"sid":"x","started":"' + S + '","attrs":{"release":"r1"}}'),
  b('{"attrs":{"environment":"e","release":"r1"},"started":"' + S + '","errors":2,"did":"u","sid":"x","init":true}'),
  b('{"sid":"x","started":"' + S + '","attrs":{"release":"r1"},"extra":[1,2,{"a":[true,false,null,-1.5e-3,"s\\"t"]}]}'),
  b('{"sid":"x","started":"' + S + '","attrs":{"release":"r1"},"deep":' + '['.repeat(60) + ']'.repeat(60) + '}'),
  b('{"sid":"x","started":"' + S + '","attrs":{"release":"r1"},"empty":{},"list":[]}'),
  // Not JSON, or not an object.
  b('not json at all'),
  b('{"sid":"a","started":'),
  b('{'),
  b('}'),
  b('{}'),
  b('[1,2,3]'),
  b('"just a string"'),
  b('null'),
  b('123'),
  b('{"a":}'),
  b('{"sid":"x","started":"' + S + '","attrs":{"release":"r1"},}'),
  b('{"sid":"x","started":"' + S + '","attrs":{"release":"r1"}}x'),
  b('{"sid":"x","started":"' + S + '","attrs":{"release":"r1"}}{}'),
  b('{"sid":"x" "started":"' + S + '","attrs":{"release":"r1"}}'),
  b('{"sid":"x","started":"' + S + '","attrs":{"release":"r1"},"t":tru}'),
  b('{"sid":"x","started":"' + S + '","attrs":{"release":"r1"},"t":nulls}'),
  b('{sid:"x"}'),
  b("{'sid':'x'}"),
  // Control characters and bytes that are not UTF-8.
  b('{"sid":"x\ty","started":"' + S + '","attrs":{"release":"r1"}}'),
  b('{"sid":"x","started":"' + S + '","attrs":{"release":"r\u0001"}}'),
  Buffer.concat([b('{"sid":"x","started":"' + S + '","attrs":{"release":"r'), Buffer.from([0xff, 0xfe]), b('"}}')]),
  Buffer.concat([b('{"sid":"x","started":"' + S + '","attrs":{"release":"r'), Buffer.from([0xe2, 0x82]), b('"}}')]),
  Buffer.concat([b('{"sid":"x","started":"' + S + '","attrs":{"release":"r1"}}'), Buffer.from([0xc3])]),
  Buffer.concat([Buffer.from([0xc3]), b('{"sid":"x","started":"' + S + '","attrs":{"release":"r1"}}')]),
  Buffer.concat([b('{"sid":"x","did":"'), Buffer.from([0xf0, 0x9f]), b('","started":"' + S + '","attrs":{"release":"r1"}}')]),
  // Blank-ish lines.
  b(''),
  b('   '),
  b('\t \t'),
  b('\r'),
  b('\f'),
  b('\u00a0'),
  b('\ufeff'),
  b('\ufeff' + upd()),
  b('\u2028'),
];

// --- The random generator ---------------------------------------------------------------

const RELEASES = ['r1', 'r2', 'mobile@2.4.1', 'ünï 🚀', '<b>x</b>', 'a"b', 'back\\slash', 'tab\there', 'nul\u0000', 'wide\u2028line', ''];
const ENVIRONMENTS = ['production', 'staging', '', 'прод', 'e"q'];
const PROJECTS = ['mobile', 'web', '', 'ünï'];
const USERS = ['u1', 'u2', 'u3', 'ü4', '00000000-0000-0000-0000-000000000000', '', 'e236d6bb-8591-47dc-b68e-d33feecb0000'];
const STATUSES = ['ok', 'exited', 'crashed', 'abnormal', 'errored', 'unhandled', 'bogus', 'OK'];

export class LineGenerator {
  private readonly rand: () => number;

  constructor(seed: number) {
    this.rand = seededRandom(seed);
  }

  private pick<T>(list: readonly T[]): T {
    return list[Math.floor(this.rand() * list.length)];
  }

  private chance(p: number): boolean {
    return this.rand() < p;
  }

  private time(): unknown {
    const t = NOW - Math.floor(this.rand() * 100 * DAY) + (this.chance(0.1) ? 2 * DAY : 0);
    if (this.chance(0.85)) return iso(Math.floor(t)).replace('.000Z', this.chance(0.2) ? '.' + String(Math.floor(this.rand() * 1000)).padStart(3, '0') + 'Z' : 'Z');
    return this.pick<unknown>([t, String(t), '2026-11-26T10:00:00', '2026-11-26T12:00:00+02:00', 'soon', null, '2026-02-30T01:00:00Z', iso(t).replace('T', ' ')]);
  }

  private count(): unknown {
    if (this.chance(0.9)) return Math.floor(this.rand() * (this.chance(0.8) ? 2 : 5));
    return this.pick<unknown>([-1, '1', 1.5, null, 1e3, true]);
  }

  private maybe<T>(p: number, v: () => T): T | undefined {
    return this.chance(p) ? v() : undefined;
  }

  private attrs(): unknown {
    if (this.chance(0.03)) return this.pick<unknown>([null, 'r1', { environment: 'e' }, { release: 5 }]);
    const a: Record<string, unknown> = { release: this.pick(RELEASES.slice(0, this.chance(0.9) ? 3 : RELEASES.length)) };
    const env = this.maybe(0.8, () => this.pick(ENVIRONMENTS.slice(0, this.chance(0.9) ? 2 : ENVIRONMENTS.length)));
    if (env !== undefined) a.environment = env;
    if (this.chance(0.05)) a.environment = this.pick<unknown>([null, 5, {}]);
    return a;
  }

  private object(): Record<string, unknown> {
    const o: Record<string, unknown> = {};
    if (this.chance(0.5)) o.project = this.chance(0.95) ? this.pick(PROJECTS.slice(0, 2)) : this.pick<unknown>(['', 7, null, 'ünï']);
    if (this.chance(0.2)) {
      const n = Math.floor(this.rand() * 4);
      o.aggregates = Array.from({ length: n }, () => {
        const e: Record<string, unknown> = { started: this.time() };
        if (this.chance(0.7)) e.did = this.pick(USERS);
        for (const k of ['exited', 'errored', 'abnormal', 'crashed', 'unhandled']) if (this.chance(0.6)) e[k] = this.count();
        return e;
      });
      if (this.chance(0.02)) o.aggregates = this.pick<unknown>([null, 'x', {}]);
    } else {
      o.sid = this.chance(0.95) ? `s${Math.floor(this.rand() * 50)}` : this.pick<unknown>([null, '', 5]);
      if (this.chance(0.8)) o.did = this.pick(USERS);
      if (this.chance(0.5)) o.init = this.chance(0.97) ? this.chance(0.5) : this.pick<unknown>(['true', 1, null]);
      if (this.chance(0.97)) o.started = this.time();
      if (this.chance(0.9)) o.status = this.chance(0.97) ? this.pick(STATUSES.slice(0, 6)) : this.pick<unknown>([...STATUSES.slice(6), null, 3]);
      if (this.chance(0.8)) o.errors = this.count();
      if (this.chance(0.3)) o.duration = this.chance(0.9) ? Math.round(this.rand() * 6000) / 10 : this.pick<unknown>([-1, '5', null]);
      if (this.chance(0.1)) o.abnormal_mechanism = this.pick<unknown>(['anr_foreground', 'none', 5]);
      if (this.chance(0.3)) o.seq = Math.floor(this.rand() * 5);
      if (this.chance(0.3)) o.timestamp = this.time();
    }
    if (this.chance(0.98)) o.attrs = this.attrs();
    if (this.chance(0.1)) o.extra = this.pick<unknown>([{ a: [1, { b: null }] }, [true, false], 'x\ny', -1.5e-7, {}]);
    return o;
  }

  /** Key order shuffled, whitespace sprinkled, sometimes broken. */
  line(): Buffer {
    const o = this.object();
    const keys = Object.keys(o);
    if (this.chance(0.3)) keys.sort(() => this.rand() - 0.5);
    const ws = (): string => (this.chance(0.05) ? this.pick([' ', '\t', '  ', '\r']) : '');
    let text =
      ws() + '{' + keys.map((k) => ws() + JSON.stringify(k) + ws() + ':' + ws() + JSON.stringify(o[k]) + ws()).join(',') + '}' + ws();
    if (this.chance(0.03) && keys.length > 0) {
      const k = this.pick(keys); // a duplicate key, with another value
      text = text.replace(/}\s*$/, `,${JSON.stringify(k)}:${JSON.stringify(this.object()[k] ?? null)}}`);
    }
    if (this.chance(0.05)) text = text.replace(/"([a-z])/, (_m, c: string) => `"\\u00${c.charCodeAt(0).toString(16)}`);
    if (this.chance(0.03)) text = text.slice(0, Math.floor(this.rand() * text.length));
    const bytes = Buffer.from(text, 'utf8');
    if (this.chance(0.03) && bytes.length > 0) bytes[Math.floor(this.rand() * bytes.length)] = this.pick([0x00, 0x09, 0x20, 0x22, 0x5c, 0x7d, 0xc3, 0xff]);
    return bytes;
  }
}
