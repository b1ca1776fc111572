import { simulate, type PolicySet, type SourcedPolicy } from '../../../engine/src';
import { oneOf, parseArgs, single, UsageError } from './args';
import { parseContextFlags } from './context';
import { formatSimulationText, matchedStatements } from './formatSimulation';
import type { CommandIO } from './io';
import { loadPolicyFile } from './loadPolicies';

export function runSimulate(argv: readonly string[], io: CommandIO): number {
  const args = parseArgs(argv, {
    values: {
      '--identity': true,
      '--resource-policy': false,
      '--boundary': false,
      '--scp': true,
      '--rcp': true,
      '--session-policy': false,
      '--action': false,
      '--resource': false,
      '--principal': false,
      '--resource-account': false,
      '--context': true,
      '--format': false,
    },
  });
  if (args.positionals.length > 0) throw new UsageError(`unexpected argument ${args.positionals[0]}`);
  const action = single(args, '--action');
  const resource = single(args, '--resource');
  if (!action) throw new UsageError('simulate needs --action');
  if (!resource) throw new UsageError('simulate needs --resource');
  const format = oneOf(single(args, '--format'), ['text', 'json'] as const, '--format', 'text');
  const load = (flag: string, type: Parameters<typeof loadPolicyFile>[1]): SourcedPolicy[] =>
    (args.values.get(flag) ?? []).flatMap((file) => loadPolicyFile(file, type));
  const policies: Required<PolicySet> = {
    identity: load('--identity', 'identity'),
    resource: load('--resource-policy', 'resource'),
    boundary: load('--boundary', 'boundary'),
    session: load('--session-policy', 'session'),
    scp: load('--scp', 'scp'),
    rcp: load('--rcp', 'rcp'),
  };
  const all = Object.values(policies).flat();
  if (all.length === 0) throw new UsageError('simulate needs at least one policy (--identity FILE, --resource-policy FILE, ...)');

  const result = simulate(policies, {
    action,
    resource,
    principal: single(args, '--principal'),
    resourceAccount: single(args, '--resource-account'),
    context: parseContextFlags(args.values.get('--context') ?? []),
  });
  const matched = matchedStatements(result, all);
  if (format === 'json') {
    io.out(JSON.stringify({ decision: result.decision, matchedStatements: matched, missingContextKeys: result.missingContextKeys }, null, 2) + '\n');
  } else {
    io.out(formatSimulationText(result, matched));
  }
  return 0;
}
