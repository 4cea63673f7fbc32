// The CLI's output, written straight to file descriptor 1. Touching `process.stdout` builds a
// stream for it (for a pipe, net.Socket and the stream modules: a few ms of a short run) only to
// write one document. A blocking descriptor takes the whole text in fs.writeSync; anything else
// (a non-blocking pipe's EAGAIN, EPIPE, a partial write that stops) hands the rest to
// process.stdout, which then behaves as it always did, and keeps every later write, so the
// order of the output never changes.
import * as fs from 'fs';

export type TextWriter = (text: string) => void;

export function fdWriter(fd: number, fallback: () => NodeJS.WritableStream, write: typeof fs.writeSync = fs.writeSync): TextWriter {
  let stream: NodeJS.WritableStream | null = null;
  return (text) => {
    if (stream !== null) {
      stream.write(text);
      return;
    }
    const bytes = Buffer.from(text, 'utf8');
    let done = 0;
    try {
      while (done < bytes.length) {
        const n = write(fd, bytes, done, bytes.length - done);
        if (n <= 0) break;
        done += n;
      }
    } catch {
      // The stream reports it (or waits for the descriptor) as before.
    }
    if (done < bytes.length) {
      stream = fallback();
      stream.write(bytes.subarray(done));
    }
  };
}
