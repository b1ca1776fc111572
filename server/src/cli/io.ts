/** What a command may touch of the outside world, so tests and the real process share the code. */
export interface CommandIO {
  out(text: string): void;
  err(text: string): void;
  readStdin(): string;
  /** The tool's version, for SARIF and --version. */
  readonly version: string;
}
