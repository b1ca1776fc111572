import type { PolicyType } from '../document/model';
import { ROLE_DOCS } from '../roles/docLinks';
import { identityProvider } from '../roles/identityProviders';
import { SERVICE_PRINCIPALS } from '../roles/servicePrincipals';
import type { KeySpec } from './keys';
import type { Candidate } from './types';

const PRINCIPAL_TYPES: readonly (KeySpec & { types: readonly PolicyType[] })[] = [
  { name: 'AWS', valueSnippet: '"$1"', documentation: `AWS accounts and IAM principals: a 12-digit account ID or \`arn:aws:iam::<account>:root\` (the whole account), role and user ARNs, assumed-role session ARNs, or \`*\`. [Principal](${ROLE_DOCS.principal})`, types: ['trust', 'resource', 'rcp'] },
  { name: 'Service', valueSnippet: '"$1"', documentation: `AWS service principals such as \`lambda.amazonaws.com\`: the service may act with this role (trust policy) or on this resource (resource policy). [Service principals](${ROLE_DOCS.servicePrincipals})`, types: ['trust', 'resource'] },
  { name: 'Federated', valueSnippet: '"$1"', documentation: `Identity providers for web identity (OIDC) or SAML federation: an IAM OIDC or SAML provider ARN, or cognito-identity.amazonaws.com, accounts.google.com, www.amazon.com, graph.facebook.com. [Principal](${ROLE_DOCS.principal})`, types: ['trust'] },
  { name: 'CanonicalUser', valueSnippet: '"$1"', documentation: `An S3 canonical user ID (a long hexadecimal string), used mainly for CloudFront origin access identities in bucket policies. [Principal](${ROLE_DOCS.principal})`, types: ['resource'] },
];

export function principalTypeSpecs(type: PolicyType, present: readonly string[]): KeySpec[] {
  return PRINCIPAL_TYPES.filter((spec) => spec.types.includes(type) && !present.includes(spec.name));
}

export const PRINCIPAL_STAR: Candidate = {
  label: '*',
  kind: 'wildcard',
  documentation: 'Everyone: every AWS principal and, in resource policies, anonymous users. Same as `{"AWS": "*"}`. Not accepted in a role trust policy; in a resource policy, narrow it with conditions such as `aws:PrincipalOrgID`.',
};

/** Object snippets for `"Principal": |` outside a string. */
export function principalShapes(type: PolicyType): Candidate[] {
  return principalTypeSpecs(type, []).map((spec, index) => ({
    label: `{"${spec.name}": …}`,
    kind: 'snippet',
    documentation: spec.documentation,
    insertText: `{\n\t"${spec.name}": "$1"\n}`,
    isSnippet: true,
    sortText: String(index),
  }));
}

let serviceCandidates: Candidate[] | undefined;

export function servicePrincipalCandidates(): readonly Candidate[] {
  serviceCandidates ??= SERVICE_PRINCIPALS.map((info) => ({
    label: info.principal,
    kind: 'principal',
    detail: `${info.service}${info.serviceLinkedRoles.length > 0 ? ' · has service-linked roles' : ''}`,
    documentationKey: { kind: 'servicePrincipal', key: info.principal },
    // The services people trust most often come first.
    sortText: /^(ec2|lambda|ecs-tasks|states|events|codebuild|glue|sagemaker)\./.test(info.principal) ? `0${info.principal}` : `1${info.principal}`,
  }));
  return serviceCandidates;
}

export const AWS_PRINCIPAL_SHAPES: readonly Candidate[] = [
  { label: 'arn:aws:iam::<account>:root', kind: 'snippet', insertText: 'arn:${1:aws}:iam::${2:111122223333}:root', isSnippet: true, detail: 'a whole account', documentation: 'Trusts the whole account: its administrators decide, through identity policies, which of their principals may use the grant. Same as the bare 12-digit account ID.', sortText: '0' },
  { label: '<account-id>', kind: 'snippet', insertText: '${1:111122223333}', isSnippet: true, detail: 'a whole account (short form)', documentation: 'A 12-digit account ID; IAM stores it as `arn:aws:iam::<account>:root`.', sortText: '1' },
  { label: 'arn:aws:iam::<account>:role/<name>', kind: 'snippet', insertText: 'arn:${1:aws}:iam::${2:111122223333}:role/${3:RoleName}', isSnippet: true, detail: 'one IAM role', documentation: 'A specific role. If the role is deleted and recreated, the grant does not carry over: IAM stores the role\'s unique ID.', sortText: '2' },
  { label: 'arn:aws:iam::<account>:user/<name>', kind: 'snippet', insertText: 'arn:${1:aws}:iam::${2:111122223333}:user/${3:UserName}', isSnippet: true, detail: 'one IAM user', documentation: 'A specific IAM user (the name is case-sensitive here).', sortText: '3' },
  { label: 'arn:aws:sts::<account>:assumed-role/<role>/<session>', kind: 'snippet', insertText: 'arn:${1:aws}:sts::${2:111122223333}:assumed-role/${3:RoleName}/${4:SessionName}', isSnippet: true, detail: 'one role session', documentation: 'One session of a role, by session name.', sortText: '4' },
  { ...PRINCIPAL_STAR, sortText: '9' },
];

let federatedCache: Candidate[] | undefined;

export function federatedCandidates(): readonly Candidate[] {
  if (federatedCache) return federatedCache;
  const plain = ['cognito-identity.amazonaws.com', 'accounts.google.com', 'www.amazon.com', 'graph.facebook.com'];
  const list: Candidate[] = plain.map((value, index) => ({
    label: value,
    kind: 'principal',
    detail: identityProvider(value)?.name,
    documentationKey: { kind: 'identityProvider', key: value },
    sortText: `1${index}`,
  }));
  const github = 'arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com';
  list.push(
    { label: 'arn:aws:iam::<account>:oidc-provider/token.actions.githubusercontent.com', kind: 'snippet', detail: 'GitHub Actions', insertText: 'arn:${1:aws}:iam::${2:111122223333}:oidc-provider/token.actions.githubusercontent.com', isSnippet: true, documentationKey: { kind: 'identityProvider', key: github }, sortText: '00' },
    { label: 'arn:aws:iam::<account>:oidc-provider/<issuer>', kind: 'snippet', detail: 'OIDC provider', insertText: 'arn:${1:aws}:iam::${2:111122223333}:oidc-provider/${3:issuer.example.com}', isSnippet: true, documentationKey: { kind: 'identityProvider', key: 'arn:aws:iam::111122223333:oidc-provider/issuer' }, sortText: '01' },
    { label: 'arn:aws:iam::<account>:oidc-provider/oidc.eks.<region>.amazonaws.com/id/<id>', kind: 'snippet', detail: 'EKS service accounts', insertText: 'arn:${1:aws}:iam::${2:111122223333}:oidc-provider/oidc.eks.${3:us-east-1}.amazonaws.com/id/${4:CLUSTERID}', isSnippet: true, documentationKey: { kind: 'identityProvider', key: 'arn:aws:iam::111122223333:oidc-provider/oidc.eks.us-east-1.amazonaws.com/id/X' }, sortText: '02' },
    { label: 'arn:aws:iam::<account>:saml-provider/<name>', kind: 'snippet', detail: 'SAML provider', insertText: 'arn:${1:aws}:iam::${2:111122223333}:saml-provider/${3:ProviderName}', isSnippet: true, documentationKey: { kind: 'identityProvider', key: 'arn:aws:iam::<account>:saml-provider/<name>' }, sortText: '03' },
  );
  federatedCache = list;
  return list;
}

export const CANONICAL_USER: readonly Candidate[] = [
  { label: '<canonical user ID>', kind: 'snippet', insertText: '${1:79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be}', isSnippet: true, documentation: 'An S3 canonical user ID (64 hexadecimal characters).' },
];
