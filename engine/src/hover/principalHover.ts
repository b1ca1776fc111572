import type { Policy, Statement } from '../document/model';
import { classifyPrincipal } from '../roles/classifyTrust';
import { ROLE_DOCS } from '../roles/docLinks';
import { Explanation, factWithLink } from '../roles/explanation';
import { parseIamArn } from '../roles/iamArn';
import { escapeMarkdown, inlineCode } from '../roles/markdown';
import type { HoverData } from './hoverData';
import { roleArnHover, servicePrincipalHover } from './roleHover';

const TYPE_DOCS: Readonly<Record<string, string>> = {
  AWS: 'AWS accounts and IAM principals (account IDs, root, role, user and session ARNs).',
  Service: 'AWS service principals (`<service>.amazonaws.com`).',
  Federated: 'Web identity (OIDC) and SAML identity providers.',
  CanonicalUser: 'S3 canonical user IDs.',
};

export function principalTypeHover(type: string): string {
  const doc = TYPE_DOCS[type];
  return doc ? `**${type}** principals: ${doc}\n\n[Principal](${ROLE_DOCS.principal})` : `**${escapeMarkdown(type)}** is not a principal type: use AWS, Service, Federated or CanonicalUser (case-sensitive).`;
}

/** Hover for one principal value: in a trust policy the role kind it makes, elsewhere who gets access. */
export function principalValueHover(type: string, value: string, policy: Policy, statement: Statement | undefined, data?: HoverData): string | undefined {
  if (policy.type === 'trust') {
    const ownAccount = policy.owner?.kind === 'role' ? policy.owner.account : undefined;
    const finding = classifyPrincipal(type, value, statement, { ownAccount });
    // A trusted service-linked role: its explanation with what its managed policy allows.
    const explanation = finding?.kind === 'service-linked-role' ? (roleArnHover(value, data) ?? finding.explanation) : finding?.explanation;
    if (finding) return `*Role kind:* ${escapeMarkdown(finding.label)}\n\n${explanation}`;
  }
  if (type === 'Service') {
    return `${servicePrincipalHover(value)}\n\n---\n\n${factWithLink('resourcePolicyServicePrincipal')}`;
  }
  if (type === 'AWS') {
    if (value.trim() === '*') return new Explanation().paragraph('**Everyone**').facts(['resourcePolicyEveryone', 'resourcePolicyOrgId']).toMarkdown();
    const arn = parseIamArn(value);
    if (!arn) return roleArnHover(value, data);
    // A resource policy naming an account, role or user: access without a role, and what that takes.
    const out = new Explanation();
    if (arn.kind === 'account') out.paragraph(`The whole account ${inlineCode(arn.account)}.`);
    else out.paragraph(roleArnHover(value, data) ?? `${inlineCode(value)}`);
    return out.facts(['resourcePolicyDirect', 'resourcePolicyBothSides', 'resourcePolicyRoleOtherwise']).toMarkdown();
  }
  return roleArnHover(value, data);
}
