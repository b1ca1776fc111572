import type { CheckedFile, CheckedFinding } from './checkFiles';
import type { PassedOver } from './inputs';

const SEVERITY_ORDER = ['error', 'warning', 'info', 'hint'] as const;

export function formatCheckText(files: readonly CheckedFile[], passedOver: readonly PassedOver[] = []): string {
  const lines: string[] = [];
  const counts = { error: 0, warning: 0, info: 0, hint: 0 };
  for (const file of files) {
    if (file.error) {
      lines.push(`${file.file}: error: ${file.error}`);
      continue;
    }
    const findings = allFindings(file);
    if (file.policies.length === 0 && findings.length === 0) {
      lines.push(`${file.file}: no IAM policy found`);
      continue;
    }
    for (const finding of findings) {
      counts[finding.severity]++;
      const { line, character } = finding.range.start;
      lines.push(`${file.file}:${line + 1}:${character + 1}: ${finding.severity} ${finding.code} ${finding.message} [${finding.name}]`);
    }
  }
  const checked = files.filter((file) => !file.error).length;
  const summary = SEVERITY_ORDER.map((severity) => `${counts[severity]} ${severity}${counts[severity] === 1 || severity === 'info' ? '' : 's'}`);
  lines.push(`${summary.join(', ')} in ${checked} file${checked === 1 ? '' : 's'}${describePassedOver(passedOver)}`);
  return lines.join('\n') + '\n';
}

/** "; passed over 3 files: 2 with no IAM policy, 1 not a supported format (.md)". */
function describePassedOver(passedOver: readonly PassedOver[]): string {
  if (passedOver.length === 0) return '';
  const byReason = new Map<string, PassedOver[]>();
  for (const entry of passedOver) byReason.set(entry.reason, [...(byReason.get(entry.reason) ?? []), entry]);
  const parts = [...byReason].map(([reason, entries]) => {
    const count = `${entries.length} ${reasonLabel(reason, entries.length)}`;
    if (reason !== 'not a supported format') return count;
    const extensions = [...new Set(entries.map((entry) => /\.[^./\\]+$/.exec(entry.name)?.[0] ?? '(no extension)'))].sort();
    return `${count} (${extensions.slice(0, 5).join(', ')}${extensions.length > 5 ? ', …' : ''})`;
  });
  return `; passed over ${passedOver.length} file${passedOver.length === 1 ? '' : 's'}: ${parts.join(', ')}`;
}

/** How a reason reads after a count: "2 with no IAM policy", "1 policy test file", "3 JSON data streams". */
function reasonLabel(reason: string, count: number): string {
  const plural = count === 1 ? '' : 's';
  if (reason === 'no IAM policy') return 'with no IAM policy';
  if (reason === 'a policy test file') return `policy test file${plural}`;
  if (reason === 'JSON data stream') return `JSON data stream${plural}`;
  if (reason === 'template not JSON until rendered') return `template${plural} not JSON until rendered`;
  return reason;
}

/** `passedOver` is there when a directory walk left files unchecked, each with the reason. */
export function formatCheckJson(files: readonly CheckedFile[], passedOver: readonly PassedOver[] = []): string {
  const output = passedOver.length > 0 ? { files, passedOver: passedOver.map(({ name, reason }) => ({ file: name, reason })) } : { files };
  return JSON.stringify(output, null, 2) + '\n';
}

/** The findings about the file itself (an empty or broken JSON file of a folder scan), then those of its policies. */
export function allFindings(file: CheckedFile): CheckedFinding[] {
  return [...(file.findings ?? []), ...file.policies.flatMap((policy) => policy.findings)];
}
