// HTTP(S) agents for the configured proxy and TLS strictness.
//
// axios's own `proxy` option forwards an https:// request to the proxy as an absolute-URL
// request instead of tunnelling it with CONNECT, which corporate proxies refuse; so https
// targets go through `https-proxy-agent` (the agent VS Code's own proxy support is built on)
// and axios's `proxy` stays off (`proxy: false` also stops axios reading the environment by
// itself: config.ts decides which proxy applies). Plain http targets use a forward proxy.
import * as http from 'http';
import * as https from 'https';
import type { AgentConnectOpts } from 'agent-base';
import { HttpsProxyAgent } from 'https-proxy-agent';
import type { AxiosProxyConfig } from 'axios';
import type { ResolvedConfig } from './config';
import { SentryApiError } from './errors';

/**
 * HttpsProxyAgent takes the target's TLS options from the request, not from the agent, and
 * axios does not put `rejectUnauthorized` there: this subclass applies strictSSL to the
 * tunnelled connection too (and, through the constructor options, to an https:// proxy).
 */
class StrictnessAwareProxyAgent extends HttpsProxyAgent<string> {
  constructor(proxy: string, private readonly rejectUnauthorized: boolean) {
    super(proxy, { rejectUnauthorized, keepAlive: true });
  }

  override connect(req: http.ClientRequest, opts: AgentConnectOpts) {
    return super.connect(req, { ...opts, rejectUnauthorized: this.rejectUnauthorized } as AgentConnectOpts);
  }
}

export interface Transport {
  httpAgent?: http.Agent;
  httpsAgent?: https.Agent | HttpsProxyAgent<string>;
  proxy: AxiosProxyConfig | false;
}

export function buildTransport(config: ResolvedConfig): Transport {
  const tls = { rejectUnauthorized: config.strictSSL, keepAlive: true };
  if (!config.proxyUrl) {
    return { httpAgent: new http.Agent({ keepAlive: true }), httpsAgent: new https.Agent(tls), proxy: false };
  }
  let proxy: URL;
  try {
    proxy = new URL(config.proxyUrl.includes('://') ? config.proxyUrl : `http://${config.proxyUrl}`);
  } catch {
    throw new SentryApiError(`The proxy setting '${safeProxyText(config.proxyUrl)}' is not a URL (expected e.g. http://proxy.example:8080).`, {
      kind: 'config',
      endpoint: 'configuration',
    });
  }
  if (proxy.protocol !== 'http:' && proxy.protocol !== 'https:') {
    throw new SentryApiError(`Only http:// and https:// proxies are supported, not ${proxy.protocol}//.`, { kind: 'config', endpoint: 'configuration' });
  }
  if (config.base.protocol === 'https:') {
    return { httpsAgent: new StrictnessAwareProxyAgent(proxy.href, config.strictSSL), proxy: false };
  }
  return {
    httpAgent: new http.Agent({ keepAlive: true }),
    proxy: {
      protocol: proxy.protocol.replace(':', ''),
      host: proxy.hostname,
      port: Number(proxy.port) || (proxy.protocol === 'https:' ? 443 : 80),
      ...(proxy.username ? { auth: { username: decodeURIComponent(proxy.username), password: decodeURIComponent(proxy.password) } } : {}),
    },
  };
}

/** A proxy URL for a message: without its credentials. */
export function safeProxyText(text: string): string {
  return text.replace(/\/\/[^@/]*@/, '//');
}

export function destroyTransport(t: Transport): void {
  t.httpAgent?.destroy();
  t.httpsAgent?.destroy();
}
