import type { Prng } from './prng';

/** One way of damaging a document; `name` goes into failure reports so a case can be understood. */
export interface Mutation {
  readonly name: string;
  readonly weight: number;
  apply(text: string, rng: Prng): string;
}

const JSON_PUNCTUATION = ['{', '}', '[', ']', '"', ':', ',', '\\', '/', '*', '?', '$', '{', '}', ' ', '\n', '\t', '/*', '//', '*/'];
const IAM_FRAGMENTS = ['s3:', 'arn:aws:', ':::', '${aws:username}', '${', '*', '?', 'Allow', 'Deny', 'Statement', 'Action', 'Resource', 'Condition', 'Principal', 'Effect', 'Version', '2012-10-17', 'aws:SourceIp', 'StringLike', 'ForAnyValue:', 'IfExists', 'Fn::Sub', 'Ref'];

/**
 * Code points that have broken editors and parsers before: lone surrogates, BOM, NUL, bidi overrides,
 * zero-width joiners, combining marks, astral characters, the JS line terminators U+2028/U+2029, CR
 * alone, and JSON escapes of the same.
 */
const UNUSUAL = [
  '\uD800', '\uDFFF', '\uDBFF\uDFFF', '\uFEFF', '\u0000', '\u0007', '\u202E', '\u2066', '\u200B', '\u200D', '\u0301\u0301\u0301',
  '😀', '👩‍👩‍👧', '𝔄', '\u2028', '\u2029', '\r', '\r\n', '\u00A0', '\u3000', 'İ', 'ß', 'ﬀ', 'Ǆ', 'ΣΑΣ', '\\u0000', '\\uD800', '\\ud83d\\ude00', '\\"', '\\\\', '\\x', '\\u12',
];

const REPLACEMENT_VALUES = ['123', '-0', '1e309', '0.0000001', 'true', 'false', 'null', '{}', '[]', '[[]]', '""', '"*"', '[1,{"a":null}]', '{"Fn::Sub":"arn:${AWS::Partition}:s3:::x"}', '{"Ref":"R"}', '[null,true,"s3:*"]', '{"Allow":"Deny"}'];

const ELEMENT_NAMES = ['Action', 'NotAction', 'Resource', 'NotResource', 'Principal', 'NotPrincipal', 'Condition', 'Effect', 'Sid', 'Statement', 'Version', 'Id', 'action', 'EFFECT', ''];

function randomPosition(text: string, rng: Prng): number {
  return rng.int(0, text.length);
}

function splice(text: string, at: number, remove: number, insert: string): string {
  return text.slice(0, at) + insert + text.slice(at + remove);
}

/** Spans of string literals (including quotes), found without parsing so damaged text works too. */
function stringLiterals(text: string): { start: number; end: number }[] {
  const spans: { start: number; end: number }[] = [];
  const pattern = /"(?:[^"\\\n]|\\.)*"/g;
  for (let match = pattern.exec(text); match && spans.length < 500; match = pattern.exec(text)) {
    spans.push({ start: match.index, end: match.index + match[0].length });
  }
  return spans;
}

function randomLiteral(text: string, rng: Prng): { start: number; end: number } | undefined {
  const spans = stringLiterals(text);
  return spans.length > 0 ? rng.pick(spans) : undefined;
}

function randomJunk(rng: Prng, length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) {
    const roll = rng.next();
    if (roll < 0.4) out += rng.pick(JSON_PUNCTUATION);
    else if (roll < 0.6) out += rng.pick(IAM_FRAGMENTS);
    else if (roll < 0.75) out += rng.pick(UNUSUAL);
    else out += String.fromCharCode(rng.int(0, 0xffff));
  }
  return out;
}

export const MUTATIONS: readonly Mutation[] = [
  {
    name: 'delete',
    weight: 6,
    apply: (text, rng) => {
      const at = randomPosition(text, rng);
      return splice(text, at, 1 + rng.skewed(64), '');
    },
  },
  {
    name: 'insert',
    weight: 6,
    apply: (text, rng) => splice(text, randomPosition(text, rng), 0, randomJunk(rng, 1 + rng.skewed(8))),
  },
  {
    name: 'replace-char',
    weight: 4,
    apply: (text, rng) => splice(text, randomPosition(text, rng), 1, randomJunk(rng, 1)),
  },
  {
    name: 'swap-type',
    weight: 5,
    apply: (text, rng) => {
      const literal = randomLiteral(text, rng);
      if (!literal) return text;
      // Half the time the key is hit instead of the value, which changes the object's shape.
      return splice(text, literal.start, literal.end - literal.start, rng.pick(REPLACEMENT_VALUES));
    },
  },
  {
    name: 'rename-element',
    weight: 3,
    apply: (text, rng) => {
      const names = [...text.matchAll(/"(Action|NotAction|Resource|NotResource|Principal|NotPrincipal|Condition|Effect|Sid|Statement|Version)"/g)];
      if (names.length === 0) return text;
      const match = rng.pick(names);
      return splice(text, match.index!, match[0].length, JSON.stringify(rng.pick(ELEMENT_NAMES)));
    },
  },
  {
    name: 'huge-string',
    weight: 1,
    apply: (text, rng) => {
      const literal = randomLiteral(text, rng);
      const size = 1_000 + rng.skewed(200_000);
      const unit = rng.pick(['A', '*', 'a*', '?', 's3:Get*', ':', '/', '${aws:username}', '😀', '\\"', '$']);
      const body = unit.repeat(Math.ceil(size / unit.length));
      if (!literal) return splice(text, randomPosition(text, rng), 0, `"${body}"`);
      return splice(text, literal.start + 1, literal.end - literal.start - 2, body);
    },
  },
  {
    name: 'deep-nesting',
    weight: 1,
    apply: (text, rng) => {
      const depth = rng.chance(0.2) ? 5_000 : 1 + rng.skewed(600);
      const open = rng.pick(['[', '{"a":', '{"Statement":', '{"Condition":{"StringLike":']);
      const close = open === '[' ? ']' : '}'.repeat(open.split('{').length - 1);
      const balanced = rng.chance(0.7);
      const inner = rng.pick(['1', '"s3:*"', '{}', '']);
      const nested = open.repeat(depth) + inner + (balanced ? close.repeat(depth) : '');
      const literal = randomLiteral(text, rng);
      return literal ? splice(text, literal.start, literal.end - literal.start, nested) : splice(text, randomPosition(text, rng), 0, nested);
    },
  },
  {
    name: 'unicode',
    weight: 3,
    apply: (text, rng) => {
      const literal = randomLiteral(text, rng);
      const at = literal ? rng.int(literal.start + 1, Math.max(literal.start + 1, literal.end - 1)) : randomPosition(text, rng);
      let insert = '';
      for (let i = rng.int(1, 4); i > 0; i--) insert += rng.pick(UNUSUAL);
      return splice(text, at, 0, insert);
    },
  },
  {
    name: 'truncate',
    weight: 3,
    apply: (text, rng) => text.slice(0, randomPosition(text, rng)),
  },
  {
    name: 'duplicate-range',
    weight: 2,
    apply: (text, rng) => {
      const start = randomPosition(text, rng);
      const piece = text.slice(start, start + 1 + rng.skewed(400));
      return splice(text, randomPosition(text, rng), 0, piece.repeat(rng.int(1, 3)));
    },
  },
  {
    name: 'swap-ranges',
    weight: 2,
    apply: (text, rng) => {
      const a = randomPosition(text, rng);
      const b = randomPosition(text, rng);
      const [from, to] = a < b ? [a, b] : [b, a];
      const mid = rng.int(from, to);
      return text.slice(0, from) + text.slice(mid, to) + text.slice(from, mid) + text.slice(to);
    },
  },
  {
    name: 'line-endings',
    weight: 1,
    apply: (text, rng) => text.replace(/\n/g, rng.pick(['\r\n', '\r', '\u2028', '\n\n', ''])),
  },
];

const TOTAL_WEIGHT = MUTATIONS.reduce((sum, mutation) => sum + mutation.weight, 0);

export function pickMutation(rng: Prng): Mutation {
  let roll = rng.next() * TOTAL_WEIGHT;
  for (const mutation of MUTATIONS) {
    roll -= mutation.weight;
    if (roll < 0) return mutation;
  }
  return MUTATIONS[MUTATIONS.length - 1]!;
}
