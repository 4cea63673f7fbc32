// The longest line either reader reads. A longer line is skipped (as unusable lines are), its
// bytes passed over unbuffered: JavaScript strings stop near 512 MB, and a session line is a few
// hundred bytes.
export const MAX_LINE_BYTES = 64 << 20;
export const TOO_LONG_REASON = `line longer than ${MAX_LINE_BYTES >> 20} MB`;
