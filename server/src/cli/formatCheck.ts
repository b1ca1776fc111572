import type { CheckedFile } from './checkFiles';

const SEVERITY_ORDER = ['error', 'warning', 'info', 'hint'] as const;

export function formatCheckText(files: readonly CheckedFile[]): string {
  const lines: string[] = [];
  const counts = { error: 0, warning: 0, info: 0, hint: 0 };
  for (const file of files) {
    if (file.error) {
      lines.push(`${file.file}: error: ${file.error}`);
      continue;
    }
    if (file.policies.length === 0) {
      lines.push(`${file.file}: no IAM policy found`);
      continue;
    }
    for (const policy of file.policies) {
      for (const finding of policy.findings) {
        counts[finding.severity]++;
        const { line, character } = finding.range.start;
        lines.push(`${file.file}:${line + 1}:${character + 1}: ${finding.severity} ${finding.code} ${finding.message} [${finding.name}]`);
      }
    }
  }
  const checked = files.filter((file) => !file.error).length;
  const summary = SEVERITY_ORDER.map((severity) => `${counts[severity]} ${severity}${counts[severity] === 1 || severity === 'info' ? '' : 's'}`);
  lines.push(`${summary.join(', ')} in ${checked} file${checked === 1 ? '' : 's'}`);
  return lines.join('\n') + '\n';
}

export function formatCheckJson(files: readonly CheckedFile[]): string {
  return JSON.stringify({ files }, null, 2) + '\n';
}
