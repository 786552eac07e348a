/** Output streams of the CLI. */

/** Where the CLI writes; injectable for tests. */
export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
  /** Raw writes to the progress stream (no newline added); default: through `err`. */
  write?: (text: string) => void;
  isTTY: boolean;
}

