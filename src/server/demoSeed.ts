// --demo: the deterministic demo dataset of src/demo (three projects, 90+ days, one regressing
// release), held in memory only: it is regenerated at every start, back from the start of the
// hour (demoAnchor), as the extension's demo source does.
import { DEMO_PROJECTS, demoAnchor, generateDemoLines } from '../demo/demoDataset';
import { parseSessionDocument } from '../raw/sessionLine';
import type { DurableStore } from './store/durableStore';
import type { LogEntry } from './store/logRecords';
import { ProjectResolver } from './store/projectResolver';

export function seedDemo(durable: DurableStore, sessions: number, now: number): { lines: number } {
  const platforms = Object.fromEntries(DEMO_PROJECTS.map((p) => [p.slug, p.platform]));
  const resolver = new ProjectResolver(durable.registry, now, platforms);
  let lines = 0;
  let batch: LogEntry[] = [];
  for (const doc of generateDemoLines({ now: demoAnchor(now), sessions })) {
    const parsed = parseSessionDocument(doc);
    if (!parsed.ok) continue;
    const projectId = resolver.resolve(parsed.record.project ?? DEMO_PROJECTS[0].slug, batch);
    batch.push({ kind: 'session', session: { projectId, record: { ...parsed.record, project: null } } });
    lines++;
    if (batch.length >= 10000) {
      durable.apply(batch);
      batch = [];
    }
  }
  durable.apply(batch);
  return { lines };
}
