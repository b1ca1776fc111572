import type { ObjectNode, PathSegment, PropertyNode, Span, ValueNode } from './tree';

/**
 * The tree of a document that is plain RFC 8259 JSON, built in one pass straight from the text.
 *
 * jsonc-parser builds its own tree first and that tree is then copied into ours: for a 1 MB
 * authorization-details dump that is most of the parse time and half its garbage. Most files on
 * disk are plain JSON, so they take this path; anything else (comments, trailing commas, an error,
 * unusual whitespace, nesting deeper than DEPTH_LIMIT) returns undefined at the first sign of it and
 * the tolerant jsonc-parser path decides. On the inputs it accepts, the result is exactly the tree
 * the tolerant path builds (a test compares the two).
 */
export function parseStrictJson(text: string): ValueNode | undefined {
  const parser = new StrictParser(text);
  try {
    parser.skipSpace();
    const root = parser.value([], 0);
    parser.skipSpace();
    return parser.pos === text.length ? root : undefined;
  } catch (error) {
    if (error === BAIL) return undefined;
    throw error;
  }
}

/** Below parseJson's MAX_DEPTH, so that this path never has to mimic its cut-off. */
const DEPTH_LIMIT = 200;

const BAIL = new Error('not strict JSON');

/** Two or more JSON whitespace characters, matched from lastIndex. */
const SPACES = /[ \t\n\r]+/y;
/** What a string's text must not hold for it to be its own value: escapes and control characters. */
const NEEDS_CARE = /[\\\u0000-\u001f]/;

function isSpace(code: number): boolean {
  return code === 32 || code === 10 || code === 13 || code === 9;
}

const QUOTE = 34;
const BACKSLASH = 92;
const COMMA = 44;
const COLON = 58;
const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;
const OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93;
const MINUS = 45;
const DOT = 46;
const ZERO = 48;
const NINE = 57;

class StrictParser {
  pos = 0;
  constructor(private readonly text: string) {}

  skipSpace(): void {
    const text = this.text;
    const pos = this.pos;
    if (!isSpace(text.charCodeAt(pos))) return;
    if (!isSpace(text.charCodeAt(pos + 1))) {
      this.pos = pos + 1;
      return;
    }
    // Runs of indentation: the regular expression engine skips them in native code even before
    // the JIT has compiled this parser, which matters for the first parses of a 1 MB dump.
    SPACES.lastIndex = pos;
    SPACES.test(text);
    this.pos = SPACES.lastIndex;
  }

  value(path: readonly PathSegment[], depth: number): ValueNode {
    const code = this.text.charCodeAt(this.pos);
    if (code === QUOTE) {
      const offset = this.pos;
      const value = this.string();
      return { kind: 'string', value, span: this.spanFrom(offset), path };
    }
    if (code === OPEN_BRACE) return this.object(path, depth);
    if (code === OPEN_BRACKET) return this.array(path, depth);
    if (code === MINUS || (code >= ZERO && code <= NINE)) return this.number(path);
    return this.keyword(path);
  }

  private object(path: readonly PathSegment[], depth: number): ObjectNode {
    if (depth >= DEPTH_LIMIT) throw BAIL;
    const text = this.text;
    const offset = this.pos++;
    const properties: PropertyNode[] = [];
    this.skipSpace();
    if (text.charCodeAt(this.pos) === CLOSE_BRACE) {
      this.pos++;
      return { kind: 'object', properties, span: this.spanFrom(offset), path };
    }
    for (;;) {
      if (text.charCodeAt(this.pos) !== QUOTE) throw BAIL;
      const keyOffset = this.pos;
      const key = this.string();
      const keySpan = this.spanFrom(keyOffset);
      this.skipSpace();
      if (text.charCodeAt(this.pos) !== COLON) throw BAIL;
      this.pos++;
      this.skipSpace();
      const value = this.value(extend(path, key), depth + 1);
      properties.push({ key, keySpan, span: this.spanFrom(keyOffset), value });
      this.skipSpace();
      const next = text.charCodeAt(this.pos++);
      if (next === CLOSE_BRACE) break;
      if (next !== COMMA) throw BAIL;
      this.skipSpace();
    }
    return { kind: 'object', properties, span: this.spanFrom(offset), path };
  }

  private array(path: readonly PathSegment[], depth: number): ValueNode {
    if (depth >= DEPTH_LIMIT) throw BAIL;
    const text = this.text;
    const offset = this.pos++;
    const items: ValueNode[] = [];
    this.skipSpace();
    if (text.charCodeAt(this.pos) === CLOSE_BRACKET) {
      this.pos++;
      return { kind: 'array', items, span: this.spanFrom(offset), path };
    }
    for (;;) {
      items.push(this.value(extend(path, items.length), depth + 1));
      this.skipSpace();
      const next = text.charCodeAt(this.pos++);
      if (next === CLOSE_BRACKET) break;
      if (next !== COMMA) throw BAIL;
      this.skipSpace();
    }
    return { kind: 'array', items, span: this.spanFrom(offset), path };
  }

  /** A string token's value; the position ends past its closing quote. */
  private string(): string {
    const text = this.text;
    const start = this.pos + 1;
    // Most strings hold neither escapes nor control characters: find the closing quote natively.
    const close = text.indexOf('"', start);
    if (close < 0) throw BAIL;
    const raw = text.slice(start, close);
    if (!NEEDS_CARE.test(raw)) {
      this.pos = close + 1;
      return raw;
    }
    let pos = start;
    let escaped = false;
    for (;;) {
      const code = text.charCodeAt(pos);
      if (code === QUOTE) break;
      // NaN past the end fails this test too: an unterminated string is not strict JSON.
      if (!(code >= 32)) throw BAIL;
      if (code === BACKSLASH) {
        escaped = true;
        pos++;
      }
      pos++;
    }
    this.pos = pos + 1;
    if (!escaped) return text.slice(start, pos);
    try {
      // The escapes of JSON are JSON.parse's to decode; a malformed one is the tolerant path's to report.
      return JSON.parse(text.slice(start - 1, pos + 1)) as string;
    } catch {
      throw BAIL;
    }
  }

  private number(path: readonly PathSegment[]): ValueNode {
    const text = this.text;
    const offset = this.pos;
    let pos = offset;
    if (text.charCodeAt(pos) === MINUS) pos++;
    const first = text.charCodeAt(pos);
    if (first === ZERO) pos++;
    else if (first > ZERO && first <= NINE) pos = this.digits(pos);
    else throw BAIL;
    if (text.charCodeAt(pos) === DOT) {
      const after = this.digits(pos + 1);
      if (after === pos + 1) throw BAIL;
      pos = after;
    }
    const exponent = text.charCodeAt(pos);
    if (exponent === 101 || exponent === 69) {
      pos++;
      const sign = text.charCodeAt(pos);
      if (sign === 43 || sign === MINUS) pos++;
      const after = this.digits(pos);
      if (after === pos) throw BAIL;
      pos = after;
    }
    this.pos = pos;
    this.expectDelimiter();
    const raw = text.slice(offset, pos);
    return { kind: 'number', value: Number(raw), raw, span: { offset, length: pos - offset }, path };
  }

  private digits(pos: number): number {
    const text = this.text;
    for (;;) {
      const code = text.charCodeAt(pos);
      if (code >= ZERO && code <= NINE) pos++;
      else return pos;
    }
  }

  private keyword(path: readonly PathSegment[]): ValueNode {
    const offset = this.pos;
    const text = this.text;
    let node: ValueNode;
    if (text.startsWith('true', offset)) {
      this.pos += 4;
      node = { kind: 'boolean', value: true, span: { offset, length: 4 }, path };
    } else if (text.startsWith('false', offset)) {
      this.pos += 5;
      node = { kind: 'boolean', value: false, span: { offset, length: 5 }, path };
    } else if (text.startsWith('null', offset)) {
      this.pos += 4;
      node = { kind: 'null', span: { offset, length: 4 }, path };
    } else {
      throw BAIL;
    }
    this.expectDelimiter();
    return node;
  }

  /**
   * After a number or keyword only whitespace, a separator, a closing bracket or the end may come:
   * `truex` or `1a` read differently in jsonc-parser, so they go there.
   */
  private expectDelimiter(): void {
    const code = this.text.charCodeAt(this.pos);
    if (this.pos === this.text.length) return;
    if (code === 32 || code === 10 || code === 13 || code === 9 || code === COMMA || code === CLOSE_BRACE || code === CLOSE_BRACKET) return;
    throw BAIL;
  }

  private spanFrom(offset: number): Span {
    return { offset, length: this.pos - offset };
  }
}

/**
 * `[...path, segment]`, written out: every node of a 1 MB dump gets its own path of eight or so
 * segments, and the spread (or slice and push) costs several times this loop there.
 */
export function extend(path: readonly PathSegment[], segment: PathSegment): PathSegment[] {
  const length = path.length;
  const next = new Array<PathSegment>(length + 1);
  for (let i = 0; i < length; i++) next[i] = path[i]!;
  next[length] = segment;
  return next;
}
