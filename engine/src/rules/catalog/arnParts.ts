import { parseArn, type ArnParts } from '../../match/arn';

export const PARTITIONS = ['aws', 'aws-cn', 'aws-us-gov', 'aws-iso', 'aws-iso-b', 'aws-iso-e', 'aws-iso-f', 'aws-eusc'];
const REGION = /^[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\d+$/;

/** A Resource entry that is an ARN with all six fields (anything else is reported by invalid-arn). */
export function resourceArn(text: string): ArnParts | undefined {
  if (text === '*' || !text.startsWith('arn:')) return undefined;
  return parseArn(maskVariables(text));
}

/**
 * `${aws:username}` holds a colon that would split ARN fields; stars of the same length keep the
 * offsets of everything else and read as "anything" in every check.
 */
export function maskVariables(text: string): string {
  return text.replace(/\$\{[^}]*\}/g, (variable) => '*'.repeat(variable.length));
}

export function isWild(field: string): boolean {
  return /[*?]|\$\{/.test(field);
}

export function isValidRegion(region: string): boolean {
  return region === '' || isWild(region) || REGION.test(region);
}
