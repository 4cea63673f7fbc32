// Reads a request body while undoing its Content-Encoding (SDKs gzip large envelopes; relay also
// accepts deflate and br), chunk by chunk, so no limit is checked after the fact: the raw bytes
// are capped as they arrive, the decoded bytes as they are produced, and every decoded byte held
// in memory is counted against one budget shared by all requests (50 gzip bombs at once cost at
// most that budget). An optional gate sees the first line (the envelope header) before anything
// past it is decoded, so a request whose key it rejects costs at most one line.
import type { IncomingMessage } from 'http';
import type { Transform } from 'stream';
import * as zlib from 'zlib';
import { ApiError } from './httpErrors';

/** Relay's `max_api_payload_size`: what arrives on the wire. */
export const MAX_BODY_BYTES = 20 * 1024 * 1024;
/** Relay's `max_envelope_size`: the envelope once decoded. */
export const MAX_DECODED_BYTES = 100 * 1024 * 1024;
/** Decoded bytes held by all requests at once. */
export const DEFAULT_DECODE_BUDGET = 256 * 1024 * 1024;
/** How far the gate may look for the end of the first line. */
export const MAX_FIRST_LINE = 64 * 1024;

/** Bytes of decoded bodies held at once, across requests. */
export class DecodeBudget {
  private used = 0;
  constructor(readonly limit: number = DEFAULT_DECODE_BUDGET) {}

  take(bytes: number): boolean {
    if (this.used + bytes > this.limit) return false;
    this.used += bytes;
    return true;
  }

  give(bytes: number): void {
    this.used -= bytes;
  }

  get inUse(): number {
    return this.used;
  }
}

export interface BodyLimits {
  maxRaw?: number;
  maxDecoded?: number;
  budget: DecodeBudget;
  /** Sees the first line (without its newline) before more is decoded; throws to refuse. */
  gate?: (firstLine: Buffer) => void;
}

export interface HeldBody {
  body: Buffer;
  /** Gives the body's bytes back to the budget; call when done with it. */
  release(): void;
}

function decoderFor(coding: string, first: Buffer): Transform {
  if (coding === 'gzip' || coding === 'x-gzip') return zlib.createGunzip();
  if (coding === 'br') return zlib.createBrotliDecompress();
  if (coding === 'deflate') {
    // "deflate" is meant to be zlib-wrapped, but some clients send raw deflate: the header tells.
    const zlibWrapped = first.length >= 2 && (first[0] & 0x0f) === 8 && ((first[0] << 8) | first[1]) % 31 === 0;
    return zlibWrapped ? zlib.createInflate() : zlib.createInflateRaw();
  }
  throw new ApiError(415, { detail: `unsupported content encoding ${coding}` });
}

export function codingsOf(encoding: string | undefined): string[] {
  // Listed in the order applied: undone last to first.
  return (encoding ?? '').split(',').map((c) => c.trim().toLowerCase()).filter((c) => c !== '' && c !== 'identity').reverse();
}

export function readDecodedBody(req: IncomingMessage, limits: BodyLimits): Promise<HeldBody> {
  const maxRaw = limits.maxRaw ?? MAX_BODY_BYTES;
  const maxDecoded = limits.maxDecoded ?? MAX_DECODED_BYTES;
  const codings = codingsOf(req.headers['content-encoding']);
  for (const c of codings) if (!['gzip', 'x-gzip', 'br', 'deflate'].includes(c)) return Promise.reject(new ApiError(415, { detail: `unsupported content encoding ${c}` }));

  return new Promise<HeldBody>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let held = 0;
    let raw = 0;
    let gated = limits.gate === undefined;
    let finished = false;
    const streams: Transform[] = [];
    let input: Transform | null = null;

    const release = (): void => {
      limits.budget.give(held);
      held = 0;
    };
    const fail = (err: unknown): void => {
      if (finished) return;
      finished = true;
      req.off('data', onData);
      req.off('end', onEnd);
      // Stop reading; the error answer closes the connection rather than draining the rest.
      req.pause();
      for (const s of streams) s.destroy();
      chunks.length = 0;
      release();
      reject(err instanceof ApiError ? err : new ApiError(400, { detail: 'invalid body: could not decode content encoding' }));
    };
    const onAbort = (): void => fail(new ApiError(400, { detail: 'request body incomplete: the client closed the connection' }));
    const onOutput = (chunk: Buffer): void => {
      if (finished) return;
      if (held + chunk.length > maxDecoded) return fail(new ApiError(413, { detail: 'envelope exceeded size limits' }));
      if (!limits.budget.take(chunk.length)) {
        return fail(new ApiError(503, { detail: 'server busy: too many envelope bytes being decoded at once' }).withHeaders({ 'Retry-After': '1' }));
      }
      held += chunk.length;
      chunks.push(chunk);
      if (!gated) {
        const all = chunks.length === 1 ? chunks[0] : Buffer.concat(chunks);
        const nl = all.indexOf(0x0a);
        if (nl >= 0 || held > MAX_FIRST_LINE) {
          gated = true;
          try {
            limits.gate!(all.subarray(0, nl >= 0 ? Math.min(nl, MAX_FIRST_LINE) : MAX_FIRST_LINE));
          } catch (err) {
            return fail(err);
          }
        }
      }
    };
    const onOutputEnd = (): void => {
      if (finished) return;
      if (!gated) {
        gated = true;
        try {
          limits.gate!(Buffer.concat(chunks));
        } catch (err) {
          return fail(err);
        }
      }
      finished = true;
      resolve({ body: chunks.length === 1 ? chunks[0] : Buffer.concat(chunks), release });
    };
    const build = (first: Buffer): void => {
      try {
        for (const c of codings) streams.push(decoderFor(c, first));
      } catch (err) {
        return fail(err);
      }
      for (let i = 0; i + 1 < streams.length; i++) streams[i].pipe(streams[i + 1]);
      for (const s of streams) s.on('error', fail);
      const last = streams[streams.length - 1];
      last.on('data', onOutput);
      last.on('end', onOutputEnd);
      input = streams[0];
    };
    const onData = (chunk: Buffer): void => {
      if (finished) return;
      raw += chunk.length;
      if (raw > maxRaw) return fail(new ApiError(413, { detail: 'envelope exceeded size limits' }));
      // Not encoded (what SDKs send for small envelopes): no decoder stream at all.
      if (codings.length === 0) return onOutput(chunk);
      if (input === null) build(chunk);
      if (finished || input === null) return;
      if (!input.write(chunk)) {
        req.pause();
        input.once('drain', () => {
          if (!finished) req.resume();
        });
      }
    };
    const onEnd = (): void => {
      if (finished) return;
      if (codings.length === 0) return onOutputEnd();
      if (input === null) build(Buffer.alloc(0));
      input?.end();
    };
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onAbort);
    req.on('aborted', onAbort);
    req.on('close', () => {
      if (!req.complete) onAbort();
    });
  });
}
