import { createScanner, SyntaxKind } from 'jsonc-parser';

/**
 * Whether `text` is a stream of JSON values, one after another (JSON Lines, or objects written one
 * after the other as DynamoDB's S3 import and many loggers do), none of them a policy. Such a file
 * is data that happens to end in `.json`; a folder scan passes it over instead of reporting it as a
 * broken policy. A file with two policies one after another, or with anything between the values
 * (a comma, a key), is still a syntax error.
 */
export function isJsonValueStream(text: string): boolean {
  const values = topLevelValues(text);
  if (!values || values.length < 2) return false;
  for (const [start, end] of values) {
    let value: unknown;
    try {
      value = JSON.parse(text.slice(start, end));
    } catch {
      return false;
    }
    if (typeof value !== 'object' || value === null) return false;
    if (!Array.isArray(value) && Object.keys(value).some((key) => key.toLowerCase() === 'statement')) return false;
  }
  return true;
}

/** The [start, end) offsets of the objects and arrays at the top level, or undefined when something else is there. */
function topLevelValues(text: string): [number, number][] | undefined {
  // Whitespace and comments between the values are skipped; a comment inside one fails JSON.parse.
  const scanner = createScanner(text, true);
  const values: [number, number][] = [];
  let depth = 0;
  let start = 0;
  for (let token = scanner.scan(); token !== SyntaxKind.EOF; token = scanner.scan()) {
    if (token === SyntaxKind.OpenBraceToken || token === SyntaxKind.OpenBracketToken) {
      if (depth === 0) start = scanner.getTokenOffset();
      depth++;
    } else if (token === SyntaxKind.CloseBraceToken || token === SyntaxKind.CloseBracketToken) {
      if (depth === 0) return undefined;
      depth--;
      if (depth === 0) values.push([start, scanner.getTokenOffset() + 1]);
    } else if (depth === 0) {
      // A scalar, a comma or a colon between values: not a stream of objects.
      return undefined;
    }
  }
  return depth === 0 ? values : undefined;
}
