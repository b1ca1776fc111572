import type { ConditionBlock, ConditionEntry, Policy, Statement } from '../document/model';
import { MemoSlot, memoized } from '../document/memo';
import type { Span } from '../document/tree';
import { patternOfValue } from '../document/unknown';
import { indexActions, type ActionIndex } from './actionIndex';
import { parseOperator, type ParsedOperator, type ValueTest } from './operators';
import { compilePattern, type CompiledPattern } from './pattern';
import { compilePrincipal, type CompiledPrincipal } from './matchPrincipal';
import type { FactsSlot } from './requestFacts';
import { compileResourcePattern, type CompiledResourcePattern } from './resourcePattern';
import { hasVariables } from './variables';

/**
 * A policy prepared for evaluation: patterns lower-cased and classified, operators parsed, policy
 * values turned into tests. Done once per policy object (the model is immutable: a new document
 * version gives new objects), so evaluating a statement allocates nothing on the common path.
 */
export interface CompiledPolicy {
  readonly policy: Policy;
  /** Variables are substituted only under Version 2012-10-17; otherwise `${...}` is literal text. */
  readonly variablesEnabled: boolean;
  readonly statements: readonly CompiledStatement[];
  /** The statements that may apply, by the service of the requested action. */
  readonly actions: ActionIndex;
}

export interface CompiledStatement {
  readonly statement: Statement;
  readonly index: number;
  readonly sid?: string;
  readonly effect: 'Allow' | 'Deny' | undefined;
  readonly span: Span;
  /** Undefined when the statement has neither Action nor NotAction (it then matches no action). */
  readonly action?: CompiledList<CompiledPattern>;
  readonly resource?: CompiledResourceList;
  readonly principal?: CompiledPrincipal;
  readonly conditions: readonly CompiledCondition[];
  /** Whether the request context matters: the statement has conditions or Resource variables to substitute. */
  readonly usesContext: boolean;
  /** What the statement worked out for the last request (requestFacts.ts). */
  readonly memo: FactsSlot;
}

export interface CompiledList<T> {
  readonly negated: boolean;
  readonly patterns: readonly T[];
}

export interface CompiledResourceList extends CompiledList<CompiledResourcePattern> {
  /** The entries as written; those with variables are compiled again after substitution. */
  readonly texts: readonly string[];
  readonly withVariables: readonly boolean[];
  readonly anyVariables: boolean;
}

export interface CompiledCondition {
  readonly operatorText: string;
  readonly operator: ParsedOperator | undefined;
  readonly key: string;
  readonly lowerKey: string;
  /** The policy values as written, for the trace. */
  readonly policyValues: readonly string[];
  /** One test per policy value; undefined when some value holds a variable to substitute per request. */
  readonly tests?: readonly ValueTest[];
  readonly span: Span;
}

const COMPILED = new MemoSlot<CompiledPolicy>('compiled policy');

export function compilePolicy(policy: Policy): CompiledPolicy {
  return memoized(policy, COMPILED, () => {
    const version = policy.version?.value;
    const variablesEnabled = version?.kind === 'string' && version.value === '2012-10-17';
    const statements = policy.statements.map((statement) => compileStatement(statement, variablesEnabled));
    const actionTexts = policy.statements.map((statement) => statement.action?.values.map((value) => patternOfValue(value.value).toLowerCase()));
    return { policy, variablesEnabled, statements, actions: indexActions(statements, actionTexts) };
  });
}

function compileStatement(statement: Statement, variablesEnabled: boolean): CompiledStatement {
  const sid = statement.sid?.value?.kind === 'string' ? statement.sid.value.value : undefined;
  const conditions: CompiledCondition[] = [];
  for (const block of statement.condition?.blocks ?? []) {
    for (const entry of block.entries) conditions.push(compileCondition(block, entry, variablesEnabled));
  }
  // An unknown part (a template value known only after deployment) matches as a wildcard would;
  // dependsOn.ts then says which unknowns a decision relied on.
  const resource = statement.resource && compileResources(statement.resource.keyword === 'NotResource', statement.resource.values.map((value) => patternOfValue(value.value)), variablesEnabled);
  return {
    statement,
    index: statement.index,
    sid,
    effect: statement.effectValue,
    span: statement.node.span,
    action: statement.action && {
      negated: statement.action.keyword === 'NotAction',
      patterns: statement.action.values.map((value) => compilePattern(patternOfValue(value.value).toLowerCase())),
    },
    resource,
    principal: statement.principal && compilePrincipal(statement.principal),
    conditions,
    usesContext: conditions.length > 0 || resource?.anyVariables === true,
    memo: { facts: undefined },
  };
}

function compileResources(negated: boolean, texts: readonly string[], variablesEnabled: boolean): CompiledResourceList {
  const withVariables = texts.map((text) => variablesEnabled && hasVariables(text));
  return {
    negated,
    texts,
    withVariables,
    anyVariables: withVariables.includes(true),
    patterns: texts.map((text) => compileResourcePattern(text)),
  };
}

function compileCondition(block: ConditionBlock, entry: ConditionEntry, variablesEnabled: boolean): CompiledCondition {
  const operator = parseOperator(block.operator);
  const policyValues = entry.values.map((value) => (value.kind === 'null' ? 'null' : value.kind === 'number' ? value.raw : String(value.value)));
  const substitutes = variablesEnabled && operator?.family?.allowsVariables === true && policyValues.some(hasVariables);
  const family = operator?.family;
  return {
    operatorText: block.operator,
    operator,
    key: entry.key,
    lowerKey: entry.key.toLowerCase(),
    policyValues,
    tests: substitutes || !family ? undefined : policyValues.map((value) => family.compile(operator!.base, value)),
    span: entry.property.span,
  };
}
