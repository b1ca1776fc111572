import * as fs from 'fs';
import { simulate, simulatePattern, VPC_ENDPOINT_RESOURCE, type AccessRequest, type Catalog, type PatternResult, type PatternWitness, type PolicySet, type SimulationResult, type SourcedPolicy, type StatementTrace } from '../../../engine/src';
import { actionsOfPattern } from '../simulation/patternActions';
import { oneOf, parseArgs, single, UsageError, type ParsedArgs } from './args';
import { parseContextFlags } from './context';
import { formatSimulationText, matchedStatements } from './formatSimulation';
import type { CommandIO } from './io';
import { endpointPolicies, loadPolicyFile, loadRole, type LoadedRole } from './loadPolicies';
import { plainDependencies } from '../simulation/plainDependencies';
import { rcpScope } from '../simulation/rcpScope';

const ASSUME_ROLE = /^sts:assumerole/i;

/**
 * `iam-author simulate`. Besides the policies given one by one, `--role NAME --template FILE`
 * simulates as a role of a CloudFormation template or authorization-details dump (its inline,
 * attached and boundary policies), or, for an sts:AssumeRole* action, asks whether --principal may
 * assume that role (its trust policy against the caller's --identity policies).
 */
export function runSimulate(argv: readonly string[], io: CommandIO, catalog: () => Catalog): number {
  const args = parseArgs(argv, {
    values: {
      '--identity': true,
      '--resource-policy': false,
      '--trust-policy': false,
      '--boundary': false,
      '--scp': true,
      '--rcp': true,
      '--session-policy': false,
      '--endpoint-policy': true,
      '--endpoint': false,
      '--endpoint-vpc': false,
      '--role': false,
      '--template': false,
      '--action': false,
      '--action-pattern': false,
      '--resource': false,
      '--resource-pattern': false,
      '--principal': false,
      '--resource-account': false,
      '--management-account': false,
      '--context': true,
      '--format': false,
    },
    switches: ['--explain'],
  });
  if (args.positionals.length > 0) throw new UsageError(`unexpected argument ${args.positionals[0]}`);
  const actionPattern = single(args, '--action-pattern');
  const resourcePattern = single(args, '--resource-pattern');
  if (actionPattern !== undefined && args.values.has('--action')) throw new UsageError('give --action or --action-pattern, not both');
  if (resourcePattern !== undefined && args.values.has('--resource')) throw new UsageError('give --resource or --resource-pattern, not both');
  const action = single(args, '--action') ?? actionPattern;
  if (!action) throw new UsageError('simulate needs --action (or --action-pattern)');
  const format = oneOf(single(args, '--format'), ['text', 'json'] as const, '--format', 'text');
  const role = loadRoleFlags(args);
  const assuming = role !== undefined && ASSUME_ROLE.test(action);
  const resource = single(args, '--resource') ?? resourcePattern ?? (assuming ? roleArn(role, args) : undefined);
  if (!resource) throw new UsageError(assuming ? 'simulate needs --resource (the role ARN is unknown)' : 'simulate needs --resource (or --resource-pattern)');

  const load = (flag: string, type: Parameters<typeof loadPolicyFile>[1]): SourcedPolicy[] =>
    (args.values.get(flag) ?? []).flatMap((file) => loadPolicyFile(file, type));
  const policies: Required<PolicySet> = {
    identity: [...load('--identity', 'identity'), ...(role && !assuming ? role.identity : [])],
    resource: [...withoutEndpoints(load('--resource-policy', 'resource')), ...load('--trust-policy', 'trust'), ...(assuming ? role.trust : [])],
    boundary: [...load('--boundary', 'boundary'), ...(role && !assuming ? role.boundary : [])],
    session: load('--session-policy', 'session'),
    scp: loadLevels(args, '--scp', 'scp'),
    rcp: loadLevels(args, '--rcp', 'rcp'),
    endpoint: (args.values.get('--endpoint-policy') ?? []).flatMap((file) => endpointPolicies(loadPolicyFile(file, 'resource'), file)),
  };
  const all = Object.values(policies).flat();
  // A role whose policies are all outside the file is still simulated: the notes name what is missing.
  if (all.length === 0 && !role) throw new UsageError('simulate needs at least one policy (--identity FILE, --resource-policy FILE, --role NAME --template FILE, ...)');
  if (assuming && role.trust.length === 0) throw new UsageError(`role "${role.role.role.name}" has no trust policy in the template`);

  const request: AccessRequest = {
    action,
    resource,
    principal: single(args, '--principal') ?? (role && !assuming ? roleArn(role, args) : undefined),
    resourceAccount: single(args, '--resource-account'),
    managementAccount: single(args, '--management-account'),
    context: parseContextFlags(args.values.get('--context') ?? []),
    ...endpointOf(args),
  };
  if (actionPattern !== undefined || resourcePattern !== undefined) {
    const actions = actionPattern !== undefined ? actionsOfPattern(catalog(), actionPattern) : [action];
    if (actions.length === 0) throw new UsageError(`--action-pattern ${actionPattern} matches no action of the catalogue`);
    const { principal, resourceAccount, managementAccount, context, endpoint } = request;
    io.out(formatPattern(simulatePattern(policies, { principal, resourceAccount, managementAccount, context, endpoint, actions, resourcePattern: resource }, rcpScope(policies, catalog)), format));
    return 0;
  }
  const result = simulate(policies, request, rcpScope(policies, catalog));
  const notes = [...(role ? roleNotes(role, assuming) : []), ...literalNotes(action, resource)];
  const output: SimulationResult = notes.length > 0 ? { ...result, notes: [...(result.notes ?? []), ...notes] } : result;
  const matched = matchedStatements(output, all);
  if (format === 'json') {
    // The three keys of the foundation's format stay as they are; --explain adds the whole explanation.
    const json = {
      decision: output.decision,
      matchedStatements: matched,
      missingContextKeys: output.missingContextKeys,
      ...(output.serviceRule ? { serviceRule: output.serviceRule } : {}),
      ...(output.dependsOn ? { dependsOn: plainDependencies(output.dependsOn) } : {}),
      ...(args.switches.has('--explain') ? { explanation: explainSimulation(output, all) } : {}),
    };
    io.out(JSON.stringify(json, null, 2) + '\n');
  } else {
    const notes = (output.notes ?? []).map((note) => `  ${note}`);
    io.out(formatSimulationText(output, matched) + (notes.length > 0 ? `\nNotes:\n${notes.join('\n')}\n` : ''));
  }
  return 0;
}

/** A template given as --resource-policy: its VPC endpoint policies gate requests, they do not grant (--endpoint-policy). */
function withoutEndpoints(list: SourcedPolicy[]): SourcedPolicy[] {
  const kept = list.filter((sourced) => sourced.policy.owner?.resourceType !== VPC_ENDPOINT_RESOURCE);
  if (list.length > 0 && kept.length === 0) throw new UsageError('--resource-policy: the file holds only VPC endpoint policies; give it as --endpoint-policy');
  return kept;
}

/** The VPC endpoint the request names (--endpoint vpce-…, --endpoint-vpc vpc-…): it fills aws:SourceVpce and aws:SourceVpc. */
function endpointOf(args: ParsedArgs): Pick<AccessRequest, 'endpoint'> {
  const id = single(args, '--endpoint');
  const vpc = single(args, '--endpoint-vpc');
  return id === undefined && vpc === undefined ? {} : { endpoint: { id, vpc } };
}

/** A wildcard in --action or --resource is taken literally; say how to ask about every match instead. */
function literalNotes(action: string, resource: string): string[] {
  const notes: string[] = [];
  if (/[*?]/.test(action)) notes.push(`The action "${action}" holds a wildcard but was simulated as one literal action; use --action-pattern to ask about every action it matches.`);
  if (resource !== '*' && /[*?]/.test(resource)) notes.push(`The resource "${resource}" holds a wildcard but was simulated as one literal ARN; use --resource-pattern to ask about every resource it matches.`);
  return notes;
}

/** The answer to a pattern question: all, some (with a witness of each side) or none. */
function formatPattern(result: PatternResult, format: 'text' | 'json'): string {
  if (format === 'json') {
    const shaped = (witness: PatternWitness | undefined) =>
      witness && { action: witness.action, resource: witness.resource, decision: witness.decision, summary: witness.summary, decidingStatements: witness.decidingStatements.map(({ source, policyType, index, sid, effect }) => ({ file: source, policyType, index, sid, effect })) };
    const { coverage, summary, resources, requests, missingContextKeys } = result;
    return JSON.stringify({ coverage, summary, allowed: shaped(result.allowed), denied: shaped(result.denied), resources, requests, missingContextKeys }, null, 2) + '\n';
  }
  const lines = [`Answer: ${result.coverage}`, result.summary];
  if (result.allowed) lines.push(`  allowed: ${result.allowed.action} on ${result.allowed.resource}: ${result.allowed.summary}`);
  if (result.denied) lines.push(`  denied (${result.denied.decision}): ${result.denied.action} on ${result.denied.resource}: ${result.denied.summary}`);
  lines.push(`Tried ${result.requests} ${result.requests === 1 ? 'request' : 'requests'}; resources standing for the pattern: ${result.resources.join(', ')}`);
  if (result.missingContextKeys.length > 0) lines.push(`Context keys the conditions needed and the request lacked: ${result.missingContextKeys.join(', ')}`);
  return lines.join('\n') + '\n';
}

function loadRoleFlags(args: ParsedArgs): LoadedRole | undefined {
  const name = single(args, '--role');
  const template = single(args, '--template');
  if (name === undefined && template === undefined) return undefined;
  if (name === undefined || template === undefined) throw new UsageError('--role and --template go together');
  return loadRole(template, name);
}

/** The role's ARN: from the dump, else built from the account the request names. */
function roleArn(role: LoadedRole, args: ParsedArgs): string | undefined {
  if (role.role.role.arn) return role.role.role.arn;
  const account = single(args, '--resource-account') ?? /^arn:[^:]*:[^:]*:[^:]*:(\d{12}):/.exec(single(args, '--resource') ?? '')?.[1];
  return account ? `arn:aws:iam::${account}:role/${role.role.role.name}` : undefined;
}

function roleNotes(role: LoadedRole, assuming: boolean): string[] {
  const name = role.role.role.name;
  const notes = [
    assuming
      ? `Simulated whether the principal may assume role ${name}: its trust policy against the caller's own policies.`
      : `Simulated as role ${name}: ${role.identity.length} identity ${role.identity.length === 1 ? 'policy' : 'policies'}${role.boundary.length > 0 ? ' and its permissions boundary' : ''}.`,
  ];
  if (!assuming && role.managed.length > 0) notes.push(`AWS managed policies from the shipped data: ${role.managed.join(', ')}.`);
  if (!assuming && role.role.unresolved.length > 0) {
    notes.push(`Not in the file, so not evaluated: ${role.role.unresolved.join(', ')}.`);
  }
  return notes;
}

/**
 * SCPs and RCPs: each flag is one level of the organization (root, OU, account); several files in
 * one flag, separated by commas, are the policies attached at that level.
 */
function loadLevels(args: ParsedArgs, flag: string, type: 'scp' | 'rcp'): SourcedPolicy[] {
  return (args.values.get(flag) ?? []).flatMap((value, index) => {
    const files = (fs.existsSync(value) ? [value] : value.split(',')).filter((file) => file !== '');
    // An empty level (say, an unset shell variable) would silently drop that level's limits.
    if (files.length === 0) throw new UsageError(`${flag} needs one or more policy files, got "${value}"`);
    return files.flatMap((file) => loadPolicyFile(file, type).map((sourced) => ({ ...sourced, level: `${flag.slice(2)} ${index + 1} (${value})` })));
  });
}

/**
 * The whole explanation for --format json: every statement with the file range it sits at, why each
 * element and condition did or did not match, and the simulator's reasoning.
 */
function explainSimulation(result: SimulationResult, policies: readonly SourcedPolicy[]) {
  const statementFor = (trace: StatementTrace) => {
    const [located] = matchedStatements({ ...result, decidingStatements: [trace] }, policies);
    return {
      file: trace.source,
      policyType: trace.policyType,
      policyLabel: trace.policyLabel,
      ...(trace.level !== undefined ? { level: trace.level } : {}),
      index: trace.index,
      sid: trace.sid,
      effect: trace.effect,
      applies: trace.applies,
      action: trace.action,
      resource: trace.resource,
      principal: trace.principal,
      ...(trace.principalGrant ? { principalGrant: trace.principalGrant } : {}),
      conditions: trace.conditions.map(({ operator, key, policyValues, requestValues, matched }) => ({ operator, key, policyValues, requestValues: requestValues ?? null, matched })),
      ...(trace.ignoredBecause ? { ignoredBecause: trace.ignoredBecause } : {}),
      range: located!.range,
    };
  };
  return {
    summary: result.summary,
    principalKind: result.principalKind,
    crossAccount: result.crossAccount,
    notes: result.notes ?? [],
    statements: result.statements.map(statementFor),
  };
}
