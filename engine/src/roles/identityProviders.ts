/**
 * Identity providers that may appear in a trust policy's Federated principal, and the condition keys
 * that pin a federated role to the right audience and subject. Facts from the IAM User Guide pages on
 * web identity and SAML federation and on the condition keys available for AssumeRoleWithWebIdentity.
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
    notes: 'Cognito hands out the token; AWS recommends Cognito for mobile and web apps rather than trusting social providers directly.',
    source: 'cognitoTrust',
  },
  {
    principal: 'accounts.google.com',
    name: 'Google',
    protocol: 'oidc',
    assumeAction: 'sts:AssumeRoleWithWebIdentity',
    keysToPin: [['accounts.google.com:aud', 'your application (client) ID']],
    notes: 'Without an audience condition any Google application could obtain credentials for the role.',
    source: 'oidcRole',
  },
  {
    principal: 'www.amazon.com',
    name: 'Login with Amazon',
    protocol: 'oidc',
    assumeAction: 'sts:AssumeRoleWithWebIdentity',
    keysToPin: [['www.amazon.com:app_id', 'your Login with Amazon application ID']],
    notes: 'Pin the application ID so that only your app can use the role.',
    source: 'oidcRole',
  },
  {
    principal: 'graph.facebook.com',
    name: 'Facebook',
    protocol: 'oidc',
    assumeAction: 'sts:AssumeRoleWithWebIdentity',
    keysToPin: [['graph.facebook.com:app_id', 'your Facebook application ID']],
    notes: 'Pin the application ID so that only your app can use the role.',
    source: 'oidcRole',
  },
  {
    principal: 'arn:aws:iam::*:oidc-provider/token.actions.githubusercontent.com',
    name: 'GitHub Actions (OIDC)',
    protocol: 'oidc',
    assumeAction: 'sts:AssumeRoleWithWebIdentity',
    keysToPin: [
      ['token.actions.githubusercontent.com:aud', '"sts.amazonaws.com"'],
      ['token.actions.githubusercontent.com:sub', 'the repository and branch or environment, e.g. "repo:my-org/my-repo:ref:refs/heads/main"'],
    ],
    notes:
      'Every GitHub workflow in every repository can get a token from this provider; only the `sub` condition ties the role to your repository. Without it, or with a wildcard such as `repo:*`, anyone on GitHub could assume the role.',
    source: 'githubOidc',
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
    notes: 'Without a `sub` condition every service account of the cluster can assume the role.',
    source: 'eksServiceAccounts',
  },
  {
    principal: 'arn:aws:iam::*:oidc-provider/gitlab.com',
    name: 'GitLab CI/CD (OIDC)',
    protocol: 'oidc',
    assumeAction: 'sts:AssumeRoleWithWebIdentity',
    keysToPin: [['gitlab.com:sub', 'the project path and branch, e.g. "project_path:my-group/my-project:ref_type:branch:ref:main"']],
    notes: 'Every GitLab.com pipeline can get a token from this provider; pin the project with `sub`.',
    source: 'gitlabOidc',
  },
  {
    principal: 'arn:aws:iam::*:oidc-provider/*',
    name: 'OpenID Connect provider',
    protocol: 'oidc',
    assumeAction: 'sts:AssumeRoleWithWebIdentity',
    keysToPin: [
      ['<provider>:aud', 'the client ID issued for AWS'],
      ['<provider>:sub', 'the user or workload the role is meant for'],
    ],
    notes: 'An IAM OIDC identity provider in your account: register the issuer URL and audience first.',
    source: 'oidcRole',
  },
  {
    principal: 'arn:aws:iam::*:saml-provider/*',
    name: 'SAML 2.0 identity provider',
    protocol: 'saml',
    assumeAction: 'sts:AssumeRoleWithSAML',
    keysToPin: [['SAML:aud', '"https://signin.aws.amazon.com/saml" for console sign-in (or your regional sign-in endpoint)']],
    notes: 'An IAM SAML provider in your account built from your IdP\'s metadata (Okta, Entra ID, AD FS, ...).',
    source: 'samlRole',
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
