import type { ActionInfo } from '../../catalog/types';
import type { StringNode } from '../../document/tree';
import { resourceToGlob } from '../support/arnGlob';
import type { LintCache } from '../support/lintCache';
import { ownString } from '../../document/ownString';
import { valueTarget } from '../targets';
import type { Rule } from '../types';
import { splitAction } from './actionParts';
import { resourceArn } from './arnParts';
import { patternOfValue } from '../../document/unknown';
import { ArnDeriver, type DerivedArn } from '../support/deriveArn';
import { resourceMismatchFixes } from '../support/resourceMismatchFixes';

export const resourceMismatch: Rule = {
  meta: {
    id: 'IAM109',
    name: 'resource-mismatch',
    severity: 'warning',
    category: 'warning',
    description:
      "An action that takes none of the statement's resources is granted on nothing: s3:ListBucket needs a bucket ARN, s3:GetObject an object ARN, s3:ListAllMyBuckets \"*\".",
    parliament: 'RESOURCE_MISMATCH',
  },
  scope: 'statement',
  check({ cache, file, report }, statement) {
    if (statement.action?.keyword !== 'Action' || statement.resource?.keyword !== 'Resource') return;
    const entries = statement.action.values;
    for (const [index, text, derived] of mismatches(cache, entries, statement.resource.values)) {
      report(valueTarget(entries[index]!), text, derived ? resourceMismatchFixes(file.text, statement, entries[index]!, derived) : undefined);
    }
  },
};

/** An entry that takes none of the resources, its message, and the ARN derived for it (if any). */
type Mismatches = readonly (readonly [entryIndex: number, message: string, derived: string | undefined])[];

const NONE: Mismatches = [];
// A long editing session must not grow the table without bound.
const MAX_STATEMENTS = 4096;
const memo = new WeakMap<LintCache, Map<string, Mismatches>>();

/**
 * The Action entries (by index) that take none of the resources, with their messages. They follow
 * from the two lists of strings alone, which stay the same in every statement but the one being
 * edited: remembered per catalogue (through its LintCache) by those strings.
 */
function mismatches(cache: LintCache, actionEntries: readonly StringNode[], resourceEntries: readonly StringNode[]): Mismatches {
  const actionTexts = actionEntries.map((entry) => entry.value);
  const resources = resourceEntries.map((entry) => entry.value);
  const key = JSON.stringify([actionTexts, resources]);
  let table = memo.get(cache);
  if (!table) {
    table = new Map();
    memo.set(cache, table);
  }
  let found = table.get(key);
  if (!found) {
    found = computeMismatches(cache, actionTexts, resources);
    if (table.size >= MAX_STATEMENTS) table.clear();
    table.set(key, found);
  }
  return found;
}

function computeMismatches(cache: LintCache, actionTexts: readonly string[], resources: readonly string[]): Mismatches {
  if (resources.length === 0 || resources.some((value) => value === '*' || !value.startsWith('arn:'))) return NONE;
  const globs = resources.map(resourceToGlob);
  const found: [number, string, string | undefined][] = [];
  let deriver: ArnDeriver | undefined;
  actionTexts.forEach((text, index) => {
    const parts = splitAction(text);
    if (!parts || parts.serviceHasWildcard) return;
    const actions = cache.actionsMatching(text);
    if (actions.length === 0 || actions.some((action) => fits(cache, action, globs) || onServiceWideWildcard(action, resources))) return;
    const derived = actions.length === 1 ? (deriver ??= new ArnDeriver(cache.catalog, resources)).derive(actions[0]!.service, actions[0]!.resourceTypes.map((type) => type.name)) : undefined;
    found.push([index, ownString(message(cache, text, actions, derived)), derived && ownString(derived.arn)]);
  });
  return found.length === 0 ? NONE : found;
}

/**
 * An action that takes only "*" is also granted by the service-wide wildcard ARN of its own service
 * ("s3:ListAllMyBuckets" on "arn:aws:s3:::*", "logs:DescribeLogGroups" on "arn:aws:logs:*:*:*"): the
 * form AWS's documentation uses, and IAM matches "*"-only actions against any Resource that could
 * match every ARN of the service.
 */
function onServiceWideWildcard(action: ActionInfo, resources: readonly string[]): boolean {
  if (action.resourceTypes.length > 0) return false;
  return resources.some((resource) => {
    // An unknown part of a template value (the account of "arn:aws:logs:*:${AWS::AccountId}:*") may be anything.
    const parts = resourceArn(patternOfValue(resource));
    if (!parts || parts.resource !== '*') return false;
    const loose = (field: string) => field === '' || field === '*';
    return parts.service === action.service.toLowerCase() && loose(parts.region) && loose(parts.account);
  });
}

function fits(cache: LintCache, action: ActionInfo, resourceGlobs: readonly string[]): boolean {
  return resourceGlobs.some((resource) => cache.actionTakes(action, resource));
}

/**
 * Leads with what fits the ARNs the user wrote, so the useful part survives a one-line Problems row:
 * "s3:GetObject needs an object ARN such as arn:aws:s3:::my-bucket/*".
 */
function message(cache: LintCache, written: string, actions: readonly ActionInfo[], derived: DerivedArn | undefined): string {
  const first = actions[0]!;
  if (actions.length > 1) {
    return `None of the actions "${written}" matches takes this statement's resources: add matching resource ARNs, or move the actions to a statement that has them.`;
  }
  if (first.resourceTypes.length === 0) {
    return `${first.service}:${first.name} takes only "*" as its resource: move it to a statement with "Resource": "*".`;
  }
  const name = `${first.service}:${first.name}`;
  if (derived) return `${name} needs ${article(derived.typeName)} ${derived.typeName} ARN such as ${derived.arn}; no Resource of this statement is one: add it, or move the action to a statement with one.`;
  if (first.resourceTypes.length > 1) {
    // ec2:CreateTags takes over a hundred types: naming the first as the one it needs would mislead.
    const types = [...first.resourceTypes].sort((a, b) => Number(b.required) - Number(a.required)).map((type) => type.name);
    const shown = types.length > MAX_TYPES_NAMED ? `${types.slice(0, MAX_TYPES_NAMED).join(', ')} and ${types.length - MAX_TYPES_NAMED} more` : types.join(', ');
    return `${name} takes ${first.service} resources of ${types.length} types (${shown}); no Resource of this statement is one: add one, or move the action to a statement with one.`;
  }
  const type = first.resourceTypes[0]!.name;
  const format = cache.resourceFormat(first.service, type) ?? type;
  return `${name} needs ${article(type)} ${type} ARN (${format}); no Resource of this statement is one: add one, or move the action to a statement with one.`;
}

/** How many of an action's resource types a message names before counting the rest. */
const MAX_TYPES_NAMED = 3;

function article(word: string): string {
  return /^[aeiou]/i.test(word) ? 'an' : 'a';
}
