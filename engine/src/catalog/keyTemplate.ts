/**
 * Condition key templates: catalogue keys containing `${...}` placeholders, such as
 * "aws:ResourceTag/${TagKey}" or "s3:ExistingObjectTag/${TagKey}", matched against concrete keys
 * such as "aws:ResourceTag/Owner". Each placeholder stands for one or more characters. Matching is
 * case-insensitive and linear-time (ordered literal search, no RegExp).
 */
export interface KeyTemplate<T> {
  readonly value: T;
  /** Lower-cased literal pieces between placeholders; length = placeholders + 1. */
  readonly pieces: readonly string[];
  /** Total literal length; a longer literal means a more specific template. */
  readonly literalLength: number;
}

const PLACEHOLDER = /\$\{[^}]*\}/g;

/** True when the key contains a `${...}` placeholder. */
export function isKeyTemplate(key: string): boolean {
  return /\$\{[^}]*\}/.test(key);
}

export function compileKeyTemplate<T>(key: string, value: T): KeyTemplate<T> {
  const pieces = key.toLowerCase().split(PLACEHOLDER);
  return { value, pieces, literalLength: pieces.reduce((n, p) => n + p.length, 0) };
}

/** True when the (lower-cased) concrete key fits the template. */
export function matchesKeyTemplate(template: KeyTemplate<unknown>, lowerKey: string): boolean {
  const { pieces } = template;
  if (pieces.length === 1) return lowerKey === pieces[0];
  const first = pieces[0]!;
  const last = pieces[pieces.length - 1]!;
  if (!lowerKey.startsWith(first)) return false;
  // Each placeholder needs at least one character.
  let pos = first.length;
  for (let i = 1; i < pieces.length - 1; i++) {
    const at = lowerKey.indexOf(pieces[i]!, pos + 1);
    if (at < 0) return false;
    pos = at + pieces[i]!.length;
  }
  return lowerKey.length - last.length >= pos + 1 && lowerKey.endsWith(last);
}

/** The most specific matching template's value, if any. */
export function findKeyTemplate<T>(templates: readonly KeyTemplate<T>[], lowerKey: string): T | undefined {
  let best: KeyTemplate<T> | undefined;
  for (const t of templates) {
    if (matchesKeyTemplate(t, lowerKey) && (!best || t.literalLength > best.literalLength)) best = t;
  }
  return best?.value;
}
