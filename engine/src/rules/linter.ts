import type { Catalog } from '../catalog/catalog';
import type { PolicyFile } from '../document/policyFile';
import { RULES } from './registry';
import type { Finding, FixHint, ReportTarget, Rule } from './types';

export interface LintOptions {
  /** Rules to leave out, by id or name. */
  readonly disabled?: readonly string[];
}

/**
 * Runs every rule over a parsed file in one pass. A rule that throws is a bug in that rule, not in
 * the user's policy: it is contained so that the other rules still report.
 */
export function lintFile(file: PolicyFile, catalog: Catalog, options: LintOptions = {}): Finding[] {
  const disabled = new Set(options.disabled ?? []);
  const rules = RULES.filter((rule) => !disabled.has(rule.meta.id) && !disabled.has(rule.meta.name));
  const findings: Finding[] = [];
  for (const rule of rules) {
    if (rule.scope === 'file') {
      runSafely(rule, () => rule.check({ file, catalog, report: reporter(rule, findings) }));
      continue;
    }
    file.policies.forEach((policy, policyIndex) => {
      runSafely(rule, () => rule.check({ file, catalog, policy, report: reporter(rule, findings, policyIndex) }));
    });
  }
  return findings.sort((a, b) => a.span.offset - b.span.offset || a.ruleId.localeCompare(b.ruleId));
}

function reporter(rule: Rule, findings: Finding[], policyIndex?: number) {
  return (target: ReportTarget, message: string, fixes?: readonly FixHint[]) => {
    findings.push({
      ruleId: rule.meta.id,
      ruleName: rule.meta.name,
      severity: rule.meta.severity,
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
