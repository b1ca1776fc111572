import { Explanation, factWithLink } from './explanation';
import type { RoleFactId } from './facts';
import type { IamArnInfo } from './iamArn';
import type { IdentityProviderInfo } from './identityProviders';
import { escapeMarkdown, inlineCode } from './markdown';
import { servicePrincipal, type ServicePrincipalInfo } from './servicePrincipals';
import type { TrustedAwsPrincipal } from './trustedPrincipal';

/**
 * Markdown explanations of role kinds, written for someone reading a trust policy or a role ARN who
 * wants to know what kind of role it is and what follows from that. The sentences are facts
 * (facts.ts) with their pages; values from the file are escaped.
 */

/** Each AWS managed policy has a page here, named after the policy. */
export const MANAGED_POLICY_REFERENCE = 'https://docs.aws.amazon.com/aws-managed-policy/latest/reference';

export function explainServiceRole(principal: string, service: ServicePrincipalInfo | undefined): string {
  const name = service?.service ?? principal;
  const out = new Explanation()
    .paragraph(`**Service role for ${escapeMarkdown(name)}**`)
    .paragraph(service ? `${inlineCode(principal)} is the service principal of ${escapeMarkdown(service.service)}.` : `${inlineCode(principal)} is a service principal.`)
    .fact('servicePrincipalMeaning');
  if (service?.use) out.bullet(`Typical use: ${service.use.text}.`, { title: service.use.title, url: service.use.source });
  out.facts(['serviceRoleOwned', 'serviceRolePassRole']);
  if (service?.runsYourCode) out.fact('serviceRoleRunsYourCode');
  if (service && service.serviceLinkedRoles.length > 0) out.fact('serviceRoleNotLinked', ` (${service.serviceLinkedRoles.map((n) => inlineCode(n)).join(', ')})`);
  return out.fact('serviceRoleConfusedDeputy').toMarkdown();
}

export function explainEc2InstanceRole(): string {
  const use = servicePrincipal('ec2.amazonaws.com')?.use;
  const out = new Explanation().paragraph('**EC2 instance role** (a service role for Amazon EC2)');
  if (use) out.bullet(`Typical use: ${use.text}.`, { title: use.title, url: use.source });
  return out
    .facts(['ec2NoStoredKeys', 'ec2InstanceProfile', 'ec2OneProfilePerInstance', 'ec2Fleet', 'ec2AutoScaling', 'ec2Credentials', 'ec2PassRole', 'ec2SourceInstance', 'ec2Imdsv2', 'ec2NotChaining'])
    .toMarkdown();
}

export function explainServiceLinkedRole(arn: IamArnInfo | undefined, service: ServicePrincipalInfo | undefined, principal?: string, permissions?: string): string {
  const name = service?.service ?? principal ?? 'an AWS service';
  const out = new Explanation().paragraph(`**Service-linked role${service || principal ? ` of ${escapeMarkdown(name)}` : ''}**`);
  out.fact('linkedIsServiceRole');
  if (arn) out.paragraph(`Role name: ${inlineCode(arn.name)}${principal ? ` · service principal: ${inlineCode(principal)}` : ''} · path: ${inlineCode(arn.path)}`);
  if (permissions) out.paragraph(permissions);
  out.facts(['linkedPredefined', 'linkedNoBoundary', 'linkedPath', 'linkedCreation', 'linkedDeletion', 'linkedScp']);
  return out.cite('servicesThatWorkWithIam').toMarkdown();
}

/** A trust policy that names an account, a role, a user or a role session. */
export function explainAwsPrincipalTrust(trusted: TrustedAwsPrincipal, hasExternalId: boolean): string {
  const heading = trusted.relation === 'same' ? 'Same-account role' : trusted.relation === 'other' ? 'Cross-account role' : 'Role trusted by an AWS principal';
  const account = trusted.relation === 'same' && trusted.account.includes('${') ? 'the role\'s own account' : `account ${inlineCode(trusted.account)}`;
  const where = trusted.relation === 'unknown' ? ` If that is not the account the role is in, this is access across accounts.` : '';
  const who =
    trusted.what === 'account'
      ? `Principals of ${account} may assume this role.`
      : trusted.what === 'role'
        ? `Role ${inlineCode(trusted.name)} of ${account} may assume this role.`
        : trusted.what === 'user'
          ? `IAM user ${inlineCode(trusted.name)} of ${account} may assume this role.`
          : `Sessions of role ${inlineCode(trusted.name)} of ${account} may assume this role.`;
  const out = new Explanation().paragraph(`**${heading}**`).paragraph(`${who}${where}`);
  const mayBeOtherAccount = trusted.relation !== 'same';
  if (trusted.what === 'account') {
    out.fact('accountWholeAccount').fact(mayBeOtherAccount ? 'crossAccountBothSides' : 'accountIdentityPolicyToo').fact('accountNarrowToRole');
  } else {
    if (trusted.what === 'user') out.fact('userPrincipal');
    if (trusted.what !== 'session') out.fact('namedPrincipalUniqueId');
    if (mayBeOtherAccount) out.fact('crossAccountBothSides');
  }
  if (mayBeOtherAccount) {
    out.fact('crossAccountExternalId', hasExternalId ? ' This policy checks `sts:ExternalId`.' : '');
    if (trusted.what === 'account') out.fact('crossAccountOrgId');
    if (trusted.what !== 'role' && trusted.what !== 'session') out.fact('crossAccountMfa');
  }
  if (trusted.what === 'role' || trusted.what === 'session') out.facts(ROLE_CHAINING_FACTS);
  if (mayBeOtherAccount) out.facts(['crossAccountResourcePolicy', 'crossAccountRoleWhereNoResourcePolicy']);
  return out.toMarkdown();
}

/** What follows when a role session assumes a role: on trust of roles and on sts:AssumeRole. */
export const ROLE_CHAINING_FACTS: readonly RoleFactId[] = ['chainingOneHour', 'chainingSourceIdentity', 'chainingSessionTags'];

export function explainWebIdentityRole(principal: string, provider: IdentityProviderInfo | undefined, checkedKeys: readonly string[]): string {
  const isGitHub = /token\.actions\.githubusercontent\.com/i.test(principal);
  const out = new Explanation()
    .paragraph(`**Web identity (OIDC) federation role**${isGitHub ? ' for GitHub Actions' : ''}`)
    .paragraph(`Identity provider: ${provider ? escapeMarkdown(provider.name) : inlineCode(principal)}.`)
    .fact('webIdentityExchange');
  for (const [key, why] of provider?.keysToPin ?? []) {
    const checked = checkedKeys.some((k) => k.toLowerCase() === key.toLowerCase());
    // The notes hold placeholders such as <namespace>, which Markdown would read as HTML tags.
    out.bullet(`${inlineCode(key)} should name ${escapeMarkdown(why)}.${checked ? ' ✓ checked here.' : ''}`, provider!.source);
  }
  if (provider) out.bullet(provider.notes, provider.source);
  if (isGitHub) out.fact('githubSubForms');
  return out.cite('oidcRole').toMarkdown();
}

export function explainSamlRole(principal: string, provider?: IdentityProviderInfo): string {
  const out = new Explanation()
    .paragraph('**SAML 2.0 federation role**')
    .paragraph(`Identity provider: ${inlineCode(principal)}.`)
    .facts(['samlExchange', 'samlAssertion', 'samlAudience']);
  if (provider) out.bullet(provider.notes, provider.source);
  return out.toMarkdown();
}

export function explainPublicTrust(): string {
  return new Explanation().paragraph('**Trusts everyone**').fact('publicTrust').toMarkdown();
}

export function explainInstanceProfile(arn: IamArnInfo): string {
  return new Explanation()
    .paragraph(`**Instance profile** ${inlineCode(arn.name)}`)
    .facts(['instanceProfileContainer', 'ec2OneProfilePerInstance', 'ec2Fleet', 'ec2AutoScaling', 'instanceProfileReplace', 'instanceProfileConsole', 'instanceProfilePassRole'])
    .toMarkdown();
}

export function explainRoleArn(arn: IamArnInfo): string {
  const servicePath = /^\/service-role\//.test(arn.path);
  return new Explanation()
    .paragraph(`**IAM role** ${inlineCode(arn.name)}${arn.account ? ` in account ${inlineCode(arn.account)}` : ''}`)
    .fact(servicePath ? 'roleServiceRolePath' : 'roleKindFromTrust')
    .paragraph(`Path ${inlineCode(arn.path)}.`, 'identifiers')
    .toMarkdown();
}

export function explainManagedPolicyArn(arn: IamArnInfo): string {
  if (arn.account !== 'aws') {
    return new Explanation()
      .paragraph(`**Customer managed policy** ${inlineCode(arn.name)} in account ${inlineCode(arn.account)}`)
      .fact('customerManaged')
      .toMarkdown();
  }
  const out = new Explanation()
    .paragraph(`**AWS managed policy** ${inlineCode(arn.name)} · [its page in the AWS Managed Policy Reference](${MANAGED_POLICY_REFERENCE}/${encodeURIComponent(arn.name)}.html)`)
    .facts(['awsManagedByAws', 'awsManagedBroad', 'awsManagedReferencePage']);
  if (arn.path === '/aws-service-role/') out.fact('linkedPolicyAttached');
  if (arn.path === '/job-function/') out.fact('awsManagedJobFunction');
  return out.toMarkdown();
}

/** Notes added to the hover of actions that create, pass or assume roles. */
export function roleActionNote(qualifiedAction: string): string | undefined {
  const lower = qualifiedAction.toLowerCase();
  if (lower === 'iam:passrole') return factWithLink('passRoleAction');
  if (lower === 'iam:createservicelinkedrole') return factWithLink('createLinkedRoleAction');
  if (lower === 'sts:assumerole') return new Explanation().paragraph(factWithLink('assumeRoleAction')).facts(ROLE_CHAINING_FACTS).toMarkdown();
  if (lower === 'sts:assumerolewithwebidentity') return factWithLink('assumeRoleWithWebIdentityAction');
  if (lower === 'sts:assumerolewithsaml') return factWithLink('assumeRoleWithSamlAction');
  if (lower === 'sts:tagsession') return factWithLink('tagSessionAction');
  if (lower === 'sts:setsourceidentity') return factWithLink('setSourceIdentityAction');
  return undefined;
}
