/**
 * Splits an ARN (or an ARN format with ${...} placeholders) into segments: the five colon-separated
 * header segments (arn, partition, service, region, account), then the resource part split at ":" and
 * "/". Each segment keeps its start offset so that "the rest of the ARN from segment k" can be sliced.
 */
export interface ArnSegment {
  readonly text: string;
  readonly start: number;
}

export function splitArnSegments(text: string): ArnSegment[] {
  const segments: ArnSegment[] = [];
  let start = 0;
  let colons = 0;
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '$' && text[i + 1] === '{') depth++;
    else if (c === '}' && depth > 0) depth--;
    if (depth > 0) continue;
    const separates = c === ':' || (c === '/' && colons >= 5);
    if (!separates) continue;
    segments.push({ text: text.slice(start, i), start });
    if (c === ':') colons++;
    start = i + 1;
  }
  segments.push({ text: text.slice(start), start });
  return segments;
}

/** True when the segment is a single placeholder such as "${Region}". */
export function isPlaceholder(segment: string): boolean {
  return /^\$\{[^}]*\}$/.test(segment);
}

/** Whether a typed (complete) segment fits a format segment; lenient with wildcards and mixed text. */
export function segmentFits(typed: string, format: string): boolean {
  if (format.includes('${') || typed.includes('*') || typed.includes('?') || typed.includes('${')) return true;
  return typed.toLowerCase() === format.toLowerCase();
}
