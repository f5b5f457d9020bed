/** Where the CLI writes, so `main(argv, io)` runs in-process in tests. */
export interface Io {
  out(text: string): void;
  err(text: string): void;
  /** Standard output is a terminal (colours). */
  isTTY: boolean;
  /** Standard error is a terminal (the progress line). */
  errIsTTY?: boolean;
}

export const processIo: Io = {
  out: (t) => process.stdout.write(t),
  err: (t) => process.stderr.write(t),
  isTTY: process.stdout.isTTY === true,
  errIsTTY: process.stderr.isTTY === true,
};
