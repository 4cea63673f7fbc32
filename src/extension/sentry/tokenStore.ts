// The auth token lives only in VS Code's SecretStorage, one per (base URL, organization), never
// in settings or logs.
import type { SecretStorage } from 'vscode';
import { normalizeBaseUrl } from '../settings';

export function tokenKey(url: string, organization: string): string {
  return `releaseHealth.sentryToken:${normalizeBaseUrl(url)}|${organization.trim()}`;
}

export class TokenStore {
  constructor(private readonly secrets: Pick<SecretStorage, 'get' | 'store' | 'delete'>) {}

  async get(url: string, organization: string): Promise<string | undefined> {
    const token = await this.secrets.get(tokenKey(url, organization));
    return token && token.trim() !== '' ? token : undefined;
  }

  store(url: string, organization: string, token: string): Thenable<void> {
    return this.secrets.store(tokenKey(url, organization), token.trim());
  }

  delete(url: string, organization: string): Thenable<void> {
    return this.secrets.delete(tokenKey(url, organization));
  }
}
