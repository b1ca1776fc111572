import { excludeEachOther } from '../../document/unknown';
import { MemoSlot, memoized } from '../../document/memo';
import type { Statement, StringListElement } from '../../document/model';
import { canonicalText } from '../support/canonical';
import { arrayItemRemovalSpan } from '../support/fixes';
import { globCovers, isLiteralGlob } from '../support/globs';
import { openingTarget, valueTarget } from '../targets';
import type { FixHint, Rule } from '../types';

export const redundantStatement: Rule = {
  meta: {
    id: 'IAM403',
    name: 'redundant-statement',
    severity: 'hint',
    category: 'suggestion',
    description:
      'A statement whose actions and resources another statement with the same effect, principal and conditions already covers adds nothing; remove it or merge the two.',
    accessAnalyzer: 'Redundant statement',
  },
  scope: 'policy',
  check({ policy, report }) {
    // Only statements with the same effect, principal and conditions can cover each other: group
    // by that first so a long policy costs one pass, not a comparison of every pair.
    const groups = new Map<string, Statement[]>();
    for (const statement of policy.statements) {
      if (statement.node.kind !== 'object' || !statement.effectValue) continue;
      const key = signature(statement);
      const group = groups.get(key);
      if (group) group.push(statement);
      else groups.set(key, [statement]);
    }
    const array = policy.statementProperty?.value;
    const firstWithText = new Map<string, Statement>();
    for (const statement of policy.statements) {
      const group = statement.effectValue && statement.node.kind === 'object' ? (groups.get(signature(statement)) ?? []) : [];
      const cover = group.length > MAX_GROUP ? identicalEarlier(statement, firstWithText) : group.find((other) => other !== statement && !excludeEachOther(other.node, statement.node) && coversStatement(other, statement) && (!coversStatement(statement, other) || other.index < statement.index));
      if (!cover) continue;
      const sid = statement.sid?.value;
      const target = sid?.kind === 'string' ? valueTarget(sid) : openingTarget(statement.node);
      const span = array?.kind === 'array' ? arrayItemRemovalSpan(array, statement.index) : undefined;
      const fixes: FixHint[] | undefined = span && [{ title: 'Remove this statement', replacement: '', span }];
      report(target, `Statement ${cover.index + 1} already ${statement.effectValue === 'Deny' ? 'denies' : 'grants'} everything this one does: remove this statement.`, fixes);
    }
  },
};

/**
 * Comparing every pair is quadratic; past this many statements with one signature (generated
 * policies, dumps of whole accounts) only exact repeats are looked for.
 */
const MAX_GROUP = 64;

function identicalEarlier(statement: Statement, firstWithText: Map<string, Statement>): Statement | undefined {
  const text = `${signature(statement)}\n${canonicalText(statement.action?.property.value)}\n${statement.action?.keyword}\n${canonicalText(statement.resource?.property.value)}\n${statement.resource?.keyword}`;
  const first = firstWithText.get(text);
  if (!first) firstWithText.set(text, statement);
  return first;
}

const SIGNATURE = new MemoSlot<string>('redundancy signature');

function signature(statement: Statement): string {
  return memoized(statement, SIGNATURE, () =>
    [statement.effectValue, statement.principal?.keyword ?? '', canonicalText(statement.principal?.property.value), canonicalText(statement.condition?.property.value)].join('\n'),
  );
}

/** Within a group of equal signatures: whether `outer` grants (or denies) all that `inner` does. */
function coversStatement(outer: Statement, inner: Statement): boolean {
  return listCovers(outer.action, inner.action, true) && listCovers(outer.resource, inner.resource, false);
}

/** Every entry of `inner` is matched by an entry of `outer`; both positive (Not* lists are left alone). */
function listCovers(outer: StringListElement<string> | undefined, inner: StringListElement<string> | undefined, ignoreCase: boolean): boolean {
  if (!outer || !inner) return !outer && !inner;
  if (outer.keyword.startsWith('Not') || inner.keyword.startsWith('Not') || inner.values.length === 0) return false;
  const covering = coveringTexts(outer, ignoreCase);
  const innerTexts = texts(inner, ignoreCase);
  // Plain loops: with every pair of statements in a group asked, closures per call added up.
  for (let i = 0; i < innerTexts.length; i++) {
    const text = innerTexts[i]!;
    let covered = covering.literal.has(text);
    for (let j = 0; j < covering.patterns.length && !covered; j++) covered = globCovers(covering.patterns[j]!, text);
    if (!covered) return false;
  }
  return true;
}

interface CoveringTexts {
  /** Entries without wildcards or unknown parts: each covers only its own text. */
  readonly literal: ReadonlySet<string>;
  /** The other entries, asked one by one. */
  readonly patterns: readonly string[];
}

// One slot per case mode: an element is always read one way (actions folded, resources not), but
// the slot should not depend on that.
const COVERING = new MemoSlot<CoveringTexts>('covering texts');
const FOLDED_COVERING = new MemoSlot<CoveringTexts>('covering texts, lower-case');

/**
 * An element's entries split for listCovers: a literal entry covers exactly its own text (globCovers
 * says so), which one set lookup answers, so two statements of a thousand actions each are compared
 * in a pass over one of them rather than a million globCovers calls.
 */
function coveringTexts(element: StringListElement<string>, ignoreCase: boolean): CoveringTexts {
  return memoized(element, ignoreCase ? FOLDED_COVERING : COVERING, () => {
    const literal = new Set<string>();
    const patterns: string[] = [];
    for (const text of texts(element, ignoreCase)) {
      if (isLiteralGlob(text)) literal.add(text);
      else patterns.push(text);
    }
    return { literal, patterns };
  });
}

const TEXTS = new MemoSlot<readonly string[]>('entry texts');
const FOLDED_TEXTS = new MemoSlot<readonly string[]>('entry texts, lower-case');

function texts(element: StringListElement<string>, ignoreCase: boolean): readonly string[] {
  return ignoreCase
    ? memoized(element, FOLDED_TEXTS, () => element.values.map((entry) => entry.value.toLowerCase()))
    : memoized(element, TEXTS, () => element.values.map((entry) => entry.value));
}
