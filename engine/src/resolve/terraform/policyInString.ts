import type { HclExpression, HclTemplatePart } from '../../hcl/ast';
import { parseJson } from '../../document/parseJson';
import { templateString, UNKNOWN_MARK, type UnknownPart } from '../../document/unknown';
import type { PathSegment, PropertyNode, Span, ValueNode } from '../../document/tree';
import { evaluate, type Scope } from './evaluate';

/**
 * A policy written as JSON inside a heredoc or a quoted string (`policy = <<EOF {...} EOF`). The
 * string's value is parsed as JSON and every node's span is moved back to where its characters are
 * written in the HCL, escapes and `<<-` indentation included. An interpolation (`${var.bucket}`) is
 * an unknown part of the JSON string it sits in. Values in a heredoc are written text (a fix may
 * replace one); in a quoted string every `"` is escaped, so those are derived and take no fix.
 */
export interface PolicyInString {
  readonly node: ValueNode | undefined;
  /** The JSON's syntax problems, at their place in the HCL; none when the string is not a policy. */
  readonly problems: readonly { message: string; offset: number; length: number }[];
}

export function policyInString(expression: Extract<HclExpression, { kind: 'template' }>, text: string, path: readonly PathSegment[], scope: Scope): PolicyInString {
  const { value, offsets, unknowns } = decode(expression, text, scope);
  if (!value.trimStart().startsWith('{')) return { node: undefined, problems: [] };
  const parsed = parseJson(value);
  const toOuter = (offset: number) => offsets[Math.max(0, Math.min(offset, offsets.length - 1))]!;
  const outer = (span: Span): Span => {
    const start = toOuter(span.offset);
    return { offset: start, length: Math.max(toOuter(span.offset + span.length) - start, 0) };
  };
  const problems = parsed.syntaxProblems.map((problem) => ({ ...problem, ...outer({ offset: problem.offset, length: problem.length }) }));
  if (!parsed.root) return { node: undefined, problems };
  const queue = [...unknowns];
  const origin = expression.quoted ? 'derived' : 'written';
  return { node: move(parsed.root, path, outer, queue, origin), problems };
}

interface Decoded {
  readonly value: string;
  /** For each UTF-16 unit of the value, where it is written; one more entry for the end. */
  readonly offsets: number[];
  readonly unknowns: UnknownPart[];
}

function decode(expression: Extract<HclExpression, { kind: 'template' }>, text: string, scope: Scope): Decoded {
  let value = '';
  const offsets: number[] = [];
  const unknowns: UnknownPart[] = [];
  for (const part of expression.parts) {
    if (part.kind === 'text') {
      appendText(part, text, expression.quoted, (character, at) => {
        value += character;
        for (let unit = 0; unit < character.length; unit++) offsets.push(at);
      });
      continue;
    }
    const resolved = part.kind === 'interpolation' ? evaluate(part.expression, [], scope) : undefined;
    if (resolved?.kind === 'string' && !resolved.unknowns) {
      // A resolved interpolation's text sits where the interpolation is written.
      value += resolved.value;
      for (let unit = 0; unit < resolved.value.length; unit++) offsets.push(part.span.offset);
    } else {
      value += UNKNOWN_MARK;
      offsets.push(part.span.offset);
      const source = text.slice(part.span.offset, part.span.offset + part.span.length).replace(/^\$\{|\}$/g, '');
      unknowns.push(resolved?.kind === 'string' && resolved.unknowns?.length === 1 ? resolved.unknowns[0]! : { source, reason: 'known when Terraform runs', span: part.span });
    }
  }
  offsets.push(expression.contentSpan.offset + expression.contentSpan.length);
  return { value, offsets, unknowns };
}

/** Each decoded character of a literal part with the offset where it is written. */
function appendText(part: Extract<HclTemplatePart, { kind: 'text' }>, text: string, quoted: boolean, emit: (character: string, at: number) => void): void {
  const start = part.span.offset;
  const end = start + part.span.length;
  for (let at = start; at < end; ) {
    const character = text[at]!;
    if ((character === '$' || character === '%') && text[at + 1] === character && text[at + 2] === '{') {
      emit(character, at);
      emit('{', at + 2);
      at += 3;
    } else if (quoted && character === '\\') {
      const next = text[at + 1] ?? '';
      if (next === 'u' || next === 'U') {
        const digits = next === 'u' ? 4 : 8;
        const code = parseInt(text.slice(at + 2, at + 2 + digits), 16);
        emit(Number.isNaN(code) || code > 0x10ffff ? next : String.fromCodePoint(code), at);
        at += 2 + digits;
      } else {
        emit(({ n: '\n', r: '\r', t: '\t' } as Record<string, string>)[next] ?? next, at);
        at += 2;
      }
    } else {
      emit(character, at);
      at++;
    }
  }
}

function move(node: ValueNode, path: readonly PathSegment[], outer: (span: Span) => Span, unknowns: UnknownPart[], origin: 'written' | 'derived'): ValueNode {
  const span = outer(node.span);
  switch (node.kind) {
    case 'string': {
      if (!node.value.includes(UNKNOWN_MARK) && origin === 'written') return { ...node, span, path };
      const parts: (string | UnknownPart)[] = [];
      let literal = '';
      for (const character of node.value) {
        if (character !== UNKNOWN_MARK) literal += character;
        else {
          if (literal) parts.push(literal);
          literal = '';
          parts.push(unknowns.shift() ?? { source: '...', reason: 'known when Terraform runs' });
        }
      }
      if (literal) parts.push(literal);
      return templateString(parts, { span, path, origin: node.value.includes(UNKNOWN_MARK) ? 'derived' : origin });
    }
    case 'array':
      return { kind: 'array', items: node.items.map((item, index) => move(item, [...path, index], outer, unknowns, origin)), span, path };
    case 'object': {
      const properties: PropertyNode[] = node.properties.map((entry) => ({
        key: entry.key,
        keySpan: outer(entry.keySpan),
        span: outer(entry.span),
        value: entry.value && move(entry.value, [...path, entry.key], outer, unknowns, origin),
      }));
      return { kind: 'object', properties, span, path };
    }
    default:
      return { ...node, span, path };
  }
}
