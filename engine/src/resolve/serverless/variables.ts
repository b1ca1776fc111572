import { getProperty, type ObjectNode, type ValueNode } from '../../document/tree';
import type { TemplatePart, UnknownPart } from '../../document/unknown';
import { matchingBrace } from '../matchingBrace';

/**
 * Serverless Framework variables (`${self:custom.bucket}`, `${opt:stage, 'dev'}`, `${env:X}`,
 * `${aws:accountId}`, `${sls:stage}`), resolved as far as the configuration file itself says. The
 * values are those of a deploy with no command-line options: `${opt:...}` takes the default written
 * in the variable, `${sls:stage}` is `provider.stage` (else the framework's default, "dev"),
 * `${aws:region}` is `provider.region` (else "us-east-1"). Everything the file does not state
 * (`${env:X}` without a default, `${aws:accountId}`, `${ssm:...}`, `${file(...)}`, `${cf:...}`) is an
 * unknown part (document/unknown.ts), never a guess.
 *
 * `${aws:...}` with any other address (`${aws:username}`, `${aws:PrincipalTag/team}`) is an IAM
 * policy variable, not a framework variable: the framework's `aws` source knows only accountId and
 * region, so such text is left as written for IAM to substitute.
 */

/** Framework defaults for a deploy without --stage and --region. */
const DEFAULT_STAGE = 'dev';
const DEFAULT_REGION = 'us-east-1';

/** Past this many nested lookups a value is unknown (a variable that refers to itself, directly or not). */
const MAX_DEPTH = 10;

export class ServerlessVariables {
  constructor(private readonly root: ObjectNode) {}

  /** True when the text holds a variable this resolver would read (and not only IAM policy variables). */
  static holdsVariables(text: string): boolean {
    return text.includes('${') && splitVariables(text).some((part) => typeof part !== 'string' && !isPolicyVariable(part.body));
  }

  /** The text with every framework variable resolved to literal text or an unknown part. */
  resolve(text: string, depth = 0): TemplatePart[] {
    const parts: TemplatePart[] = [];
    for (const piece of splitVariables(text)) {
      if (typeof piece === 'string') parts.push(piece);
      else if (isPolicyVariable(piece.body)) parts.push(`\${${piece.body}}`);
      else parts.push(...this.variable(piece.body, depth));
    }
    return parts;
  }

  /** One `${...}` body: `source:address` and an optional `, fallback`. */
  private variable(body: string, depth: number): TemplatePart[] {
    const { primary, fallback } = splitFallback(body);
    if (depth >= MAX_DEPTH) return [unknown(body, 'a variable nested too deeply (or referring to itself)')];
    // The address may itself hold variables: `${self:custom.${opt:stage, 'dev'}.bucket}`.
    const inner = this.resolve(primary, depth + 1);
    if (inner.some((part) => typeof part !== 'string')) return this.fallbackOr(fallback, depth, unknown(body, 'its address depends on a value only known at deploy time'));
    const reference = (inner as string[]).join('').trim();
    const colon = reference.indexOf(':');
    const source = colon >= 0 ? reference.slice(0, colon).trim() : reference;
    const address = colon >= 0 ? reference.slice(colon + 1).trim() : '';
    switch (source) {
      case 'self':
        return this.self(address, body, fallback, depth);
      case 'opt':
        return this.fallbackOr(fallback, depth, unknown(body, 'a command-line option, given at deploy time'));
      case 'env':
        return this.fallbackOr(fallback, depth, unknown(body, 'an environment variable, read at deploy time'));
      case 'sls':
        if (address === 'stage') return this.stage(depth);
        return this.fallbackOr(fallback, depth, unknown(body, 'a value the framework sets at deploy time'));
      case 'aws':
        if (address === 'region') return this.region(depth);
        return this.fallbackOr(fallback, depth, unknown(body, address === 'accountId' ? 'the account deployed to' : 'a value known at deploy time'));
      default:
        // file(...), ssm:, cf:, s3:, param:, and plugin sources: read outside this file.
        return this.fallbackOr(fallback, depth, unknown(body, 'read from outside this file at deploy time'));
    }
  }

  private self(address: string, body: string, fallback: string | undefined, depth: number): TemplatePart[] {
    const node = this.lookUp(address);
    if (!node) return this.fallbackOr(fallback, depth, unknown(body, 'not set in this file'));
    if (node.kind === 'string') return this.resolve(node.value, depth + 1);
    if (node.kind === 'number' || node.kind === 'boolean') return [String(node.value)];
    return [unknown(body, 'not a single value')];
  }

  private stage(depth: number): TemplatePart[] {
    const stage = this.lookUp('provider.stage');
    return stage?.kind === 'string' ? this.resolve(stage.value, depth + 1) : [DEFAULT_STAGE];
  }

  private region(depth: number): TemplatePart[] {
    const region = this.lookUp('provider.region');
    return region?.kind === 'string' ? this.resolve(region.value, depth + 1) : [DEFAULT_REGION];
  }

  /** The default written after the comma, when there is one; otherwise the unknown part. */
  private fallbackOr(fallback: string | undefined, depth: number, otherwise: UnknownPart): TemplatePart[] {
    if (fallback === undefined) return [otherwise];
    const quoted = /^(['"])(.*)\1$/s.exec(fallback);
    if (quoted) return [quoted[2]!];
    if (/^-?\d+(\.\d+)?$/.test(fallback) || fallback === 'true' || fallback === 'false') return [fallback];
    // Another variable, with or without its `${}`: `${opt:stage, self:provider.stage}`.
    const body = fallback.startsWith('${') && fallback.endsWith('}') ? fallback.slice(2, -1) : fallback;
    return this.variable(body, depth + 1);
  }

  /** `custom.bucket` in the file's own tree (dotted path; no list indexes). */
  lookUp(address: string): ValueNode | undefined {
    let node: ValueNode | undefined = this.root;
    for (const key of address.split('.')) {
      if (node?.kind !== 'object' || key === '') return undefined;
      node = getProperty(node, key)?.value;
    }
    return node;
  }
}

function unknown(body: string, reason: string): UnknownPart {
  return { source: body.trim(), reason };
}

/** IAM policy variables that share the `${aws:...}` form with the framework's `aws` source. */
function isPolicyVariable(body: string): boolean {
  const match = /^\s*aws:([^,}]*)$/.exec(body);
  return match !== null && match[1]!.trim() !== 'accountId' && match[1]!.trim() !== 'region';
}

interface VariablePiece {
  /** What stands between `${` and the matching `}`. */
  readonly body: string;
}

/** Literal text and top-level `${...}` variables, braces nested; an unclosed `${` stays text. */
function splitVariables(text: string): (string | VariablePiece)[] {
  const pieces: (string | VariablePiece)[] = [];
  let literal = '';
  let index = 0;
  while (index < text.length) {
    const start = text.indexOf('${', index);
    if (start < 0) break;
    const end = matchingBrace(text, start + 2);
    if (end < 0) break;
    literal += text.slice(index, start);
    if (literal) pieces.push(literal);
    literal = '';
    pieces.push({ body: text.slice(start + 2, end) });
    index = end + 1;
  }
  literal += text.slice(index);
  if (literal) pieces.push(literal);
  return pieces;
}

/** `opt:stage, 'dev'` into the reference and the default after the first top-level comma. */
function splitFallback(body: string): { primary: string; fallback?: string } {
  let depth = 0;
  let quote: string | undefined;
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (quote) {
      if (c === quote) quote = undefined;
    } else if (c === "'" || c === '"') quote = c;
    else if (c === '{') depth++;
    else if (c === '}') depth--;
    else if (c === ',' && depth === 0) return { primary: body.slice(0, i), fallback: body.slice(i + 1).trim() };
  }
  return { primary: body };
}
