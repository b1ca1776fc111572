import type { Catalog } from '../catalog/catalog';
import type { AccessLevel, ActionInfo } from '../catalog/types';
import type { Policy, Statement } from '../document/model';
import { memoized, MemoSlot } from '../document/memo';
import { hasWildcard } from '../match/wildcard';
import { ACCESS_LEVELS, type LevelDenial, type LevelGrant, type PolicySummary, type ServiceAccessSummary } from './types';

/** How many action names a level keeps as a sample for hovers and views. */
export const ACTION_SAMPLE = 8;

interface Bucket {
  readonly actions: Set<ActionInfo>;
  readonly resources: Set<string>;
  readonly conditions: Set<string>;
  readonly principals: Set<string>;
  readonly statements: Set<number>;
  /** For grants: some statement covers all resources unconditionally. For denies: every statement does. */
  unrestricted: boolean;
}

type Buckets = Map<string, Map<AccessLevel, Bucket>>;

/**
 * The console's "permissions defined in this policy", offline: per service, the access levels the
 * policy's Allow statements grant (Full when every action of the level is allowed, Limited
 * otherwise), the resources, conditions and principals that limit them, and what its Deny statements
 * take away. A Deny on all resources without a condition removes its actions from the grants; any
 * other Deny is listed as a limit. Wildcards and NotAction are expanded through the catalogue.
 */
export function summarizePolicy(policy: Policy, catalog: Catalog): PolicySummary {
  const grants: Buckets = new Map();
  const denials: Buckets = new Map();
  const unrecognized = new Set<string>();
  // Unconditional denies on every resource take their actions away from the grants.
  const removed = new Set<ActionInfo>();
  let allowsEverything = false;
  for (const statement of policy.statements) {
    if (!statement.effectValue || !statement.action) continue;
    const actions = statementActions(statement, catalog, statement.effectValue === 'Allow' ? unrecognized : undefined);
    if (statement.effectValue === 'Allow' && isEverything(statement)) allowsEverything = true;
    const limits = limitsOf(statement);
    const target = statement.effectValue === 'Allow' ? grants : denials;
    const deny = statement.effectValue === 'Deny';
    // Limits are added once per bucket the statement touches, not once per action.
    const touched = new Set<Bucket>();
    for (const action of actions) {
      const bucket = bucketFor(target, action, deny);
      bucket.actions.add(action);
      touched.add(bucket);
      if (deny && limits.unrestricted) removed.add(action);
    }
    for (const bucket of touched) {
      for (const resource of limits.resources) bucket.resources.add(resource);
      for (const condition of limits.conditions) bucket.conditions.add(condition);
      for (const principal of limits.principals) bucket.principals.add(principal);
      bucket.statements.add(statement.index);
      if (deny) bucket.unrestricted &&= limits.unrestricted;
      else bucket.unrestricted ||= limits.unrestricted;
    }
  }

  const prefixes = [...new Set([...grants.keys(), ...denials.keys()])].sort();
  const services: ServiceAccessSummary[] = [];
  for (const prefix of prefixes) {
    const info = catalog.service(prefix);
    if (!info) continue;
    const totals = new Map<AccessLevel, number>();
    for (const action of info.actions) totals.set(action.accessLevel, (totals.get(action.accessLevel) ?? 0) + 1);
    const levels: LevelGrant[] = [];
    const denied: LevelDenial[] = [];
    for (const level of ACCESS_LEVELS) {
      const total = totals.get(level) ?? 0;
      const grant = grants.get(prefix)?.get(level);
      const kept = grant ? [...grant.actions].filter((action) => !removed.has(action)) : [];
      if (grant && kept.length > 0) {
        levels.push({
          level,
          extent: kept.length >= total ? 'Full' : 'Limited',
          allowed: kept.length,
          total,
          sample: sampleOf(kept),
          unrestricted: grant.unrestricted,
          ...limitsOfBucket(grant),
        });
      }
      const denial = denials.get(prefix)?.get(level);
      if (denial) {
        const actions = [...denial.actions];
        denied.push({ level, effect: denial.unrestricted ? 'removes' : 'limits', denied: actions.length, total, sample: sampleOf(actions), ...limitsOfBucket(denial) });
      }
    }
    if (levels.length === 0 && denied.length === 0) continue;
    const levelsInService = ACCESS_LEVELS.filter((level) => (totals.get(level) ?? 0) > 0);
    const fullAccess = levelsInService.length > 0 && levelsInService.every((level) => levels.some((grant) => grant.level === level && grant.extent === 'Full'));
    services.push({ prefix, name: info.name, levels, denials: denied, fullAccess });
  }
  return { services, unrecognizedActions: [...unrecognized].sort(), allowsEverything };
}

function bucketFor(buckets: Buckets, action: ActionInfo, deny: boolean): Bucket {
  let levels = buckets.get(action.service);
  if (!levels) buckets.set(action.service, (levels = new Map()));
  let bucket = levels.get(action.accessLevel);
  if (!bucket) {
    bucket = { actions: new Set(), resources: new Set(), conditions: new Set(), principals: new Set(), statements: new Set(), unrestricted: deny };
    levels.set(action.accessLevel, bucket);
  }
  return bucket;
}

/** The catalogue actions a statement's Action or NotAction covers; unknown literal actions are noted. */
function statementActions(statement: Statement, catalog: Catalog, unrecognized: Set<string> | undefined): ActionInfo[] {
  const element = statement.action!;
  const matched = new Set<ActionInfo>();
  for (const value of element.values) {
    const found = catalog.actionsMatching(value.value);
    for (const action of found) matched.add(action);
    if (found.length === 0 && !hasWildcard(value.value) && unrecognized && element.keyword === 'Action') unrecognized.add(value.value);
  }
  if (element.keyword === 'Action') return [...matched];
  return catalog.actionsMatching('*').filter((action) => !matched.has(action));
}

function isEverything(statement: Statement): boolean {
  const element = statement.action!;
  if (element.keyword === 'NotAction') return element.values.length === 0;
  return element.values.some((value) => /^\*+$/.test(value.value) || /^\*+:\*+$/.test(value.value));
}

function limitsOf(statement: Statement) {
  const resources =
    statement.resource?.keyword === 'NotResource'
      ? statement.resource.values.map((value) => `not ${value.value}`)
      : (statement.resource?.values.map((value) => value.value) ?? ['*']);
  const conditions = (statement.condition?.blocks ?? []).flatMap((block) => block.entries.map((entry) => `${block.operator} ${entry.key}`));
  const principals = statement.principal
    ? statement.principal.wildcard
      ? [`${statement.principal.keyword === 'NotPrincipal' ? 'not ' : ''}*`]
      : statement.principal.entries.flatMap((entry) => entry.values.map((value) => `${statement.principal!.keyword === 'NotPrincipal' ? 'not ' : ''}${entry.type} ${value.value}`))
    : [];
  const unrestricted = conditions.length === 0 && statement.resource?.keyword !== 'NotResource' && resources.some((resource) => /^\*+$/.test(resource));
  return { resources, conditions, principals, unrestricted };
}

function limitsOfBucket(bucket: Bucket) {
  return {
    resources: [...bucket.resources],
    conditions: [...bucket.conditions],
    principals: [...bucket.principals],
    statements: [...bucket.statements].sort((a, b) => a - b),
  };
}

function sampleOf(actions: readonly ActionInfo[]): string[] {
  // Sorted, so the same policy always shows the same actions whatever the order of its statements.
  return actions.map((action) => `${action.service}:${action.name}`).sort().slice(0, ACTION_SAMPLE);
}

const SUMMARY = new MemoSlot<{ readonly catalog: Catalog; readonly summary: PolicySummary }>('policy summary');

/** summarizePolicy, computed once per parsed policy (hover, code lens and view ask for the same one). */
export function cachedPolicySummary(policy: Policy, catalog: Catalog): PolicySummary {
  let entry = memoized(policy, SUMMARY, () => ({ catalog, summary: summarizePolicy(policy, catalog) }));
  if (entry.catalog !== catalog) entry = { catalog, summary: summarizePolicy(policy, catalog) };
  return entry.summary;
}
