import { ROLE_DOCS } from './docLinks';
import type { IamArnInfo } from './iamArn';
import type { IdentityProviderInfo } from './identityProviders';
import type { ServicePrincipalInfo } from './servicePrincipals';

/**
 * Markdown explanations of role kinds, written for someone reading a trust policy or a role ARN who
 * wants to know what kind of role it is and what follows from that.
 */

const link = (title: string, url: string) => `[${title}](${url})`;

export function explainServiceRole(principal: string, service: ServicePrincipalInfo | undefined): string {
  const name = service?.service ?? principal;
  const lines = [
    `**Service role for ${name}**`,
    '',
    `\`${principal}\` is an AWS service principal: ${name} assumes this role in your account to act for you.${service ? ` Typical use: ${service.purpose}.` : ''}`,
    '',
    '- It is an ordinary IAM role that you own: you write and can change both its trust policy and its permissions.',
    `- The service gets the role when someone hands it over, for example in a create or update call. That person needs \`iam:PassRole\` on the role; scope it with the \`iam:PassedToService\` condition key (${link('passing a role', ROLE_DOCS.passRole)}).`,
  ];
  if (service?.runsYourCode) {
    lines.push(`- ${name} runs your own code with the role's temporary credentials, so grant only what that code needs.`);
  }
  if (service && service.serviceLinkedRoles.length > 0) {
    lines.push(`- ${name} also has service-linked roles (${service.serviceLinkedRoles.map((n) => `\`${n}\``).join(', ')}), which the service defines and you cannot edit; this is not one of them.`);
  }
  lines.push(`- For services acting on behalf of other resources, \`aws:SourceArn\` / \`aws:SourceAccount\` conditions protect against the ${link('confused deputy problem', ROLE_DOCS.confusedDeputy)}.`);
  lines.push('', link('Creating a role for an AWS service', ROLE_DOCS.serviceRole));
  return lines.join('\n');
}

export function explainEc2InstanceRole(): string {
  return [
    '**EC2 instance role** (a service role for Amazon EC2)',
    '',
    'Applications on an EC2 instance use this role instead of stored access keys.',
    '',
    '- EC2 delivers the role through an **instance profile**, a container that holds exactly one role. An instance has at most one instance profile; you can attach, replace or detach it while the instance runs.',
    '- Code on the instance (the AWS SDKs and CLI do it for you) reads temporary credentials from the instance metadata service. They are rotated automatically before they expire, so no long-term keys live on the instance.',
    '- Launching an instance with the role, or attaching it, requires `iam:PassRole` on the role (limit it with `iam:PassedToService` = `ec2.amazonaws.com`).',
    '- Requests made with these credentials carry `ec2:SourceInstanceArn`, and requiring IMDSv2 on the instance protects the credentials against SSRF-style theft.',
    '',
    `${link('Using an IAM role for applications on EC2', ROLE_DOCS.ec2Role)} · ${link('Instance profiles', ROLE_DOCS.instanceProfile)}`,
  ].join('\n');
}

export function explainServiceLinkedRole(arn: IamArnInfo | undefined, service: ServicePrincipalInfo | undefined, principal?: string): string {
  const name = service?.service ?? principal ?? 'an AWS service';
  const lines = [
    `**Service-linked role${service || principal ? ` of ${name}` : ''}**`,
    '',
    `A special service role that ${name} defines and owns.${service ? ` Typical use: ${service.purpose}.` : ''}`,
    '',
    '- The service predefines both its trust policy and its permissions. You can read them and change the description, but you cannot edit its permissions, rename it, or attach a permissions boundary.',
    '- Its path is `/aws-service-role/<service principal>/` and its name usually starts with `AWSServiceRoleFor`.',
    '- The service usually creates it the first time you use the feature that needs it; you can also create it with `iam:CreateServiceLinkedRole` (restrict with the `iam:AWSServiceName` condition key).',
    '- It can be deleted only after the service resources that depend on it are gone; some services delete it themselves.',
    '- Service control policies do not restrict service-linked roles.',
  ];
  if (arn && principal) lines.splice(4, 0, `Path: \`${arn.path}\` · name: \`${arn.name}\``, '');
  lines.push('', link('Using service-linked roles', ROLE_DOCS.serviceLinkedRole));
  return lines.join('\n');
}

export function explainCrossAccountRole(accounts: readonly string[], hasExternalId: boolean): string {
  const who = accounts.length > 0 ? accounts.map((a) => `\`${a}\``).join(', ') : 'another account';
  return [
    '**Cross-account role**',
    '',
    `Principals of ${who} may assume this role (if that is not the role's own account, this is access across accounts).`,
    '',
    '- Naming an account (its 12-digit ID or `arn:aws:iam::<account>:root`) trusts the whole account, not its root user: the account\'s administrators decide which of their users and roles may call `sts:AssumeRole`, through their own identity policies.',
    '- Name a specific role ARN instead of the account to narrow the trust.',
    `- When a third party assumes the role for you, require \`sts:ExternalId\` in a condition: the external ID you agreed with that party stops another of its customers from tricking it into using your role (the ${link('confused deputy problem', ROLE_DOCS.confusedDeputy)}).${hasExternalId ? ' This policy checks `sts:ExternalId`.' : ''}`,
    '- Consider `aws:PrincipalOrgID` to keep the trust inside your organisation, and MFA conditions for people.',
    '',
    `${link('Providing access across accounts', ROLE_DOCS.crossAccount)} · ${link('External ID', ROLE_DOCS.externalId)}`,
  ].join('\n');
}

export function explainWebIdentityRole(principal: string, provider: IdentityProviderInfo | undefined, checkedKeys: readonly string[]): string {
  const name = provider?.name ?? principal;
  const isGitHub = /token\.actions\.githubusercontent\.com/i.test(principal);
  const lines = [
    `**Web identity (OIDC) federation role**${isGitHub ? ' for GitHub Actions' : ''}`,
    '',
    `Users or workloads that sign in with ${name} exchange its token for temporary credentials of this role through \`sts:AssumeRoleWithWebIdentity\`. No AWS keys are stored anywhere.`,
    '',
  ];
  for (const [key, why] of provider?.keysToPin ?? []) {
    const checked = checkedKeys.some((k) => k.toLowerCase() === key.toLowerCase());
    lines.push(`- \`${key}\` should name ${why}.${checked ? ' ✓ checked here.' : ''}`);
  }
  if (provider) lines.push(`- ${provider.notes}`);
  if (isGitHub) {
    lines.push('- GitHub sets `sub` to e.g. `repo:<org>/<repo>:ref:refs/heads/<branch>` or `repo:<org>/<repo>:environment:<name>`. Match it with `StringEquals` or a narrow `StringLike` that names your organisation, repository and branch or environment.');
  }
  lines.push('', `${link('OIDC federation', ROLE_DOCS.webIdentity)} · ${link('Creating a role for OIDC', ROLE_DOCS.oidcRole)}${isGitHub ? ` · ${link('GitHub: OIDC in AWS', ROLE_DOCS.githubOidc)}` : ''}`);
  return lines.join('\n');
}

export function explainSamlRole(principal: string): string {
  return [
    '**SAML 2.0 federation role**',
    '',
    `Users who sign in to your identity provider (\`${principal}\`) get temporary credentials for this role through \`sts:AssumeRoleWithSAML\`, or sign in to the console with it. Users are managed in the IdP, not in IAM.`,
    '',
    '- The IdP sends the role and provider ARNs in its SAML assertion; the trust policy decides whether the assertion may use this role.',
    '- Check `SAML:aud` (the AWS sign-in endpoint, e.g. `https://signin.aws.amazon.com/saml`) and, where useful, attributes such as `SAML:sub` or `SAML:edupersonaffiliation`.',
    '',
    `${link('SAML federation', ROLE_DOCS.saml)} · ${link('Creating a role for SAML', ROLE_DOCS.samlRole)}`,
  ].join('\n');
}

export function explainPublicTrust(): string {
  return [
    '**Trusts everyone**',
    '',
    '`"*"` as the principal of a role trust policy would let any AWS principal assume the role; IAM does not accept a bare wildcard principal in a trust policy. Name the accounts, roles, services or identity providers that should assume it.',
    '',
    link('Principal element', ROLE_DOCS.principal),
  ].join('\n');
}

export function explainInstanceProfile(arn: IamArnInfo): string {
  return [
    `**Instance profile** \`${arn.name}\``,
    '',
    'A container that passes exactly one IAM role to EC2 instances; the instance\'s applications then get that role\'s temporary credentials from the instance metadata service.',
    '',
    '- A role can be in several instance profiles; an instance has at most one profile, replaceable while it runs.',
    '- The console creates a profile with the same name as an EC2 role; the CLI, API and CloudFormation create it separately (`AWS::IAM::InstanceProfile`).',
    '- Associating it with an instance requires `iam:PassRole` on the role inside.',
    '',
    link('Instance profiles', ROLE_DOCS.instanceProfile),
  ].join('\n');
}

export function explainRoleArn(arn: IamArnInfo): string {
  const servicePath = /^\/service-role\//.test(arn.path);
  return [
    `**IAM role** \`${arn.name}\`${arn.account ? ` in account \`${arn.account}\`` : ''}`,
    '',
    servicePath
      ? 'The `/service-role/` path is where the console puts roles it creates for AWS services: this is most likely a service role, which you own and can edit.'
      : 'What kind of role this is depends on its trust policy: service principals make it a service role, accounts make it a cross-account role, identity providers a federation role.',
    '',
    `Path \`${arn.path}\`. ${link('IAM identifiers', ROLE_DOCS.identifiers)} · ${link('Roles: terms and concepts', ROLE_DOCS.terms)}`,
  ].join('\n');
}

export function explainManagedPolicyArn(arn: IamArnInfo): string {
  const awsManaged = arn.account === 'aws';
  const lines = [`**${awsManaged ? 'AWS managed' : 'Customer managed'} policy** \`${arn.name}\``, ''];
  if (awsManaged && arn.path === '/aws-service-role/') {
    lines.push('A permissions policy AWS maintains for a **service-linked role**. It is attached to that service\'s service-linked role and cannot be attached to your users, groups or roles.');
  } else if (awsManaged && arn.path === '/service-role/') {
    lines.push('A policy AWS maintains for **service roles**: attach it to a role that a service assumes (the role stays yours). AWS may add permissions to it when the service changes.');
  } else if (awsManaged && arn.path === '/job-function/') {
    lines.push('An AWS managed policy for a job function (administrator, billing, database administrator, ...). AWS updates it as services change.');
  } else if (awsManaged) {
    lines.push('Maintained by AWS and shared by every account; AWS may add permissions to it as services change, so it is rarely least privilege.');
  } else {
    lines.push(`A standalone policy in account \`${arn.account}\` that you maintain and can attach to several users, groups and roles.`);
  }
  lines.push('', link('Managed policies and inline policies', ROLE_DOCS.managedPolicies));
  return lines.join('\n');
}

/** Notes added to the hover of actions that create, pass or assume roles. */
export function roleActionNote(qualifiedAction: string): string | undefined {
  const lower = qualifiedAction.toLowerCase();
  if (lower === 'iam:passrole') {
    return `**Passing a role.** Lets the caller hand a role to an AWS service (launching an EC2 instance with an instance profile, creating a Lambda function, ...), so the service can act with that role's permissions. It is not an API call of its own but a permission checked by the receiving service. Limit \`Resource\` to the roles meant to be passed and add \`iam:PassedToService\`; \`iam:PassRole\` on \`*\` lets the caller give any service any role, including an administrator role. ${link('Passing a role', ROLE_DOCS.passRole)}`;
  }
  if (lower === 'iam:createservicelinkedrole') {
    return `**Creating a service-linked role.** Services call this the first time you use a feature that needs their service-linked role. Limit it with \`iam:AWSServiceName\` to the services you use and, where possible, to the role ARN \`arn:aws:iam::*:role/aws-service-role/<principal>/<name>\`. ${link('Service-linked role permissions', ROLE_DOCS.serviceLinkedRole)}`;
  }
  if (lower === 'sts:assumerole') {
    return `**Assuming a role.** Returns temporary credentials for the role. Both sides must agree: the caller needs \`sts:AssumeRole\` on the role in an identity policy (unless the role is in the same account and its trust policy names the caller), and the role's trust policy must name the caller. ${link('AssumeRole', ROLE_DOCS.assumeRole)}`;
  }
  if (lower === 'sts:assumerolewithwebidentity') {
    return `**Web identity federation.** Exchanges an OIDC token (GitHub Actions, EKS service accounts, Cognito, Google, ...) for role credentials. No AWS credentials are needed to call it, so the trust policy's conditions on \`aud\` and \`sub\` are the only gate. ${link('OIDC federation', ROLE_DOCS.webIdentity)}`;
  }
  if (lower === 'sts:assumerolewithsaml') {
    return `**SAML federation.** Exchanges a SAML assertion from your identity provider for role credentials; no AWS credentials are needed to call it. ${link('SAML federation', ROLE_DOCS.saml)}`;
  }
  if (lower === 'sts:tagsession' || lower === 'sts:setsourceidentity') {
    return `Needed in a trust policy when the caller passes session tags or a source identity while assuming the role.`;
  }
  return undefined;
}
