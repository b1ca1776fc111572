import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { repoRoot } from '../fixtures/catalog';

// A small interpreter for the subset of TextMate rules the IAM injection grammars use (match with
// captures, capture patterns, begin/end with contentName), so the grammars are tested without
// vscode-textmate. The patterns avoid Oniguruma-only syntax so JavaScript can run them.

interface Rule {
  include?: string;
  match?: string;
  begin?: string;
  end?: string;
  name?: string;
  contentName?: string;
  captures?: Record<string, { name?: string; patterns?: Rule[] }>;
  beginCaptures?: Record<string, { name?: string; patterns?: Rule[] }>;
  patterns?: Rule[];
}

interface Grammar {
  scopeName: string;
  injectionSelector: string;
  patterns: Rule[];
  repository: Record<string, Rule>;
}

interface Token {
  readonly text: string;
  readonly scope: string;
}

function load(name: string): Grammar {
  return JSON.parse(fs.readFileSync(path.join(repoRoot(), 'syntaxes', name), 'utf8')) as Grammar;
}

function resolve(grammar: Grammar, rules: readonly Rule[]): Rule[] {
  return rules.flatMap((rule) => (rule.include ? resolve(grammar, [grammar.repository[rule.include.slice(1)]!]) : [rule]));
}

function expand(name: string | undefined, match: RegExpExecArray): string {
  return (name ?? '').replace(/\$(\d+)/g, (_, n: string) => match[Number(n)] ?? '');
}

function sticky(source: string): RegExp {
  return new RegExp(source, 'yd');
}

function join(...scopes: (string | undefined)[]): string {
  return scopes.filter((scope) => scope).join(' ');
}

/** Tokens covering one match: captures get their own scopes, the gaps the rule's name. */
function matchTokens(grammar: Grammar, rule: Rule, match: RegExpExecArray, base: string, captures = rule.captures): Token[] {
  const scope = join(base, expand(rule.name, match));
  const tokens: Token[] = [];
  const indices = match.indices!;
  const start = indices[0]![0];
  let last = 0;
  for (let group = 1; group < match.length; group++) {
    const span = indices[group];
    const capture = captures?.[String(group)];
    if (!span || !capture || span[0] === span[1]) continue;
    const from = span[0] - start;
    if (from < last) continue;
    if (from > last) tokens.push({ text: match[0].slice(last, from), scope });
    tokens.push(...innerTokens(grammar, match[group]!, join(scope, capture.name), resolve(grammar, capture.patterns ?? [])));
    last = span[1] - start;
  }
  if (last < match[0].length) tokens.push({ text: match[0].slice(last), scope });
  return tokens;
}

/** Applies match rules left to right over a piece of text; unmatched characters keep the base scope. */
function innerTokens(grammar: Grammar, text: string, base: string, rules: readonly Rule[]): Token[] {
  const tokens: Token[] = [];
  let position = 0;
  while (position < text.length) {
    let matched = false;
    for (const rule of rules) {
      const re = sticky(rule.match!);
      re.lastIndex = position;
      const m = re.exec(text);
      if (!m || m[0].length === 0) continue;
      tokens.push(...matchTokens(grammar, rule, m, base));
      position += m[0].length;
      matched = true;
      break;
    }
    if (!matched) tokens.push({ text: text[position++]!, scope: base });
  }
  return tokens;
}

/** Tokenizes the inside of one JSON string literal (`"..."`), as the injection sees it. */
function tokenize(grammar: Grammar, literal: string): Token[] {
  const tokens: Token[] = [];
  const top = resolve(grammar, grammar.patterns);
  let position = 1;
  while (position < literal.length - 1) {
    let advanced = false;
    for (const rule of top) {
      const re = sticky(rule.match ?? rule.begin!);
      re.lastIndex = position;
      const m = re.exec(literal);
      if (!m || m[0].length === 0) continue;
      if (rule.match) {
        tokens.push(...matchTokens(grammar, rule, m, ''));
        position += m[0].length;
      } else {
        tokens.push(...matchTokens(grammar, { name: rule.name }, m, '', rule.beginCaptures));
        position += m[0].length;
        const endRe = sticky(rule.end!);
        let contentEnd = position;
        while (contentEnd < literal.length) {
          endRe.lastIndex = contentEnd;
          if (endRe.exec(literal)) break;
          contentEnd++;
        }
        tokens.push(...innerTokens(grammar, literal.slice(position, contentEnd), join(rule.name, rule.contentName), resolve(grammar, rule.patterns ?? [])));
        position = contentEnd;
      }
      advanced = true;
      break;
    }
    if (!advanced) position++;
  }
  return mergeAdjacent(tokens);
}

function mergeAdjacent(tokens: Token[]): Token[] {
  const merged: Token[] = [];
  for (const token of tokens) {
    const last = merged[merged.length - 1];
    if (last && last.scope === token.scope) merged[merged.length - 1] = { text: last.text + token.text, scope: token.scope };
    else merged.push(token);
  }
  return merged;
}

function regexSources(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(regexSources);
  if (!value || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, inner]) => (['match', 'begin', 'end'].includes(key) && typeof inner === 'string' ? [inner] : regexSources(inner)));
}

const values = load('iam-policy.values.injection.json');
const keys = load('iam-policy.keys.injection.json');

test('grammar files: scope names, injection selectors, every regex compiles', () => {
  assert.equal(values.scopeName, 'iam-policy.values.injection');
  assert.equal(values.injectionSelector, 'L:string.quoted.double.json');
  assert.equal(keys.injectionSelector, 'L:support.type.property-name.json');
  for (const grammar of [values, keys]) {
    const sources = regexSources(grammar);
    assert.ok(sources.length >= 3, `only ${sources.length} regexes`);
    for (const source of sources) assert.doesNotThrow(() => new RegExp(source), source);
  }
});

const VALUE_CASES: readonly [literal: string, expected: readonly [text: string, scope: string][]][] = [
  ['"Allow"', [['Allow', 'keyword.control.effect.Allow.iam']]],
  ['"Deny"', [['Deny', 'keyword.control.effect.Deny.iam']]],
  ['"s3:GetObject"', [['s3', 'entity.name.namespace.service-prefix.iam'], [':', 'punctuation.separator.action.iam'], ['GetObject', 'entity.name.function.action.iam']]],
  ['"ec2:Describe*"', [['Describe', 'entity.name.function.action.iam'], ['*', 'keyword.operator.wildcard.iam']]],
  ['"*"', [['*', 'keyword.operator.wildcard.iam']]],
  ['"arn:aws:s3:::my-bucket/${aws:username}/*"', [['arn', 'keyword.other.arn.iam'], ['aws', 'entity.name.tag.partition.iam'], ['s3', 'entity.name.namespace.service-prefix.iam'], ['my-bucket', 'meta.arn.resource.iam'], ['aws:username', 'variable.other.policy-variable.iam'], ['*', 'keyword.operator.wildcard.iam']]],
  ['"arn:aws:iam::111122223333:role/aws-service-role/ecs.amazonaws.com/AWSServiceRoleForECS"', [['111122223333', 'constant.numeric.account-id.iam'], ['/', 'punctuation.separator.arn.iam']]],
  ['"arn:aws:ec2:us-east-1:*:instance/*"', [['us-east-1', 'constant.other.region.iam'], ['*', 'keyword.operator.wildcard.iam']]],
  ['"ec2.amazonaws.com"', [['ec2.amazonaws.com', 'entity.name.type.service-principal.iam']]],
  ['"111122223333"', [['111122223333', 'constant.numeric.account-id.iam']]],
  ['"team-${aws:PrincipalTag/team}"', [['${', 'punctuation.definition.variable.begin.iam'], ['aws:PrincipalTag/team', 'variable.other.policy-variable.iam']]],
];

for (const [literal, expected] of VALUE_CASES) {
  test(`grammar (values): ${literal}`, () => {
    const tokens = tokenize(values, literal);
    for (const [text, scope] of expected) {
      assert.ok(tokens.some((token) => token.text === text && token.scope.split(' ').includes(scope)), `no "${text}" as ${scope} in ${JSON.stringify(tokens)}`);
    }
  });
}

test('grammar (values): plain text is left alone', () => {
  for (const literal of ['"hello world"', '"Allowed"', '"my description: here"']) {
    assert.deepEqual(tokenize(values, literal).filter((t) => t.scope.trim() !== ''), [], literal);
  }
});

const KEY_CASES: readonly [literal: string, expected: readonly [text: string, scope: string][]][] = [
  ['"StringEquals"', [['StringEquals', 'keyword.operator.condition.iam']]],
  ['"ForAnyValue:StringLikeIfExists"', [['ForAnyValue', 'storage.modifier.set-operator.iam'], ['StringLike', 'keyword.operator.condition.iam'], ['IfExists', 'storage.modifier.if-exists.iam']]],
  ['"Null"', [['Null', 'keyword.operator.condition.iam']]],
  ['"aws:SourceIp"', [['aws', 'entity.name.namespace.condition-key.iam'], ['SourceIp', 'variable.other.condition-key.iam']]],
  ['"token.actions.githubusercontent.com:sub"', [['token.actions.githubusercontent.com', 'entity.name.namespace.condition-key.iam']]],
];

for (const [literal, expected] of KEY_CASES) {
  test(`grammar (keys): ${literal}`, () => {
    const tokens = tokenize(keys, literal);
    for (const [text, scope] of expected) {
      assert.ok(tokens.some((token) => token.text === text && token.scope.split(' ').includes(scope)), `no "${text}" as ${scope} in ${JSON.stringify(tokens)}`);
    }
  });
}

test('grammar (keys): element names and CloudFormation keys are left alone', () => {
  for (const literal of ['"Statement"', '"Effect"', '"Fn::Sub"', '"NullIfExists"', '"StringEqualsX"']) {
    assert.deepEqual(tokenize(keys, literal).filter((t) => t.scope.trim() !== ''), [], literal);
  }
});
