/** A problem with the command line or its input: exit code 2 with one clear line. */
export class UsageError extends Error {}
