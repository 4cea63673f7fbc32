// Reads a folder's .env, .sentryclirc and package.json (missing or unreadable: absent).
import * as fs from 'fs';
import * as path from 'path';
import { folderFacts } from './folderFiles';
import type { FolderFacts } from './types';

const MAX_BYTES = 1024 * 1024;

async function readSmall(file: string): Promise<string | null> {
  try {
    const stat = await fs.promises.stat(file);
    if (!stat.isFile() || stat.size > MAX_BYTES) return null;
    return await fs.promises.readFile(file, 'utf8');
  } catch {
    return null;
  }
}

export async function readFolderFacts(dir: string, env: Readonly<Record<string, string | undefined>>): Promise<FolderFacts> {
  const [dotEnv, sentryCliRc, packageJson] = await Promise.all(
    ['.env', '.sentryclirc', 'package.json'].map((f) => readSmall(path.join(dir, f))),
  );
  return folderFacts({ env, dotEnv, sentryCliRc, packageJson });
}
