import { RequestContext } from './context';
import { evaluateStatement } from './evaluateStatement';
import type { AccessRequest, Decision, PolicySet, SimulationResult, SourcedPolicy, StatementTrace } from './types';

interface Evaluated {
  readonly traces: StatementTrace[];
  readonly allows: StatementTrace[];
  readonly denies: StatementTrace[];
}

/**
 * Evaluates a request against a set of policies, in the order AWS documents: an explicit Deny anywhere
 * wins; SCPs and RCPs must each allow when present; then an Allow in an identity or (same-account)
 * resource policy; a permissions boundary and a session policy, when present, must allow too.
 * Cross-account and principal-type subtleties are refined by the simulation issue; this is the core.
 */
export function simulate(policies: PolicySet, request: AccessRequest): SimulationResult {
  const context = new RequestContext(request.context);
  const missing = new Set<string>();
  const evaluate = (list: readonly SourcedPolicy[] | undefined): Evaluated => {
    const traces: StatementTrace[] = [];
    for (const sourced of list ?? []) {
      for (const statement of sourced.policy.statements) {
        const { trace, missingKeys } = evaluateStatement(sourced, statement, request, context);
        missingKeys.forEach((key) => missing.add(key));
        traces.push(trace);
      }
    }
    return {
      traces,
      allows: traces.filter((trace) => trace.applies && trace.effect === 'Allow'),
      denies: traces.filter((trace) => trace.applies && trace.effect === 'Deny'),
    };
  };
  const scp = evaluate(policies.scp);
  const rcp = evaluate(policies.rcp);
  const identity = evaluate(policies.identity);
  const resource = evaluate(policies.resource);
  const boundary = evaluate(policies.boundary);
  const session = evaluate(policies.session);
  const all = [scp, rcp, identity, resource, boundary, session];
  const statements = all.flatMap((group) => group.traces);
  const result = (decision: Decision, deciding: StatementTrace[], summary: string): SimulationResult => ({
    decision,
    decidingStatements: deciding,
    statements,
    missingContextKeys: [...missing].sort(),
    summary,
  });

  const denies = all.flatMap((group) => group.denies);
  if (denies.length > 0) return result('ExplicitDeny', denies, `Denied by ${describe(denies[0]!)}.`);
  if (policies.scp?.length && scp.allows.length === 0) return result('ImplicitDeny', [], 'No service control policy allows the action.');
  if (policies.rcp?.length && rcp.allows.length === 0) return result('ImplicitDeny', [], 'No resource control policy allows the action.');
  const grants = [...identity.allows, ...resource.allows];
  if (grants.length === 0) return result('ImplicitDeny', [], 'No statement allows the action, so it is implicitly denied.');
  if (policies.boundary?.length && boundary.allows.length === 0) {
    return result('ImplicitDeny', [], 'The permissions boundary does not allow the action.');
  }
  if (policies.session?.length && session.allows.length === 0) {
    return result('ImplicitDeny', [], 'The session policy does not allow the action.');
  }
  return result('Allow', grants, `Allowed by ${describe(grants[0]!)}.`);
}

function describe(trace: StatementTrace): string {
  const name = trace.sid ? `statement "${trace.sid}"` : `statement ${trace.index}`;
  return `${name} of the ${trace.policyType} policy in ${trace.source}`;
}
