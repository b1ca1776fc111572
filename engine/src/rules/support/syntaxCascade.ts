import type { PolicyFile } from '../../document/policyFile';
import type { Span } from '../../document/tree';

/**
 * Whether a JSON syntax error lies within the span (its end included: "colon expected" sits right after
 * a half-typed key). The parser's recovery can swallow the elements after such an error, so "no
 * Action" or "unknown element" there would only echo the syntax error that is already reported.
 */
export function syntaxBrokenWithin(file: PolicyFile, span: Span): boolean {
  const end = span.offset + span.length;
  return file.syntaxProblems.some((problem) => problem.offset >= span.offset && problem.offset <= end);
}
