import { parseArn, type ArnParts } from '../../match/arn';
import { ownString } from '../support/ownString';

export const PARTITIONS = ['aws', 'aws-cn', 'aws-us-gov', 'aws-iso', 'aws-iso-b', 'aws-iso-e', 'aws-iso-f', 'aws-eusc'];
const REGION = /^[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\d+$/;

const parsed = new Map<string, ArnParts | null>();
// User-typed ARNs are few, but a long editing session must not grow the table without bound.
const MAX_PARSED = 4096;

/**
 * A Resource entry that is an ARN with all six fields (anything else is reported by invalid-arn).
 * Five rules ask about every Resource on every keystroke, and almost all of them are unchanged
 * since the last one: the split is kept by text (the parts are read-only).
 */
export function resourceArn(text: string): ArnParts | undefined {
  if (text === '*' || !text.startsWith('arn:')) return undefined;
  let parts = parsed.get(text);
  if (parts === undefined) {
    // Fields cut from a copy, so that the table holds no view into the document.
    const own = ownString(text);
    parts = parseArn(maskVariables(own)) ?? null;
    if (parsed.size >= MAX_PARSED) parsed.clear();
    parsed.set(own, parts);
  }
  return parts ?? undefined;
}

/**
 * `${aws:username}` holds a colon that would split ARN fields; stars of the same length keep the
 * offsets of everything else and read as "anything" in every check.
 */
export function maskVariables(text: string): string {
  if (!text.includes('${')) return text;
  return text.replace(/\$\{[^}]*\}/g, (variable) => '*'.repeat(variable.length));
}

export function isWild(field: string): boolean {
  return /[*?]|\$\{/.test(field);
}

export function isValidRegion(region: string): boolean {
  return region === '' || isWild(region) || REGION.test(region);
}
