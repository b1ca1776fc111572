/**
 * Wildcard patterns as the evaluator needs them. `${*}` and `${?}` (and variable values, which are
 * data, not patterns) must stay literal after substitution, so they are carried as two private-use
 * characters that match only a real `*` or `?`. Everything else follows IAM: `*` any run, `?` one
 * character, no escapes. The matching itself is match/wildcard's.
 */
import { LITERAL_QUESTION, LITERAL_STAR, matchesGlob } from '../match/wildcard';

export { LITERAL_QUESTION, LITERAL_STAR };

/** Case-sensitive IAM wildcard matching that honours the literal markers. */
export const matchesPattern = matchesGlob;

/** The pattern's text with the literal markers turned back into the characters they stand for. */
export function literalText(pattern: string): string {
  if (!hasLiteralMarkers(pattern)) return pattern;
  return pattern.split(LITERAL_STAR).join('*').split(LITERAL_QUESTION).join('?');
}

export function hasLiteralMarkers(text: string): boolean {
  return text.includes(LITERAL_STAR) || text.includes(LITERAL_QUESTION);
}

/** A value inserted into a pattern: its own `*` and `?` are data and must match only themselves. */
export function asLiteral(value: string): string {
  if (!value.includes('*') && !value.includes('?')) return value;
  return value.split('*').join(LITERAL_STAR).split('?').join(LITERAL_QUESTION);
}

export function hasWildcards(pattern: string): boolean {
  return pattern.includes('*') || pattern.includes('?');
}

/**
 * A pattern prepared once: most patterns are `*`, a literal, or a literal followed by `*`, and
 * those are tested without running the matcher.
 */
export interface CompiledPattern {
  readonly kind: PatternKind;
  readonly text: string;
}

export type PatternKind = 'any' | 'exact' | 'prefix' | 'general';

export function compilePattern(pattern: string): CompiledPattern {
  if (pattern === '*') return { kind: 'any', text: '' };
  const star = pattern.indexOf('*');
  const question = pattern.indexOf('?');
  if (star < 0 && question < 0) return { kind: 'exact', text: literalText(pattern) };
  if (question < 0 && star === pattern.length - 1) return { kind: 'prefix', text: literalText(pattern.slice(0, -1)) };
  return { kind: 'general', text: pattern };
}

export function matchesCompiled(compiled: CompiledPattern, text: string): boolean {
  switch (compiled.kind) {
    case 'any':
      return true;
    case 'exact':
      return compiled.text === text;
    case 'prefix':
      return text.startsWith(compiled.text);
    default:
      return matchesPattern(compiled.text, text);
  }
}
