import { headline, POLICY_TYPES, summarizePolicy, summaryLines, type Catalog, type PolicyType } from '../../../engine/src';
import { oneOf, parseArgs, single, UsageError } from './args';
import type { CommandIO } from './io';
import { loadPolicyFile } from './loadPolicies';

/**
 * `iam-author summary FILE...`: per policy, per service, the access levels it grants (Full or
 * Limited), what limits them and what its Deny statements take away. A FILE may be an AWS managed
 * policy ARN.
 */
export function runSummary(argv: readonly string[], io: CommandIO, catalog: Catalog): number {
  const args = parseArgs(argv, { values: { '--type': false, '--format': false } });
  const typeFlag = oneOf(single(args, '--type'), ['auto', ...POLICY_TYPES] as const, '--type', 'auto');
  const format = oneOf(single(args, '--format'), ['text', 'json'] as const, '--format', 'text');
  if (args.positionals.length === 0) throw new UsageError('summary needs a policy file or an AWS managed policy ARN');
  const type: PolicyType | undefined = typeFlag === 'auto' ? undefined : typeFlag;
  const policies = args.positionals.flatMap((file) => loadPolicyFile(file, type));
  const summaries = policies.map(({ policy, source }) => {
    const summary = summarizePolicy(policy, catalog);
    return { source, label: policy.label, type: policy.type, headline: headline(summary), summary };
  });
  if (format === 'json') {
    io.out(JSON.stringify({ policies: summaries }, null, 2) + '\n');
    return 0;
  }
  const text = summaries.map((entry) => [`${entry.source}: ${entry.label} (${entry.type} policy)`, ...summaryLines(entry.summary).map((line) => `  ${line}`)].join('\n'));
  io.out(text.join('\n\n') + '\n');
  return 0;
}
