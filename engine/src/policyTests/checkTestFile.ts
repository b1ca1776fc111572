import type { Catalog } from '../catalog/catalog';
import { getValue, type Span, type ValueNode } from '../document/tree';
import { splitAction } from '../rules/catalog/actionParts';

/** A mistake in a policy test file's request, checked against the catalogue as policies are. */
export interface TestFileProblem {
  /** The index of the test in `tests`. */
  readonly test: number;
  /** The rule whose page explains it (unknown-service, unknown-action). */
  readonly ruleId: 'IAM101' | 'IAM102';
  readonly message: string;
  readonly span: Span;
  /** The corrected action, when one is close enough to suggest. */
  readonly suggestion?: string;
}

/**
 * The tests whose action the catalogue does not know. Such a test can only be denied, so one that
 * expects a deny passes whatever the policies say: it must fail instead, and the editor marks it.
 * Wildcards are left alone: a test may ask about `s3:Get*`.
 */
export function checkTestFile(root: ValueNode | undefined, catalog: Catalog): TestFileProblem[] {
  const tests = getValue(root, 'tests');
  if (tests?.kind !== 'array') return [];
  const problems: TestFileProblem[] = [];
  tests.items.forEach((test, index) => {
    const action = getValue(test, 'action');
    if (action?.kind !== 'string') return;
    const problem = checkAction(action.value, catalog);
    if (problem) problems.push({ test: index, span: action.span, ...problem });
  });
  return problems;
}

/** Why a requested action is not one AWS knows, or undefined when it is (or is a pattern). */
export function checkAction(text: string, catalog: Catalog): Pick<TestFileProblem, 'ruleId' | 'message' | 'suggestion'> | undefined {
  const parts = splitAction(text);
  if (!parts) return { ruleId: 'IAM102', message: `"${text}" is not an action: write service:ActionName, e.g. s3:GetObject.` };
  if (parts.serviceHasWildcard || parts.nameHasWildcard) return undefined;
  if (!catalog.hasService(parts.service)) {
    const service = catalog.suggestService(parts.service);
    return service
      ? { ruleId: 'IAM101', message: `Unknown service prefix "${parts.service}". Did you mean "${service}"?`, suggestion: `${service}:${parts.name}` }
      : { ruleId: 'IAM101', message: `Unknown service prefix "${parts.service}": no AWS service uses it.` };
  }
  if (catalog.action(parts.service, parts.name)) return undefined;
  const prefix = catalog.service(parts.service)?.prefix ?? parts.service;
  const name = catalog.suggestAction(parts.service, parts.name);
  return name
    ? { ruleId: 'IAM102', message: `Unknown action "${text}". Did you mean "${prefix}:${name}"?`, suggestion: `${prefix}:${name}` }
    : { ruleId: 'IAM102', message: `Unknown action "${text}": ${prefix} has no action named ${parts.name}.` };
}
