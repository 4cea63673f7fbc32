// One server per data dir: two processes appending to one log would each hold half the data in
// memory. The lock is a file holding the owner's pid; a lock left by a killed process (kill -9)
// is taken over, since its pid is gone.
import * as fs from 'fs';
import * as path from 'path';

export const LOCK_FILE = 'server.lock';

/** Data dirs locked by servers of this process (tests start several in one process). */
const heldHere = new Set<string>();

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Takes the lock or throws; returns the function that releases it. */
export function lockDataDir(dataDir: string): () => void {
  fs.mkdirSync(dataDir, { recursive: true });
  const dir = fs.realpathSync(dataDir);
  if (heldHere.has(dir)) throw new Error(`data dir ${dataDir} is in use by process ${process.pid}`);
  const file = path.join(dir, LOCK_FILE);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(file, String(process.pid), { flag: 'wx' });
      heldHere.add(dir);
      return () => {
        heldHere.delete(dir);
        try {
          if (fs.readFileSync(file, 'utf8') === String(process.pid)) fs.unlinkSync(file);
        } catch {
          // Already gone.
        }
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const owner = Number(fs.readFileSync(file, 'utf8'));
      if (Number.isInteger(owner) && owner > 0 && owner !== process.pid && alive(owner)) {
        throw new Error(`data dir ${dataDir} is in use by process ${owner}`);
      }
      // Stale: its process died (or it is a dead process's pid we now reuse). Take it over.
      fs.unlinkSync(file);
    }
  }
  throw new Error(`cannot lock data dir ${dataDir}`);
}
