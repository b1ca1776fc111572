import { POLICY_TYPES, type Catalog, type PolicyType } from '../../../engine/src';
import { oneOf, parseArgs, single, UsageError } from './args';
import { checkInput, type CheckedFile } from './checkFiles';
import { formatCheckJson, formatCheckText } from './formatCheck';
import { formatCheckSarif } from './formatSarif';
import { collectInputs } from './inputs';
import type { CommandIO } from './io';

const FAIL_ON = ['error', 'warning', 'never'] as const;
const RANK = { error: 0, warning: 1, info: 2, hint: 3 } as const;

export function runCheck(argv: readonly string[], io: CommandIO, catalog: Catalog): number {
  const args = parseArgs(argv, { values: { '--type': false, '--format': false, '--fail-on': false } });
  const typeFlag = oneOf(single(args, '--type'), ['auto', ...POLICY_TYPES] as const, '--type', 'auto');
  const format = oneOf(single(args, '--format'), ['text', 'json', 'sarif'] as const, '--format', 'text');
  const failOn = oneOf(single(args, '--fail-on'), FAIL_ON, '--fail-on', 'error');
  if (args.positionals.length === 0) throw new UsageError('check needs files, directories or - for standard input');
  const type: PolicyType | undefined = typeFlag === 'auto' ? undefined : typeFlag;

  const explicit = new Set(args.positionals);
  const files: CheckedFile[] = [];
  for (const input of collectInputs(args.positionals, io.readStdin)) {
    const checked = checkInput(input, catalog, type, explicit.has(input.name));
    if (checked) files.push(checked);
  }

  if (format === 'json') io.out(formatCheckJson(files));
  else if (format === 'sarif') io.out(formatCheckSarif(files, io.version));
  else io.out(formatCheckText(files));

  if (files.some((file) => file.error)) {
    for (const file of files.filter((candidate) => candidate.error)) io.err(`iam-author: ${file.file}: ${file.error}\n`);
    return 2;
  }
  if (failOn === 'never') return 0;
  const threshold = RANK[failOn];
  const failing = files.some((file) => file.policies.some((policy) => policy.findings.some((finding) => RANK[finding.severity] <= threshold)));
  return failing ? 1 : 0;
}
