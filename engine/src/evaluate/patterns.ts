import { instantiateGlob, intersectGlobs } from '../match/globIntersection';
import { compileResourcePattern, matchesResource, prepareResource } from './resourcePattern';
import { simulate } from './simulate';
import type { AccessRequest, Decision, PolicySet, SimulateOptions, SimulationResult, SourcedPolicy, StatementTrace } from './types';

/** The answer to a question about many requests at once. */
export type Coverage = 'AllowAll' | 'AllowSome' | 'DenyAll';

/**
 * A question about every action and every resource a pattern stands for: "can this role read any
 * object under reports/?". `actions` are concrete (an action pattern is expanded through the
 * catalogue by the caller); `resourcePattern` may hold `*` and `?`.
 */
export interface PatternRequest extends Omit<AccessRequest, 'action' | 'resource'> {
  readonly actions: readonly string[];
  readonly resourcePattern: string;
  /** The resources standing for the pattern, when the caller asks many questions about one pattern (representativeResources). */
  readonly representatives?: readonly string[];
}

/** One request tried, and what it gave. */
export interface PatternWitness {
  readonly action: string;
  readonly resource: string;
  readonly decision: Decision;
  readonly summary: string;
  readonly decidingStatements: readonly StatementTrace[];
}

export interface PatternResult {
  readonly coverage: Coverage;
  /** A request the policies allow (absent for DenyAll). */
  readonly allowed?: PatternWitness;
  /** A request the policies deny (absent for AllowAll). */
  readonly denied?: PatternWitness;
  /** The resources tried for the pattern: one per region that the statements' Resource elements cut out of it. */
  readonly resources: readonly string[];
  /** How many requests were simulated. */
  readonly requests: number;
  readonly missingContextKeys: readonly string[];
  /** One sentence a person can read. */
  readonly summary: string;
}

/** Fillers for the pattern's wildcards: two, so that a statement pattern that happens to hold one still leaves the other outside. */
const FILLERS = ['example', 'z9'];
/** The most resources tried per pattern; policies with more distinct Resource entries than this are rare. */
const MAX_RESOURCES = 256;

/**
 * Answers for every (action, resource) the request stands for: allowed for all, for some (with a
 * witness of each side), or for none. Resources are represented, not enumerated: the pattern itself
 * and its intersection with every Resource/NotResource entry of the policies, each instantiated with
 * two fillers. Every statement that matches some resource of the pattern therefore meets one that
 * it matches and, unless it covers the whole pattern, one that it does not (docs/evaluation.md).
 */
export function simulatePattern(policies: PolicySet, request: PatternRequest, options: Pick<SimulateOptions, 'rcpServices'> = {}): PatternResult {
  const resources = request.representatives ?? representativeResources(policies, request.resourcePattern);
  let allowed: PatternWitness | undefined;
  let denied: PatternWitness | undefined;
  const missing = new Set<string>();
  let requests = 0;
  const { principal, resourceAccount, managementAccount, context, endpoint } = request;
  for (const resource of resources) {
    for (const action of request.actions) {
      const result = simulate(policies, { principal, resourceAccount, managementAccount, context, endpoint, action, resource }, { ...options, trace: 'deciding' });
      requests++;
      for (const key of result.missingContextKeys) missing.add(key);
      if (result.decision === 'Allow') allowed ??= witness(action, resource, result);
      else denied ??= witness(action, resource, result);
    }
  }
  const coverage: Coverage = allowed && denied ? 'AllowSome' : allowed ? 'AllowAll' : 'DenyAll';
  return { coverage, allowed, denied, resources, requests, missingContextKeys: [...missing].sort(), summary: describeCoverage(coverage, request, allowed, denied) };
}

function witness(action: string, resource: string, result: SimulationResult): PatternWitness {
  return { action, resource, decision: result.decision, summary: result.summary, decidingStatements: result.decidingStatements };
}

function describeCoverage(coverage: Coverage, request: PatternRequest, allowed: PatternWitness | undefined, denied: PatternWitness | undefined): string {
  const what = `${request.actions.length === 1 ? request.actions[0] : `${request.actions.length} actions`} on ${request.resourcePattern}`;
  if (request.actions.length === 0) return 'No action to simulate: the action pattern matches no action of the catalogue.';
  if (coverage === 'AllowAll') return `Allowed for every request: ${what}.`;
  if (coverage === 'DenyAll') return `Denied for every request: ${what}.`;
  return `Allowed for some requests only: ${allowed!.action} on ${allowed!.resource} is allowed, ${denied!.action} on ${denied!.resource} is ${denied!.decision === 'ExplicitDeny' ? 'explicitly denied' : 'implicitly denied'}.`;
}

/** Concrete resources that stand for the pattern: see simulatePattern. A pattern without wildcards is itself. */
export function representativeResources(policies: PolicySet, pattern: string): string[] {
  if (!/[*?]/.test(pattern)) return [pattern];
  const compiled = compileResourcePattern(pattern);
  const found = new Set<string>();
  const add = (glob: string) => {
    for (const filler of FILLERS) {
      if (found.size >= MAX_RESOURCES) return;
      const resource = instantiateGlob(glob, filler);
      // The real matcher has the last word: heads match part by part, so a glob witness may still miss.
      if (matchesResource(compiled, prepareResource(resource))) found.add(resource);
    }
  };
  add(pattern);
  for (const text of resourceTexts(policies)) {
    // A variable may stand for anything: as a wildcard it still marks where the statement cuts the pattern.
    const glob = intersectGlobs(pattern, text.replace(/\$\{[^}]*\}/g, '*'));
    if (glob !== undefined) add(glob);
  }
  return [...found];
}

function resourceTexts(policies: PolicySet): Set<string> {
  const texts = new Set<string>();
  const groups: (readonly SourcedPolicy[] | undefined)[] = [policies.identity, policies.resource, policies.boundary, policies.session, policies.scp, policies.rcp, policies.endpoint];
  for (const group of groups) {
    for (const sourced of group ?? []) {
      for (const statement of sourced.policy.statements) {
        for (const value of statement.resource?.values ?? []) if (value.value !== '*') texts.add(value.value);
      }
    }
  }
  return texts;
}
