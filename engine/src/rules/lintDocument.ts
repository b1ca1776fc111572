import type { Catalog } from '../catalog/catalog';
import type { EmbeddedPolicy } from '../document/embedded';
import type { Policy } from '../document/model';
import type { PolicyFile } from '../document/policyFile';
import type { PathSegment } from '../document/tree';
import { compareFindings, lintFile, type LintOptions } from './linter';
import type { Finding, FixHint } from './types';

/** A policy of a file, directly or inside one of its strings, with where its path starts. */
export interface DocumentPolicy {
  readonly policy: Policy;
  /** The policy's path from the root of the outer file (through the host string for an embedded one). */
  readonly path: readonly PathSegment[];
  readonly embedded?: EmbeddedPolicy;
}

/**
 * Every policy of a file in the order findings' `policyIndex` counts them (by lintDocument): the
 * file's own, then those of its embedded policies.
 */
export function documentPolicies(file: PolicyFile): DocumentPolicy[] {
  const list: DocumentPolicy[] = file.policies.map((policy) => ({ policy, path: policy.path }));
  for (const embedded of file.embedded) {
    for (const policy of embedded.file.policies) list.push({ policy, path: [...embedded.host.path, ...policy.path], embedded });
  }
  return list;
}

/**
 * lintFile for a file and for the policies written as strings inside it. An embedded policy is
 * linted as the document it is; its findings are then moved to where its text sits in the file,
 * and its fixes' replacements escaped as the string around them needs.
 */
export function lintDocument(file: PolicyFile, catalog: Catalog, options: LintOptions = {}): Finding[] {
  // Fixes are written as JSON; in a YAML template only those that put one quoted string in place of
  // the finding's own text (a corrected action, ARN or Effect) read the same there.
  if (file.format === 'terraform') return terraformFindings(file, lintFile(file, catalog, options));
  const findings = file.format === 'json' ? lintFile(file, catalog, options) : lintFile(file, catalog, options).map(yamlSafeFixes);
  if (file.embedded.length === 0) return findings;
  let base = file.policies.length;
  for (const embedded of file.embedded) {
    for (const finding of lintFile(embedded.file, catalog, options)) findings.push(toOuter(embedded, finding, base));
    base += embedded.file.policies.length;
  }
  return findings.sort(compareFindings);
}

/**
 * In HCL only a fix that puts one quoted string where a quoted string is written reads right
 * (`"s3:GetObjekt"` → `"s3:GetObject"`); one that inserts JSON structure would break the file. A
 * statement merged into several documents (source_policy_documents) is reported once, where it is written.
 */
function terraformFindings(file: PolicyFile, findings: readonly Finding[]): Finding[] {
  const seen = new Set<string>();
  const result: Finding[] = [];
  for (const finding of findings) {
    const key = `${finding.ruleId} ${finding.span.offset} ${finding.span.length} ${finding.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    result.push(hclSafeFixes(file.text, finding));
  }
  return result;
}

function hclSafeFixes(text: string, finding: Finding): Finding {
  if (!finding.fixes) return finding;
  const written = text.slice(finding.span.offset, finding.span.offset + finding.span.length);
  const replacesString = written.length >= 2 && written.startsWith('"') && written.endsWith('"');
  const safe = replacesString
    ? finding.fixes
        .filter((fix) => fix.span === undefined && isOneQuotedString(fix.replacement))
        // `${` and `%{` start a template in HCL; written as `$${` and `%%{` they stay text.
        .map((fix) => ({ ...fix, replacement: fix.replacement.replace(/([$%])\{/g, '$1$1{') }))
    : [];
  return { ...finding, fixes: safe.length > 0 ? safe : undefined };
}

function yamlSafeFixes(finding: Finding): Finding {
  if (!finding.fixes) return finding;
  const safe = finding.fixes.filter((fix) => fix.span === undefined && isOneQuotedString(fix.replacement));
  return { ...finding, fixes: safe.length > 0 ? safe : undefined };
}

/** A JSON string literal on one line: also a YAML double-quoted scalar, wherever a scalar may go. */
function isOneQuotedString(text: string): boolean {
  if (!text.startsWith('"') || text.includes('\n')) return false;
  try {
    return typeof JSON.parse(text) === 'string';
  } catch {
    return false;
  }
}

function toOuter(embedded: EmbeddedPolicy, finding: Finding, base: number): Finding {
  return {
    ...finding,
    span: embedded.toOuterSpan(finding.span),
    path: [...embedded.host.path, ...finding.path],
    policyIndex: finding.policyIndex === undefined ? undefined : base + finding.policyIndex,
    fixes: finding.fixes?.map((fix) => toOuterFix(embedded, fix)),
  };
}

function toOuterFix(embedded: EmbeddedPolicy, fix: FixHint): FixHint {
  // The replacement is JSON for the policy; inside the host string every quote and line break is escaped.
  const replacement = JSON.stringify(fix.replacement).slice(1, -1);
  return fix.span ? { ...fix, replacement, span: embedded.toOuterSpan(fix.span) } : { ...fix, replacement };
}
