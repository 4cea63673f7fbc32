// The SDK envelope format: a JSON header line, then items, each a JSON header line
// (`{"type": ..., "length"?: n}`) and a payload of `length` bytes or, without a length, up to the
// next newline. Only the structure is read here; what items mean is the ingest endpoint's job.

export interface EnvelopeItem {
  type: string;
  headers: Record<string, unknown>;
  payload: Buffer;
}

export interface Envelope {
  headers: Record<string, unknown>;
  items: EnvelopeItem[];
}

export class EnvelopeError extends Error {}

function jsonObject(text: string, what: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new EnvelopeError(`${what} is not valid JSON`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new EnvelopeError(`${what} is not a JSON object`);
  return value as Record<string, unknown>;
}

function lineEnd(body: Buffer, from: number): number {
  const nl = body.indexOf(0x0a, from);
  return nl < 0 ? body.length : nl;
}

/** Just the header line (what auth needs before the rest is parsed). */
export function envelopeHeaders(body: Buffer): Record<string, unknown> {
  return jsonObject(body.toString('utf8', 0, lineEnd(body, 0)), 'envelope header');
}

export function parseEnvelope(body: Buffer): Envelope {
  let end = lineEnd(body, 0);
  const headers = jsonObject(body.toString('utf8', 0, end), 'envelope header');
  const items: EnvelopeItem[] = [];
  let pos = end + 1;
  while (pos < body.length) {
    end = lineEnd(body, pos);
    const headerText = body.toString('utf8', pos, end);
    if (headerText.trim() === '') {
      pos = end + 1;
      continue;
    }
    const itemHeaders = jsonObject(headerText, 'item header');
    if (typeof itemHeaders.type !== 'string') throw new EnvelopeError('item header has no type');
    pos = end + 1;
    let payload: Buffer;
    const length = itemHeaders.length;
    if (length !== undefined && length !== null) {
      if (typeof length !== 'number' || !Number.isInteger(length) || length < 0) throw new EnvelopeError('item length is not a count');
      if (pos + length > body.length) throw new EnvelopeError('item payload is shorter than its length');
      payload = body.subarray(pos, pos + length);
      pos += length;
      if (body[pos] === 0x0a) pos++;
    } else {
      end = lineEnd(body, pos);
      payload = body.subarray(pos, end);
      pos = end + 1;
    }
    items.push({ type: itemHeaders.type, headers: itemHeaders, payload });
  }
  return { headers, items };
}
