import { serviceUseCase } from './useCases';

/** Who may assume the new role: the console's "trusted entity" choices. */
export type TrustedEntity =
  | { readonly kind: 'service'; readonly useCase: string; readonly account: string }
  | { readonly kind: 'account'; readonly trustedAccount: string; readonly externalId?: string; readonly requireMfa?: boolean }
  | { readonly kind: 'github'; readonly account: string; readonly repository: string; readonly branch?: string }
  | { readonly kind: 'eks'; readonly account: string; readonly issuer: string; readonly namespace: string; readonly serviceAccount: string }
  | { readonly kind: 'cognito'; readonly identityPoolId: string }
  | { readonly kind: 'saml'; readonly account: string; readonly provider: string };

export interface NewRoleSpec {
  readonly name: string;
  readonly trust: TrustedEntity;
  readonly managedPolicyArns?: readonly string[];
  /** Actions of a new inline permissions policy, on `inlineResources` (`{account}` stands for the account). */
  readonly inlineActions?: readonly string[];
  readonly inlineResources?: readonly string[];
}

export interface PolicyDocument {
  readonly Version: '2012-10-17';
  readonly Statement: readonly Record<string, unknown>[];
}

export interface NewRole {
  readonly name: string;
  readonly trustPolicy: PolicyDocument;
  readonly permissionsPolicy?: PolicyDocument;
  readonly managedPolicyArns: readonly string[];
  /** EC2 roles reach instances through an instance profile of the same name. */
  readonly instanceProfile: boolean;
}

const GITHUB = 'token.actions.githubusercontent.com';

/**
 * The role's documents. Every trust policy carries the conditions the checks ask for: the caller's
 * account and resource for services that send them (aws:SourceAccount, aws:SourceArn), audience and
 * subject for OIDC, an external ID or MFA for another account when asked, the SAML audience.
 */
export function buildRole(spec: NewRoleSpec): NewRole {
  const trust = trustStatement(spec.trust);
  const useCase = spec.trust.kind === 'service' ? serviceUseCase(spec.trust.useCase) : undefined;
  const account = 'account' in spec.trust ? spec.trust.account : '';
  const actions = spec.inlineActions ?? [];
  const permissionsPolicy: PolicyDocument | undefined =
    actions.length > 0
      ? { Version: '2012-10-17', Statement: [{ Sid: 'Permissions', Effect: 'Allow', Action: oneOrMany(actions), Resource: oneOrMany((spec.inlineResources ?? ['*']).map((resource) => resource.replace(/\{account\}/g, account))) }] }
      : undefined;
  return {
    name: spec.name,
    trustPolicy: { Version: '2012-10-17', Statement: [trust] },
    permissionsPolicy,
    managedPolicyArns: [...(spec.managedPolicyArns ?? [])],
    instanceProfile: useCase?.instanceProfile === true,
  };
}

function trustStatement(trust: TrustedEntity): Record<string, unknown> {
  switch (trust.kind) {
    case 'service': {
      const useCase = serviceUseCase(trust.useCase);
      if (!useCase) throw new Error(`unknown service use case "${trust.useCase}"`);
      const statement: Record<string, unknown> = { Effect: 'Allow', Principal: { Service: useCase.principal }, Action: 'sts:AssumeRole' };
      if (useCase.sourceArn) {
        statement.Condition = {
          StringEquals: { 'aws:SourceAccount': trust.account },
          ArnLike: { 'aws:SourceArn': useCase.sourceArn.replace(/\{account\}/g, trust.account) },
        };
      }
      return statement;
    }
    case 'account': {
      const conditions: Record<string, Record<string, string>> = {};
      if (trust.externalId) conditions.StringEquals = { 'sts:ExternalId': trust.externalId };
      if (trust.requireMfa) conditions.Bool = { 'aws:MultiFactorAuthPresent': 'true' };
      return {
        Effect: 'Allow',
        Principal: { AWS: `arn:aws:iam::${trust.trustedAccount}:root` },
        Action: 'sts:AssumeRole',
        ...(Object.keys(conditions).length > 0 ? { Condition: conditions } : {}),
      };
    }
    case 'github': {
      const ref = trust.branch ? `ref:refs/heads/${trust.branch}` : '*';
      return {
        Effect: 'Allow',
        Principal: { Federated: `arn:aws:iam::${trust.account}:oidc-provider/${GITHUB}` },
        Action: 'sts:AssumeRoleWithWebIdentity',
        Condition: {
          StringEquals: { [`${GITHUB}:aud`]: 'sts.amazonaws.com', ...(trust.branch ? { [`${GITHUB}:sub`]: `repo:${trust.repository}:${ref}` } : {}) },
          ...(trust.branch ? {} : { StringLike: { [`${GITHUB}:sub`]: `repo:${trust.repository}:*` } }),
        },
      };
    }
    case 'eks': {
      const issuer = trust.issuer.replace(/^https:\/\//, '').replace(/\/$/, '');
      return {
        Effect: 'Allow',
        Principal: { Federated: `arn:aws:iam::${trust.account}:oidc-provider/${issuer}` },
        Action: 'sts:AssumeRoleWithWebIdentity',
        Condition: { StringEquals: { [`${issuer}:sub`]: `system:serviceaccount:${trust.namespace}:${trust.serviceAccount}`, [`${issuer}:aud`]: 'sts.amazonaws.com' } },
      };
    }
    case 'cognito':
      return {
        Effect: 'Allow',
        Principal: { Federated: 'cognito-identity.amazonaws.com' },
        Action: 'sts:AssumeRoleWithWebIdentity',
        Condition: {
          StringEquals: { 'cognito-identity.amazonaws.com:aud': trust.identityPoolId },
          'ForAnyValue:StringLike': { 'cognito-identity.amazonaws.com:amr': 'authenticated' },
        },
      };
    case 'saml':
      return {
        Effect: 'Allow',
        Principal: { Federated: `arn:aws:iam::${trust.account}:saml-provider/${trust.provider}` },
        Action: 'sts:AssumeRoleWithSAML',
        Condition: { StringEquals: { 'SAML:aud': 'https://signin.aws.amazon.com/saml' } },
      };
  }
}

function oneOrMany(values: readonly string[]): string | string[] {
  return values.length === 1 ? values[0]! : [...values];
}
