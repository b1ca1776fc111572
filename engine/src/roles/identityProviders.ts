/**
 * Identity providers that may appear in a trust policy's Federated principal, and the condition keys
 * that pin a federated role to the right audience and subject. Each entry was read against its page
 * (`checked`): the IAM User Guide pages on creating roles for OIDC and SAML, and the Cognito and EKS
 * pages for their providers. GitLab is the one entry that cites its own documentation, because only
 * GitLab documents the issuer and audience it uses (docLinks.ts NON_AWS_SOURCES; a test allows no
 * other page outside docs.aws.amazon.com).
 */
import type { RoleDocPage } from './docLinks';

export type ProviderProtocol = 'oidc' | 'saml';

export interface IdentityProviderInfo {
  /** How the provider is written in Principal.Federated; a "*" part stands for a variable part. */
  readonly principal: string;
  readonly name: string;
  readonly protocol: ProviderProtocol;
  /** The sts action a role trusted by this provider is assumed with. */
  readonly assumeAction: 'sts:AssumeRoleWithWebIdentity' | 'sts:AssumeRoleWithSAML';
  /** Condition keys a trust policy should test, with what each should name. */
  readonly keysToPin: readonly (readonly [key: string, why: string])[];
  readonly notes: string;
  /** The page the keys and notes come from. */
  readonly source: RoleDocPage;
  /** Where on that page the keys and notes were found when they were read against it. */
  readonly checked: string;
}

export const IDENTITY_PROVIDERS: readonly IdentityProviderInfo[] = [
  {
    principal: 'cognito-identity.amazonaws.com',
    name: 'Amazon Cognito identity pools',
    protocol: 'oidc',
    assumeAction: 'sts:AssumeRoleWithWebIdentity',
    keysToPin: [
      ['cognito-identity.amazonaws.com:aud', 'the identity pool ID, so that only your pool can use the role'],
      ['cognito-identity.amazonaws.com:amr', '"authenticated" or "unauthenticated", to separate signed-in users from guests'],
    ],
    notes: 'Cognito sets `amr` to `authenticated` or `unauthenticated`; for signed-in users it also lists the providers they used, so a role can trust only users who signed in through one provider.',
    source: 'cognitoRoleTrust',
    checked: 'the example trust policy (aud is the identity pool ID, amr "unauthenticated") and the text on how Cognito sets amr',
  },
  {
    principal: 'accounts.google.com',
    name: 'Google',
    protocol: 'oidc',
    assumeAction: 'sts:AssumeRoleWithWebIdentity',
    keysToPin: [['accounts.google.com:aud', 'the audience (application) ID that Google gave your app']],
    notes: 'Test the ID with `StringEquals`: the match ensures that the request comes from your app.',
    source: 'oidcRole',
    checked: 'Prerequisites, step 3: the Condition element tests the app ID (accounts.google.com:aud for Google)',
  },
  {
    principal: 'www.amazon.com',
    name: 'Login with Amazon',
    protocol: 'oidc',
    assumeAction: 'sts:AssumeRoleWithWebIdentity',
    keysToPin: [['www.amazon.com:app_id', 'your Login with Amazon application ID']],
    notes: 'Test the ID with `StringEquals`: the match ensures that the request comes from your app.',
    source: 'oidcRole',
    checked: 'Prerequisites, step 3: the Condition element tests the app ID (www.amazon.com:app_id)',
  },
  {
    principal: 'graph.facebook.com',
    name: 'Facebook',
    protocol: 'oidc',
    assumeAction: 'sts:AssumeRoleWithWebIdentity',
    keysToPin: [['graph.facebook.com:app_id', 'your Facebook application ID']],
    notes: 'Test the ID with `StringEquals`: the match ensures that the request comes from your app.',
    source: 'oidcRole',
    checked: 'Prerequisites, step 3: the Condition element tests the app ID (graph.facebook.com:app_id)',
  },
  {
    principal: 'arn:aws:iam::*:oidc-provider/token.actions.githubusercontent.com',
    name: 'GitHub Actions (OIDC)',
    protocol: 'oidc',
    assumeAction: 'sts:AssumeRoleWithWebIdentity',
    keysToPin: [
      ['token.actions.githubusercontent.com:aud', '"sts.amazonaws.com"'],
      ['token.actions.githubusercontent.com:sub', 'your organization, repository and branch, e.g. "repo:my-org/my-repo:ref:refs/heads/main"'],
    ],
    notes:
      'Limit the role with a condition on `sub` to your GitHub organization, repository or branch: AWS calls this best practice for every role that trusts GitHub.',
    source: 'githubOidc',
    checked: 'Configuring a role for GitHub OIDC identity provider: the example trust policy (aud sts.amazonaws.com, sub repo:...:ref:refs/heads/...) and the recommended minimum condition',
  },
  {
    principal: 'arn:aws:iam::*:oidc-provider/oidc.eks.*.amazonaws.com/id/*',
    name: 'Amazon EKS cluster OIDC issuer (IAM roles for service accounts)',
    protocol: 'oidc',
    assumeAction: 'sts:AssumeRoleWithWebIdentity',
    keysToPin: [
      ['oidc.eks.<region>.amazonaws.com/id/<id>:sub', '"system:serviceaccount:<namespace>:<service-account>"'],
      ['oidc.eks.<region>.amazonaws.com/id/<id>:aud', '"sts.amazonaws.com"'],
    ],
    notes: 'The `sub` condition names the namespace and service account that may use the role; `StringLike` with `*` as the service account opens it to every service account of that namespace.',
    source: 'eksServiceAccounts',
    checked: 'Step 2, create and associate the role (AWS CLI): the trust policy with :aud sts.amazonaws.com and :sub system:serviceaccount:<namespace>:<service account>, and StringLike for a whole namespace',
  },
  {
    principal: 'arn:aws:iam::*:oidc-provider/gitlab.com',
    name: 'GitLab CI/CD (OIDC)',
    protocol: 'oidc',
    assumeAction: 'sts:AssumeRoleWithWebIdentity',
    keysToPin: [
      ['gitlab.com:sub', 'the project path and branch, e.g. "project_path:my-group/my-project:ref_type:branch:ref:main"'],
      ['gitlab.com:aud', '"https://gitlab.com", the address of the GitLab instance, which GitLab uses as the audience'],
    ],
    notes: 'GitLab registers the instance address (`https://gitlab.com`) as both the provider URL and the audience; the `sub` condition limits the role to a group, project, branch or tag. This is GitLab\'s documentation, not AWS\'s: no AWS page covers GitLab.',
    source: 'gitlabOidc',
    checked: 'Add the identity provider (provider URL and audience are the instance address) and Configure a role and trust (the sub condition)',
  },
  {
    principal: 'arn:aws:iam::*:oidc-provider/*',
    name: 'OpenID Connect provider',
    protocol: 'oidc',
    assumeAction: 'sts:AssumeRoleWithWebIdentity',
    keysToPin: [['<provider>:aud', 'the app ID you received when you configured your app with the identity provider']],
    notes: 'Create the OIDC identity provider in IAM before the role; the trust policy names its ARN (Google, Facebook and Amazon Cognito are built in and need none).',
    source: 'oidcRole',
    checked: 'Prerequisites: step 2 (create the IdP in IAM; the built-in providers) and step 3 (the aud condition with the provider\'s URL)',
  },
  {
    principal: 'arn:aws:iam::*:saml-provider/*',
    name: 'SAML 2.0 identity provider',
    protocol: 'saml',
    assumeAction: 'sts:AssumeRoleWithSAML',
    // SAML:aud and the assertion's attributes are role facts (samlAudience), shown with every SAML role.
    keysToPin: [],
    notes: 'Create the SAML provider in IAM before the role; the trust policy names its ARN.',
    source: 'samlRole',
    checked: 'Prerequisites for creating a role for SAML: step 1 (create the SAML provider in IAM first) and the Principal element naming its ARN',
  },
];

/** The provider entry for a Federated principal value; more specific entries win over generic ones. */
export function identityProvider(value: string): IdentityProviderInfo | undefined {
  const trimmed = value.trim();
  return IDENTITY_PROVIDERS.find((provider) => matchesProviderPattern(provider.principal, trimmed));
}

// Patterns contain only literal text and "*" (any run); they are compared left to right without RegExp.
function matchesProviderPattern(pattern: string, value: string): boolean {
  const lowerValue = value.toLowerCase();
  const pieces = pattern.toLowerCase().split('*');
  if (pieces.length === 1) return lowerValue === pieces[0];
  // Partition is a variable part of ARNs too.
  const normalised = lowerValue.replace(/^arn:aws-[a-z-]+:/, 'arn:aws:');
  if (!normalised.startsWith(pieces[0]!)) return false;
  let position = pieces[0]!.length;
  for (let i = 1; i < pieces.length - 1; i++) {
    const found = normalised.indexOf(pieces[i]!, position);
    if (found < 0) return false;
    position = found + pieces[i]!.length;
  }
  const last = pieces[pieces.length - 1]!;
  return normalised.length - last.length >= position && normalised.endsWith(last);
}
