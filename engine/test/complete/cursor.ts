import { parsePolicyFile, type PolicyFile, type PolicyType } from '../../src/document';

/** Strips the single `|` cursor marker from a fixture and returns the text and the cursor offset. */
export function withCursor(marked: string): { text: string; offset: number } {
  const offset = marked.indexOf('|');
  if (offset < 0 || marked.indexOf('|', offset + 1) >= 0) throw new Error(`fixture needs exactly one | marker: ${marked}`);
  return { text: marked.slice(0, offset) + marked.slice(offset + 1), offset };
}

export function parseWithCursor(marked: string, options: { type?: PolicyType; fileName?: string } = {}): { file: PolicyFile; offset: number } {
  const { text, offset } = withCursor(marked);
  return { file: parsePolicyFile(text, options), offset };
}

/** A one-statement policy around a statement body, e.g. policy('"Effect": "Allow", "Action": "|"'). */
export function policy(statementBody: string): string {
  return `{\n  "Version": "2012-10-17",\n  "Statement": [\n    {${statementBody}}\n  ]\n}`;
}
