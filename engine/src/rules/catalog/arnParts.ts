import { parseArn, type ArnParts } from '../../match/arn';
import { TextMemo } from '../../document/textMemo';

export const PARTITIONS = ['aws', 'aws-cn', 'aws-us-gov', 'aws-iso', 'aws-iso-b', 'aws-iso-e', 'aws-iso-f', 'aws-eusc'];
const REGION = /^[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\d+$/;

// User-typed ARNs are few; a folder scan of AWS's managed policies meets thousands.
const parsed = new TextMemo<ArnParts | null>(8192);

/**
 * A Resource entry that is an ARN with all six fields (anything else is reported by invalid-arn).
 * Five rules ask about every Resource on every keystroke, and almost all of them are unchanged
 * since the last one: the split is kept by text (the parts are read-only).
 */
export function resourceArn(text: string): ArnParts | undefined {
  if (text === '*' || !text.startsWith('arn:')) return undefined;
  // Fields cut from the memo's copy, so that the table holds no view into the document.
  return parsed.get(text, (own) => parseArn(maskVariables(own)) ?? null) ?? undefined;
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
