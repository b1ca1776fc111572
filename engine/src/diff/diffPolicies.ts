import type { Catalog } from '../catalog/catalog';
import type { PolicyType } from '../document/model';
import { simulate } from '../evaluate/simulate';
import type { ContextValue, SimulateOptions, SourcedPolicy, StatementTrace } from '../evaluate/types';
import { actionClasses, spaceStatement, type ActionClass, type SpaceStatement } from './actionClasses';
import { contextAt, contextCandidates, contextCount, type KeyCandidates } from './contexts';
import { harness } from './harness';
import { principalCandidates } from './principals';
import { reduceKeys, sameOnBothSides, sideReach, statementKey } from './pruning';
import { resourceCandidates } from './resources';
import type { DiffOptions, DiffResult, DiffSide, Witness } from './types';

/** Requests evaluated (on both sides) before a comparison stops and says it could not finish. */
export const DEFAULT_MAX_REQUESTS = 50_000;

interface Plan {
  readonly actionClass: ActionClass;
  readonly resources: readonly string[];
  readonly principals: readonly (string | undefined)[];
  readonly keys: readonly KeyCandidates[];
  readonly size: number;
  /** False when the new side allows nothing of the class or the old side surely allows all of it. */
  readonly addedPossible: boolean;
  readonly removedPossible: boolean;
}

/**
 * What the new side allows that the old side does not, and the reverse, over a finite request space
 * built from both sides (docs/diff.md): each action class either side matches, the resources their
 * patterns name with their boundary cases, the principals they name, and for each condition key the
 * values they test, "absent" and "some other value". Every request is decided by the simulator on
 * both sides, so every witness is one the simulator confirms. When the space holds more than
 * maxRequests requests the result says it is incomplete, with what it found so far.
 */
export function diffPolicies(oldSide: DiffSide, newSide: DiffSide, catalog: Catalog, options: DiffOptions = {}): DiffResult {
  const type: PolicyType = options.type ?? newSide.policies[0]?.policy.type ?? oldSide.policies[0]?.policy.type ?? 'identity';
  const maxRequests = Math.max(1, options.maxRequests ?? DEFAULT_MAX_REQUESTS);
  const all = [...oldSide.policies, ...newSide.policies];
  const statements: SpaceStatement[] = all.flatMap((sourced) => sourced.policy.statements.map(spaceStatement));
  const statementKeys = all.flatMap((sourced) => {
    const version = sourced.policy.version?.value?.kind === 'string' ? sourced.policy.version.value.value : '';
    return sourced.policy.statements.map((statement) => statementKey(statement, version));
  });
  const oldCount = oldSide.policies.reduce((sum, sourced) => sum + sourced.policy.statements.length, 0);
  const { classes, actions } = actionClasses(statements, catalog);
  // RCPs limit requests to the services they govern only: a change to what an RCP says about another
  // service changes no access.
  const rcpServices = type === 'rcp' ? catalog.rcpServices() : undefined;
  const scope: Scope = rcpServices ? { rcpServices } : {};
  const plans: Plan[] = [];
  let requests = 0;
  for (const actionClass of classes) {
    // An action no statement of either side matches is implicitly denied on both; one that the same
    // statements match on both sides is decided alike on both.
    if (actionClass.statements.length === 0 || sameOnBothSides(actionClass, statements, statementKeys, oldCount)) continue;
    const oldReach = sideReach(actionClass, statements, 0, oldCount);
    const newReach = sideReach(actionClass, statements, oldCount, statements.length);
    const addedPossible = !newReach.allowsNothing && !oldReach.allowsEverything;
    const removedPossible = !oldReach.allowsNothing && !newReach.allowsEverything;
    if (!addedPossible && !removedPossible) continue;
    const resources = resourceCandidates(actionClass, statements, type);
    const principals = principalCandidates(actionClass, statements, type);
    const keys = reduceKeys(contextCandidates(actionClass, statements, type), actionClass, statements, all);
    const size = resources.length * principals.length * contextCount(keys);
    plans.push({ actionClass, resources, principals, keys, size, addedPossible, removedPossible });
    requests += size;
  }

  const added: Witness[] = [];
  const removed: Witness[] = [];
  const seen = new Set<string>();
  let checked = 0;
  let complete = true;
  outer: for (let p = 0; p < plans.length; p++) {
    const plan = plans[p]!;
    const action = plan.actionClass.actions[0]!;
    const contexts = contextCount(plan.keys);
    let foundAdded = !plan.addedPossible;
    let foundRemoved = !plan.removedPossible;
    search: for (const resource of plan.resources) {
      for (const principal of plan.principals) {
        for (let n = 0; n < contexts; n++) {
          if (checked >= maxRequests) {
            complete = false;
            break outer;
          }
          checked++;
          const context = contextAt(plan.keys, n);
          const request = { action, resource, ...(principal !== undefined ? { principal } : {}), ...(context ? { context } : {}) };
          const oldAllows = allows(type, oldSide.policies, request, scope);
          const newAllows = allows(type, newSide.policies, request, scope);
          if (oldAllows === newAllows) continue;
          if (newAllows) foundAdded = true;
          else foundRemoved = true;
          const side = newAllows ? newSide : oldSide;
          const statement = allowingStatement(type, side.policies, request, scope);
          const key = `${newAllows ? '+' : '-'}${p}|${statement ? `${statement.source}#${statement.policyLabel}#${statement.index}` : ''}`;
          if (seen.has(key)) continue;
          seen.add(key);
          (newAllows ? added : removed).push(witness(plan.actionClass, request, statement));
          // The class has shown what it can show: the rest of its requests would only add more witnesses.
          if (foundAdded && foundRemoved) break search;
        }
      }
    }
  }
  return { type, newAccess: added.length > 0, added, removed, complete, checked, maxRequests, space: { actions, actionClasses: plans.length, requests } };
}

type DiffRequest = { action: string; resource: string; principal?: string; context?: Readonly<Record<string, ContextValue>> };

type Scope = Pick<SimulateOptions, 'rcpServices'>;

function allows(type: PolicyType, policies: readonly SourcedPolicy[], request: DiffRequest, scope: Scope): boolean {
  if (policies.length === 0) return false;
  const { set, request: asked } = harness(type, policies, request);
  return simulate(set, asked, { ...scope, trace: 'deciding' }).decision === 'Allow';
}

/** The first Allow statement of the compared policies that applies to the request, from a full trace. */
function allowingStatement(type: PolicyType, policies: readonly SourcedPolicy[], request: DiffRequest, scope: Scope): StatementTrace | undefined {
  const { set, request: asked } = harness(type, policies, request);
  const sources = new Set(policies.map((sourced) => sourced.source));
  return simulate(set, asked, scope).statements.find((trace) => trace.applies && trace.effect === 'Allow' && sources.has(trace.source));
}

function witness(actionClass: ActionClass, request: DiffRequest, statement: StatementTrace | undefined): Witness {
  return {
    ...request,
    ...(statement ? { statement } : {}),
    service: actionClass.service,
    accessLevel: actionClass.accessLevel,
    sameFor: actionClass.actions.slice(1),
  };
}
