import type { CodeLens } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { classifyTrustPolicy, type Policy } from '../../../engine/src';

/**
 * A trust policy states its role kind once, above its Statement key (or the policy itself when there
 * is none yet), e.g. "Role kind: EC2 instance role (service role for Amazon EC2)". The lens is a label:
 * an empty command id makes editors show it without making it clickable. The full explanation is the
 * hover on Statement and on each principal.
 */
export function roleKindLens(document: Pick<TextDocument, 'positionAt'>, policy: Policy): CodeLens | undefined {
  if (policy.type !== 'trust') return undefined;
  const classification = classifyTrustPolicy(policy);
  if (!classification) return undefined;
  const start = document.positionAt((policy.statementProperty?.keySpan ?? policy.node.span).offset);
  return { range: { start, end: start }, command: { title: classification.headline, command: '' } };
}
