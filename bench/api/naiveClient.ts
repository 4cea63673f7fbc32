// The baseline of section `api`: a naive client that lists projects and releases and then sends
// one sessions query per release (with the same concurrency as ours), as a first integration
// with the Sentry API usually does.

export interface NaiveResult {
  requests: number;
  releases: number;
}

/** The `next` cursor of a Sentry Link header, when it says there are more results. */
function nextCursor(link: string | null): string | null {
  if (!link) return null;
  for (const part of link.split(',')) {
    if (/rel="next"/.test(part) && /results="true"/.test(part)) return /cursor="([^"]*)"/.exec(part)?.[1] ?? null;
  }
  return null;
}

export async function naiveRefresh(baseUrl: string, org: string, token: string, concurrency: number): Promise<NaiveResult> {
  let requests = 0;
  const get = async (pathAndQuery: string): Promise<{ body: unknown; link: string | null }> => {
    requests++;
    const res = await fetch(`${baseUrl}${pathAndQuery}`, { headers: { Authorization: `Bearer ${token}` } });
    if (!res.ok) throw new Error(`${pathAndQuery}: HTTP ${res.status}`);
    return { body: await res.json(), link: res.headers.get('link') };
  };
  const base = `/api/0/organizations/${encodeURIComponent(org)}`;
  const projects = (await get(`${base}/projects/?per_page=100`)).body as Array<{ id: string }>;
  const releases: string[] = [];
  let cursor: string | null = '';
  while (cursor !== null) {
    const q = new URLSearchParams([...projects.map((p): [string, string] => ['project', p.id]), ['per_page', '100'], ...(cursor ? [['cursor', cursor] as [string, string]] : [])]);
    const page = await get(`${base}/releases/?${q}`);
    for (const r of page.body as Array<{ version: string }>) releases.push(r.version);
    cursor = nextCursor(page.link);
  }
  let next = 0;
  const worker = async () => {
    while (next < releases.length) {
      const release = releases[next++];
      const q = new URLSearchParams([
        ['field', 'sum(session)'], ['field', 'count_unique(user)'], ['groupBy', 'session.status'], ['statsPeriod', '24h'], ['interval', '1h'],
        ['query', `release:"${release.replace(/"/g, '\\"')}"`], ...projects.map((p): [string, string] => ['project', p.id]),
      ]);
      await get(`${base}/sessions/?${q}`);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return { requests, releases: releases.length };
}
