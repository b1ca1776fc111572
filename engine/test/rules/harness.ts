import type { Catalog } from '../../src/catalog/catalog';
import { parsePolicyFile, type PolicyFile } from '../../src/document/policyFile';
import type { PolicyType } from '../../src/document/model';
import { formatPath } from '../../src/document/tree';
import { lintFile } from '../../src/rules/linter';
import type { Finding } from '../../src/rules/types';

/** One policy to lint: a JSON value (formatted with two-space indents) or raw text. */
export interface RuleCase {
  readonly name?: string;
  readonly policy: unknown;
  /** Defaults to "identity"; "auto" lets the locator infer it (CloudFormation templates, API shapes). */
  readonly type?: PolicyType | 'auto';
  readonly fileName?: string;
}

export interface InvalidCase extends RuleCase {
  /** Every JSON path the rule must report, formatted like `Statement[0].Action[1]`, in any order. */
  readonly paths: readonly string[];
}

export interface RuleCases {
  /** Rule id. */
  readonly rule: string;
  readonly valid: readonly RuleCase[];
  readonly invalid: readonly InvalidCase[];
}

export function caseText(testCase: RuleCase): string {
  return typeof testCase.policy === 'string' ? testCase.policy : JSON.stringify(testCase.policy, null, 2);
}

export function parseCase(testCase: RuleCase): PolicyFile {
  const type = testCase.type ?? 'identity';
  return parsePolicyFile(caseText(testCase), { fileName: testCase.fileName, type: type === 'auto' ? undefined : type });
}

export function lintCase(testCase: RuleCase, catalog: Catalog): { file: PolicyFile; findings: Finding[] } {
  const file = parseCase(testCase);
  return { file, findings: lintFile(file, catalog) };
}

export function pathOf(finding: Finding): string {
  return formatPath(finding.path);
}

/** Builders that keep the tables short. */
export function policy(...statements: object[]): object {
  return { Version: '2012-10-17', Statement: statements };
}

export function allow(extra: object = {}): object {
  return { Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::example-bucket/*', ...extra };
}

export function deny(extra: object = {}): object {
  return { Effect: 'Deny', Action: 's3:GetObject', Resource: 'arn:aws:s3:::example-bucket/*', ...extra };
}

/** A trust policy statement: a principal may assume the role. */
export function trust(principal: unknown, extra: object = {}): object {
  return { Effect: 'Allow', Principal: principal, Action: 'sts:AssumeRole', ...extra };
}
