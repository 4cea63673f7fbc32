// Feeds the lines of a byte range into an accumulator: the WebAssembly line scanner first (when
// its module is there), then the JS field scanner, then the reference parser, each taking the
// lines the one before is not sure about. Lines are split and numbered exactly as
// the reference reader (lineSplitter + readSessionStream) does: `\n` ends a line, one `\r` before
// it is dropped, a last line without `\n` counts, a BOM is dropped from the file's first line only.
import { FieldScanner, BLANK } from './scan/fieldScanner';
import type { SessionAccumulator } from './sessionAccumulator';
import { parseSessionLine } from './sessionLine';
import type { ScannedAggregate, ScannedUpdate } from './wasm/scannedRecord';
import type { LineSink, WasmLineScanner } from './wasm/wasmLineScanner';
import { SkipCollector } from './skipReport';
import { MAX_LINE_BYTES, TOO_LONG_REASON } from './lineLimit';

export class LineIngest implements LineSink {
  /** Lines seen so far in this range (1-based numbers within the range). */
  lines = 0;
  /** Lines the scanner handed to the reference parser (for profiling the fast path's coverage). */
  fallbacks = 0;
  readonly skips = new SkipCollector();

  /**
   * `atFileStart`: this range begins at byte 0, so its first line is the file's line 1.
   * `scanner`, `wasm`: one per thread, shared by its ranges (their interned strings stay warm);
   * `wasm` null: the JS scanner reads every line.
   */
  constructor(
    private readonly accumulator: SessionAccumulator,
    private readonly atFileStart: boolean,
    private readonly scanner = new FieldScanner(),
    private readonly wasm: WasmLineScanner | null = null,
  ) {}

  /** An update the wasm scanner read (LineSink); reused by its next line. */
  update(update: ScannedUpdate): void {
    this.lines++;
    this.accumulator.addScannedUpdate(update);
  }

  /** An aggregate the wasm scanner read (LineSink); reused by its next line. */
  aggregate(aggregate: ScannedAggregate): void {
    this.lines++;
    this.accumulator.addScannedAggregate(aggregate);
  }

  /** A blank line the wasm scanner saw (LineSink). */
  blank(): void {
    this.lines++;
  }

  /** A line the wasm scanner left to the JS path (LineSink). */
  other(buf: Buffer, start: number, end: number): void {
    this.line(buf, start, end);
  }

  /** One line, buf[start, end) without its `\n`. */
  line(buf: Buffer, start: number, end: number): void {
    if (end > start && buf[end - 1] === 13) end--;
    if (end - start >= MAX_LINE_BYTES) return this.tooLong();
    const n = ++this.lines;
    const scanned = this.scanner.scan(buf, start, end);
    if (scanned === BLANK) return;
    if (scanned !== null) {
      this.accumulator.add(scanned);
      return;
    }
    this.fallbacks++;
    let text = buf.toString('utf8', start, end);
    if (n === 1 && this.atFileStart && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    if (text.trim() === '') return;
    const parsed = parseSessionLine(text);
    if (parsed.ok) this.accumulator.add(parsed.record);
    else this.skips.skip(n, parsed.reason);
  }

  /** A line too long to read (rangeReader's MAX_LINE_BYTES): skipped with its number. */
  tooLong(): void {
    this.skips.skip(++this.lines, TOO_LONG_REASON);
  }

  /** Every complete line in buf[start, end); returns where the unfinished last line begins. */
  chunk(buf: Buffer, start: number, end: number): number {
    if (this.wasm !== null) return this.wasm.chunk(buf, start, end, this);
    let s = start;
    for (;;) {
      const nl = buf.indexOf(10, s);
      if (nl < 0 || nl >= end) return s;
      this.line(buf, s, nl);
      s = nl + 1;
    }
  }

  /** The end of the range: what remains is a last line without `\n` (if it is not empty). */
  finish(buf: Buffer, start: number, end: number): void {
    if (end > start) this.line(buf, start, end);
  }
}
