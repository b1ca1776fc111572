import type { PathSegment } from '../document/tree';

/** Where the cursor sits in the JSON text, worked out from the text itself so half-typed input works. */
export interface ScannedPosition {
  /** Path of the value being typed, or of the object whose key is being typed. */
  readonly path: readonly PathSegment[];
  /** True when the cursor is where a property name goes. */
  readonly isKey: boolean;
  /** Set when the cursor is inside a string literal. */
  readonly string?: ScannedString;
  /** Keys already present in the object around the cursor (for key positions). */
  readonly siblingKeys: readonly string[];
  /** True when a complete value precedes the cursor in its slot (`"Effect": "Allow" |`): nothing to offer. */
  readonly afterValue: boolean;
}

export interface ScannedString {
  /** Offset of the opening quote. */
  readonly quote: number;
  /** Offset just after the content: the closing quote, or the end of the typed token when unclosed. */
  readonly contentEnd: number;
  readonly closed: boolean;
}

interface Frame {
  readonly kind: 'object' | 'array';
  key?: string;
  expectKey: boolean;
  index: number;
  keys: string[];
  /** The current slot already holds a complete value. */
  filled: boolean;
}

const TOKEN_STOP = /[\s",\]}]/;

/**
 * Where to begin scanning: the opening brace of a value known to be well formed, and its path. Lets
 * completion in a large, valid file scan one statement instead of the whole text before the cursor.
 */
export interface ScanStart {
  readonly offset: number;
  readonly path: readonly PathSegment[];
}

/**
 * Scans the text up to `offset` with a small JSON state machine (strings, comments, nesting) and
 * reports the path at the cursor. It never fails: unclosed strings end at the line end, and unbalanced
 * brackets simply leave frames open. Linear in the offset.
 */
export function scanPosition(text: string, offset: number, start?: ScanStart): ScannedPosition {
  const stack: Frame[] = [];
  let i = start?.offset ?? 0;
  const prefix = start?.path ?? [];
  const end = Math.min(offset, text.length);
  while (i < end) {
    const c = text[i]!;
    if (c === '"') {
      const close = findStringEnd(text, i);
      if (close === undefined || close >= end) {
        // The cursor is inside this string (or right before its closing quote).
        const closed = close !== undefined;
        const contentEnd = closed ? close : tokenEnd(text, offset);
        return finish(stack, prefix, { quote: i, contentEnd, closed });
      }
      const value = safeUnescape(text.slice(i + 1, close));
      const top = stack[stack.length - 1];
      if (top?.kind === 'object' && top.expectKey) {
        top.key = value;
        top.keys.push(value);
      }
      if (top) top.filled = true;
      i = close + 1;
      continue;
    }
    if (c === '/' && text[i + 1] === '/') {
      const newline = text.indexOf('\n', i);
      if (newline < 0 || newline >= end) return finish(stack, prefix, undefined, true);
      i = newline + 1;
      continue;
    }
    if (c === '/' && text[i + 1] === '*') {
      const close = text.indexOf('*/', i + 2);
      if (close < 0 || close + 2 > end) return finish(stack, prefix, undefined, true);
      i = close + 2;
      continue;
    }
    const top = stack[stack.length - 1];
    if (c === '{') stack.push({ kind: 'object', expectKey: true, index: 0, keys: [], filled: false });
    else if (c === '[') stack.push({ kind: 'array', expectKey: false, index: 0, keys: [], filled: false });
    else if (c === '}' || c === ']') {
      stack.pop();
      const parent = stack[stack.length - 1];
      if (parent) parent.filled = true;
    } else if (c === ':' && top?.kind === 'object') {
      top.expectKey = false;
      top.filled = false;
    }
    else if (c === ',' && top) {
      top.filled = false;
      if (top.kind === 'object') {
        top.expectKey = true;
        top.key = undefined;
      } else top.index++;
    } else if (top && /[\w.+-]/.test(c)) top.filled = true;
    i++;
  }
  return finish(stack, prefix, undefined);
}

function finish(stack: Frame[], prefix: readonly PathSegment[], string: ScannedString | undefined, inComment = false): ScannedPosition {
  const path: PathSegment[] = [...prefix];
  for (let f = 0; f < stack.length; f++) {
    const frame = stack[f]!;
    const last = f === stack.length - 1;
    if (frame.kind === 'array') path.push(frame.index);
    else if (!(last && frame.expectKey) && frame.key !== undefined) path.push(frame.key);
  }
  const top = stack[stack.length - 1];
  const isKey = !inComment && top?.kind === 'object' && top.expectKey;
  if (inComment) return { path, isKey: false, siblingKeys: [], afterValue: true };
  return { path, isKey, string, siblingKeys: top?.kind === 'object' ? top.keys : [], afterValue: !string && (top?.filled ?? false) };
}

/** Offset of the closing quote of the string opening at `quote`; undefined when the line ends first. */
function findStringEnd(text: string, quote: number): number | undefined {
  for (let i = quote + 1; i < text.length; i++) {
    const c = text[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (c === '"') return i;
    if (c === '\n' || c === '\r') return undefined;
  }
  return undefined;
}

/** Where an unclosed string's typed token ends: the next quote, whitespace, comma or bracket. */
function tokenEnd(text: string, offset: number): number {
  let i = offset;
  while (i < text.length && !TOKEN_STOP.test(text[i]!)) i++;
  return i;
}

function safeUnescape(raw: string): string {
  if (!raw.includes('\\')) return raw;
  try {
    return JSON.parse(`"${raw}"`) as string;
  } catch {
    return raw;
  }
}
