import * as path from 'path';
import { formatOf, mergeRuleSettings, POLICY_TYPES, type LintOptions, readRuleSettings, type Catalog, type PolicyType, type RuleSettings } from '../../../engine/src';
import { ProjectConfigs, type FoundConfig } from '../projectConfig';
import { oneOf, parseArgs, single, UsageError } from './args';
import { checkInput, readTerraformModules, type CheckedFile } from './checkFiles';
import { allFindings, formatCheckJson, formatCheckText } from './formatCheck';
import { formatCheckSarif } from './formatSarif';
import { listInputs, readInput, type PassedOver } from './inputs';
import type { CommandIO } from './io';
import { LineIndex } from './positions';
import { MAX_PROJECT_FILE_BYTES, readRegularFile } from '../readLimited';

const FAIL_ON = ['error', 'warning', 'never'] as const;
const RANK = { error: 0, warning: 1, info: 2, hint: 3 } as const;

export function runCheck(argv: readonly string[], io: CommandIO, catalog: () => Catalog): number {
  const args = parseArgs(argv, { values: { '--type': false, '--format': false, '--fail-on': false, '--config': false, '--rule': true } });
  const typeFlag = oneOf(single(args, '--type'), ['auto', ...POLICY_TYPES] as const, '--type', 'auto');
  const format = oneOf(single(args, '--format'), ['text', 'json', 'sarif'] as const, '--format', 'text');
  const failOn = oneOf(single(args, '--fail-on'), FAIL_ON, '--fail-on', 'error');
  if (args.positionals.length === 0) throw new UsageError('check needs files, directories or - for standard input');
  const type: PolicyType | undefined = typeFlag === 'auto' ? undefined : typeFlag;

  const commandLineRules = ruleFlags(args.values.get('--rule') ?? []);
  const configs = new ProjectConfigs();
  const configFlag = single(args, '--config');
  const given = configFlag === undefined ? undefined : configs.explicit(configFlag);
  // Standard input has no folder of its own: the project file is looked for from the working directory.
  // Once per folder: a scan of thousands of files in a few folders would otherwise look up the same
  // folders' project files again for each file.
  const byFolder = new Map<string, FoundConfig | undefined>();
  const configFor = (name: string): FoundConfig | undefined => {
    if (given) return given;
    const file = name === '-' ? path.join(process.cwd(), '-') : name;
    const folder = path.dirname(path.resolve(file));
    if (!byFolder.has(folder)) byFolder.set(folder, configs.forFile(file));
    return byFolder.get(folder);
  };

  const explicit = new Set(args.positionals);
  const passedOver: PassedOver[] = [];
  // Files are read when checked, one at a time; a Terraform module's files are read together.
  const inputs = listInputs(args.positionals, io.readStdin, passedOver).map((input) => (input.unread && formatOf(input.name) === 'terraform' ? readInput(input.name) : input));
  const broken = new Map<string, FoundConfig>();
  for (const input of inputs) {
    const found = configFor(input.name);
    if (found && found.config.problems.length > 0) broken.set(found.file, found);
  }
  if (broken.size > 0) {
    // A project file that says something we cannot read would check with rules the team did not choose.
    for (const found of broken.values()) io.err(describeConfigProblems(found));
    return 2;
  }
  const modules = readTerraformModules(inputs, type);
  // Each file is linted once: nothing is kept for a next lint of the same text (LintOptions.remember).
  const optionsFor = (name: string): LintOptions => ({ severities: mergeRuleSettings(configFor(name)?.config.rules, commandLineRules), remember: false });
  const files: CheckedFile[] = [];
  for (const input of inputs) {
    const read = input.unread ? readInput(input.name) : input;
    const checked = checkInput(read, catalog(), type, explicit.has(input.name), optionsFor(input.name), modules.get(input.name));
    if (typeof checked === 'string') passedOver.push({ name: input.name, reason: checked });
    else files.push(checked);
  }
  passedOver.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));

  if (format === 'json') io.out(formatCheckJson(files, passedOver));
  else if (format === 'sarif') io.out(formatCheckSarif(files, io.version));
  else io.out(formatCheckText(files, passedOver));

  if (files.some((file) => file.error)) {
    for (const file of files.filter((candidate) => candidate.error)) io.err(`iam-author: ${file.file}: ${file.error}\n`);
    return 2;
  }
  if (failOn === 'never') return 0;
  const threshold = RANK[failOn];
  const failing = files.some((file) => allFindings(file).some((finding) => RANK[finding.severity] <= threshold));
  return failing ? 1 : 0;
}

/** `--rule IAM302=off --rule resource-mismatch=error`: the last word on each rule. */
function ruleFlags(values: readonly string[]): RuleSettings {
  const pairs: Record<string, string> = {};
  for (const value of values) {
    const equals = value.indexOf('=');
    if (equals <= 0) throw new UsageError(`--rule takes RULE=SEVERITY (e.g. IAM302=off); got "${value}"`);
    pairs[value.slice(0, equals)] = value.slice(equals + 1);
  }
  const { settings, problems } = readRuleSettings(pairs);
  if (problems.length > 0) throw new UsageError(`--rule: ${problems.map((problem) => problem.message).join(' ')}`);
  return settings;
}

function describeConfigProblems(found: FoundConfig): string {
  let text = '';
  let lines: LineIndex | undefined;
  try {
    const read = readRegularFile(found.file, MAX_PROJECT_FILE_BYTES);
    lines = read.text === undefined ? undefined : new LineIndex(read.text);
  } catch {
    lines = undefined;
  }
  for (const problem of found.config.problems) {
    const at = lines?.position(problem.span.offset);
    text += `iam-author: ${found.file}${at ? `:${at.line + 1}:${at.character + 1}` : ''}: ${problem.message}\n`;
  }
  return text;
}
