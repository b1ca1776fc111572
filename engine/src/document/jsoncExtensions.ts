import { createScanner, SyntaxKind } from 'jsonc-parser';
import type { Span } from './tree';

/** A comment or a trailing comma: JSONC accepts them, JSON (and so IAM and CloudFormation) does not. */
export interface JsoncExtension {
  readonly kind: 'line comment' | 'block comment' | 'trailing comma';
  /** The comment or the comma itself. */
  readonly span: Span;
  /** What to delete to remove it cleanly: a comment alone on its line goes with its line. */
  readonly removal: Span;
}

/**
 * The comments and trailing commas of a JSON text, in order. A text without "/" and without a
 * comma before a closing bracket has none, and is not scanned (most files on disk).
 */
export function findJsoncExtensions(text: string): JsoncExtension[] {
  if (!text.includes('/') && !/,\s*[\]}]/.test(text)) return [];
  const found: JsoncExtension[] = [];
  const scanner = createScanner(text, false);
  let pendingComma: Span | undefined;
  for (let token = scanner.scan(); token !== SyntaxKind.EOF; token = scanner.scan()) {
    // An unterminated block comment is scanned one character past the end: spans stay inside the text.
    const offset = Math.min(scanner.getTokenOffset(), text.length);
    const span = { offset, length: Math.min(scanner.getTokenLength(), text.length - offset) };
    switch (token) {
      case SyntaxKind.LineCommentTrivia:
      case SyntaxKind.BlockCommentTrivia:
        found.push({ kind: token === SyntaxKind.LineCommentTrivia ? 'line comment' : 'block comment', span, removal: commentRemoval(text, span) });
        continue;
      case SyntaxKind.LineBreakTrivia:
      case SyntaxKind.Trivia:
        continue;
      case SyntaxKind.CloseBraceToken:
      case SyntaxKind.CloseBracketToken:
        if (pendingComma) found.push({ kind: 'trailing comma', span: pendingComma, removal: pendingComma });
        break;
    }
    pendingComma = token === SyntaxKind.CommaToken ? span : undefined;
  }
  return found.sort((a, b) => a.span.offset - b.span.offset);
}

/**
 * A comment with the blanks before it; with its whole line when nothing else is on it, so that
 * removing `// why` from its own line leaves no empty line behind.
 */
function commentRemoval(text: string, span: Span): Span {
  const lineStart = text.lastIndexOf('\n', span.offset - 1) + 1;
  const end = span.offset + span.length;
  let lineEnd = end;
  while (lineEnd < text.length && (text[lineEnd] === ' ' || text[lineEnd] === '\t' || text[lineEnd] === '\r')) lineEnd++;
  const before = text.slice(lineStart, span.offset);
  const aloneOnLine = /^[ \t]*$/.test(before) && (lineEnd === text.length || text[lineEnd] === '\n');
  if (aloneOnLine) {
    const through = lineEnd < text.length ? lineEnd + 1 : lineEnd;
    return { offset: lineStart, length: through - lineStart };
  }
  const blanks = /[ \t]*$/.exec(before)![0].length;
  return { offset: span.offset - blanks, length: end - (span.offset - blanks) };
}
