// Reads a request body with a size cap and undoes Content-Encoding (SDKs gzip large envelopes;
// relay also accepts deflate and br).
import type { IncomingMessage } from 'http';
import * as zlib from 'zlib';
import { promisify } from 'util';
import { ApiError } from './httpErrors';

const gunzip = promisify(zlib.gunzip);
const inflate = promisify(zlib.inflate);
const inflateRaw = promisify(zlib.inflateRaw);
const brotli = promisify(zlib.brotliDecompress);

export const MAX_BODY_BYTES = 20 * 1024 * 1024;
export const MAX_DECODED_BYTES = 100 * 1024 * 1024;

export function readBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let failed = false;
    req.on('data', (chunk: Buffer) => {
      if (failed) return;
      size += chunk.length;
      if (size > limit) {
        failed = true;
        reject(new ApiError(413, { detail: 'envelope exceeded size limits' }));
        req.resume();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (!failed) resolve(Buffer.concat(chunks));
    });
    req.on('error', (err) => {
      if (!failed) reject(err);
    });
  });
}

export async function decodeBody(body: Buffer, encoding: string | undefined): Promise<Buffer> {
  const codings = (encoding ?? '').split(',').map((c) => c.trim().toLowerCase()).filter((c) => c !== '' && c !== 'identity');
  let out = body;
  const options = { maxOutputLength: MAX_DECODED_BYTES };
  try {
    // Codings are listed in the order applied: undo them last to first.
    for (const coding of codings.reverse()) {
      if (coding === 'gzip' || coding === 'x-gzip') out = await gunzip(out, options);
      else if (coding === 'deflate') out = await inflate(out, options).catch(() => inflateRaw(out, options));
      else if (coding === 'br') out = await brotli(out, options);
      else throw new ApiError(415, { detail: `unsupported content encoding ${coding}` });
    }
  } catch (err) {
    if (err instanceof ApiError) throw err;
    throw new ApiError(400, { detail: 'invalid body: could not decode content encoding' });
  }
  return out;
}
