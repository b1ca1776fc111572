/** Positions in the LSP's terms (0-based lines, UTF-16 characters), without importing the LSP types. */

export interface Position {
  readonly line: number;
  readonly character: number;
}

export interface Range {
  readonly start: Position;
  readonly end: Position;
}
