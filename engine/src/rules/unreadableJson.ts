import type { PolicyFile } from '../document/policyFile';
import { jsonSyntax } from './grammar/jsonSyntax';
import type { LintOptions } from './linter';
import type { Finding } from './types';

/**
 * The findings on a JSON file that was expected to hold a policy (one a folder scan found) but is
 * empty or not JSON. lintFile says nothing about such a file, since JSON that holds no policy belongs
 * to other tools; a caller that expects a policy asks this instead, and gets json-syntax findings
 * at that rule's configured severity: one, where the text stops being JSON. Undefined when
 * json-syntax is off; empty for a file that reads.
 */
export function unreadableJsonFindings(file: PolicyFile, options: LintOptions = {}): Finding[] | undefined {
  const { id, name } = jsonSyntax.meta;
  if (options.disabled?.includes(id) || options.disabled?.includes(name)) return undefined;
  const severity = options.severities?.[id] ?? options.severities?.[name] ?? jsonSyntax.meta.severity;
  if (severity === 'off') return undefined;
  if (file.policies.length > 0 || file.embedded.length > 0) return [];
  const finding = (offset: number, length: number, message: string): Finding => ({ ruleId: id, ruleName: name, severity, message, span: { offset, length }, path: [] });
  if (file.text.trim() === '') return [finding(0, 0, 'The file is empty: a policy file holds one JSON object. Write the policy, or delete the file.')];
  // A file that is not JSON at all (a note saved as .json) has as many errors as words: the first says it.
  const first = file.syntaxProblems[0];
  if (!first) return [];
  const length = Math.min(Math.max(first.length, 1), file.text.length - first.offset);
  return [finding(first.offset, Math.max(length, 0), `Not valid JSON, so no policy in the file could be checked: ${first.message.replace(/^JSON syntax error: /, '')} Fix the JSON, or move the file out of the folder.`)];
}
