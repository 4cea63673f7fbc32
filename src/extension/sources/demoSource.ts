// "Explore with demo data": the deterministic demo dataset (fixed seed, the server's --demo
// generator, same size, same anchor: the same sessions as the local server) generated in process, each line run through the same parser, accumulator and
// pipeline as a raw session file. No data file ships with the extension.
import { DEMO_SESSIONS, demoAnchor, generateDemoLines } from '../../demo/demoDataset';
import type { UnixSeconds } from '../../health/types';
import { overviewFromAccumulator } from '../../raw/fileOverview';
import { newAccumulator } from '../../raw/readOptions';
import type { SessionAccumulator } from '../../raw/sessionAccumulator';
import { parseSessionDocument } from '../../raw/sessionLine';
import { throwIfAborted, type HealthSource, type SourceRequest, type SourceResult } from '../store/healthSource';
import { environmentsOf } from './rawEnvironments';
import { overviewOptionsOf, sourceScope } from './sourceOptions';
import { t } from '../../present/localize';

/** Lines per slice of work; generating everything at once would block the extension host for ~0.6 s. */
const SLICE = 2_000;

interface DemoData {
  now: UnixSeconds;
  accumulator: SessionAccumulator;
}

const yieldToHost = () => new Promise<void>((resolve) => setImmediate(resolve));

export async function buildDemoAccumulator(now: UnixSeconds, signal: AbortSignal, sessions = DEMO_SESSIONS): Promise<SessionAccumulator> {
  const accumulator = newAccumulator({ now, defaultProject: 'demo' });
  let n = 0;
  for (const line of generateDemoLines({ now: demoAnchor(now), sessions })) {
    const parsed = parseSessionDocument(line);
    if (parsed.ok) accumulator.add(parsed.record);
    if (++n % SLICE === 0) {
      await yieldToHost();
      throwIfAborted(signal);
    }
  }
  return accumulator;
}

export class DemoSource implements HealthSource {
  readonly kind = 'demo' as const;
  /** The generated data is kept, with the `now` it was generated for, until a refresh. */
  private data: DemoData | null = null;
  private building: { promise: Promise<DemoData>; controller: AbortController } | null = null;

  constructor(private readonly sessions = DEMO_SESSIONS) {}

  async load(request: SourceRequest): Promise<SourceResult> {
    const data = await this.dataFor(request);
    throwIfAborted(request.signal);
    const overview = overviewFromAccumulator(data.accumulator, { ...overviewOptionsOf(request.settings, data.now), equalAge: request.equalAge });
    return {
      overview,
      ...(overview.ageWindows ? { ageWindows: overview.ageWindows } : {}),
      scope: sourceScope('demo', t('Demo data'), request.settings),
      skipped: null,
      environments: environmentsOf(data.accumulator),
    };
  }

  private dataFor(request: SourceRequest): Promise<DemoData> {
    if (this.data && !request.force) return Promise.resolve(this.data);
    if (this.building && !request.force) return this.building.promise;
    // A forced load starts afresh; a build it supersedes stops at its next slice.
    this.building?.controller.abort();
    this.data = null;
    const now = request.now;
    const controller = new AbortController();
    const promise = buildDemoAccumulator(now, controller.signal, this.sessions).then((accumulator) => ({ now, accumulator }));
    const building = { promise, controller };
    this.building = building;
    promise.then(
      (d) => {
        if (this.building === building) {
          this.data = d;
          this.building = null;
        }
      },
      () => {
        if (this.building === building) this.building = null;
      },
    );
    return promise;
  }
}
