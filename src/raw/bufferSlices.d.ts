// Node's Buffer has fast native decoders that its typings do not list; Buffer#toString(enc,
// start, end) ends in them after argument checks that cost more than a short string's copy.
declare module 'buffer' {
  interface Buffer {
    latin1Slice(start: number, end: number): string;
    utf8Slice(start: number, end: number): string;
  }
}
export {};
