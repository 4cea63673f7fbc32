// The SentryClient the extension uses: src/api's client, given VS Code's proxy settings and
// the request timeout from the settings.
import { checkConnection, fetchApiOverview, listProjects, type ApiSourceConfig } from '../../api/fetchApiOverview';
import { fetchReleaseCommits, fetchReleaseDeploys } from '../../api/releaseRecords';
import type { SentryClient, SentryConnection } from './sentryClient';

function configOf(c: SentryConnection, projects: string[] = [], environments: string[] = []): ApiSourceConfig {
  return {
    baseUrl: c.url,
    organization: c.organization,
    projects,
    environments,
    timeoutMs: c.timeoutSeconds * 1000,
    proxy: { ...(c.proxy.url ? { proxyUrl: c.proxy.url } : {}), strictSSL: c.proxy.strictSSL },
    userAgent: 'release-health-vscode/0.1',
  };
}

export const apiSentryClient: SentryClient = {
  async checkConnection(c, hooks) {
    const org = await checkConnection(configOf(c), c.token, hooks);
    return { regionUrl: org.regionUrl };
  },
  listProjects(c, hooks) {
    return listProjects(configOf(c), c.token, hooks);
  },
  async fetchOverview(c, projects, options, hooks) {
    const result = await fetchApiOverview(configOf(c, projects, options.environments), c.token, options, hooks);
    const { projects: apiProjects, requests: _requests, regionUrl, ageWindows, releaseRecords, ...overview } = result;
    void _requests;
    return { overview, projects: apiProjects, regionUrl, records: releaseRecords, ...(ageWindows ? { ageWindows } : {}) };
  },
  async fetchCommits(c, version, hooks) {
    return (await fetchReleaseCommits(configOf(c), c.token, version, hooks)).map((x) => x.id);
  },
  fetchDeploys(c, version, hooks) {
    return fetchReleaseDeploys(configOf(c), c.token, version, hooks);
  },
};
