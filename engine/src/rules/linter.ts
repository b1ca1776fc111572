import type { Catalog } from '../catalog/catalog';
import type { PolicyFile } from '../document/policyFile';
import { RULES } from './registry';
import { LintCache } from './support/lintCache';
import type { Finding, FixHint, ReportTarget, Rule, Severity } from './types';

export interface LintOptions {
  /** Rules to leave out, by id or name. */
  readonly disabled?: readonly string[];
  /** Per-rule severity, by id or name; "off" leaves the rule out (for iamAuthor.rules and .iam-author.json). */
  readonly severities?: Readonly<Record<string, Severity | 'off'>>;
}

/**
 * Runs every rule over a parsed file in one pass. A rule that throws is a bug in that rule, not in
 * the user's policy: it is contained so that the other rules still report.
 */
export function lintFile(file: PolicyFile, catalog: Catalog, options: LintOptions = {}): Finding[] {
  const disabled = new Set(options.disabled ?? []);
  const cache = LintCache.for(catalog);
  const findings: Finding[] = [];
  for (const rule of RULES) {
    if (disabled.has(rule.meta.id) || disabled.has(rule.meta.name)) continue;
    const severity = options.severities?.[rule.meta.id] ?? options.severities?.[rule.meta.name] ?? rule.meta.severity;
    if (severity === 'off') continue;
    if (rule.scope === 'file') {
      runSafely(rule, () => rule.check({ file, catalog, cache, report: reporter(rule, severity, findings) }));
      continue;
    }
    file.policies.forEach((policy, policyIndex) => {
      runSafely(rule, () => rule.check({ file, catalog, cache, policy, report: reporter(rule, severity, findings, policyIndex) }));
    });
  }
  return findings.sort((a, b) => a.span.offset - b.span.offset || a.ruleId.localeCompare(b.ruleId));
}

function reporter(rule: Rule, severity: Severity, findings: Finding[], policyIndex?: number) {
  return (target: ReportTarget, message: string, fixes?: readonly FixHint[]) => {
    findings.push({
      ruleId: rule.meta.id,
      ruleName: rule.meta.name,
      severity,
      message,
      span: target.span,
      path: target.path,
      policyIndex,
      fixes,
    });
  };
}

function runSafely(rule: Rule, check: () => void): void {
  try {
    check();
  } catch (error) {
    // Surfacing the failure on stderr keeps the bug visible without taking the other findings down.
    console.error(`IAM Author: rule ${rule.meta.id} failed: ${error instanceof Error ? error.stack : String(error)}`);
  }
}
