/**
 * When global condition keys are present in a request (iam-semantics §17, IAM User Guide "AWS global
 * condition context keys"), and known value sets, shared by completion and hover.
 */
export const KEY_PRESENCE: Readonly<Record<string, string>> = {
  'aws:multifactorauthpresent': 'Present only when the request is signed with temporary credentials; absent with long-term access keys. To deny without MFA use `BoolIfExists` … `false`, or check `Null`.',
  'aws:multifactorauthage': 'Present only when MFA was used to get the temporary credentials.',
  'aws:tokenissuetime': 'Present only with temporary credentials.',
  'aws:securetransport': 'Always present.',
  'aws:requestedregion': 'Always present. Global services (IAM, CloudFront, Route 53, ...) report us-east-1.',
  'aws:viaawsservice': 'Always present.',
  'aws:sourceip': 'Absent when the request arrives through a VPC endpoint (use aws:VpcSourceIp there); for calls made by a service on your behalf it is the service\'s address.',
  'aws:vpcsourceip': 'Present only for requests through a VPC endpoint.',
  'aws:sourcevpc': 'Present only for requests through a VPC endpoint.',
  'aws:sourcevpce': 'Present only for requests through a VPC endpoint.',
  'aws:principalorgid': 'Present only when the principal\'s account belongs to an organization.',
  'aws:username': 'Present only for IAM users; absent for roles, root and anonymous requests.',
  'aws:userid': 'Present in every request.',
  'aws:principalarn': 'Present in every signed request.',
  'aws:principalaccount': 'Present in every signed request.',
  'aws:principaltype': 'Present in every request.',
  'aws:tagkeys': 'Present when the operation accepts tags in the request.',
  'aws:sourcearn': 'Present only when a service calls another service on behalf of one of your resources.',
  'aws:sourceaccount': 'Present only when a service calls another service on behalf of one of your resources.',
  'aws:calledvia': 'Present only when a service made the request for the principal with its credentials (forward access session).',
  'aws:currenttime': 'Always present.',
  'aws:epochtime': 'Always present.',
  'aws:resourceaccount': 'Present for most resources; check the service\'s documentation.',
  'sts:externalid': 'Present only when the caller passes an external ID to AssumeRole.',
};

export const PRINCIPAL_TYPES: readonly (readonly [string, string])[] = [
  ['Account', 'the account root user'],
  ['User', 'an IAM user'],
  ['FederatedUser', 'a federated user (GetFederationToken)'],
  ['AssumedRole', 'a role session (including federated and service sessions)'],
  ['Anonymous', 'an unsigned request'],
];

export const S3_CANNED_ACLS = ['private', 'public-read', 'public-read-write', 'authenticated-read', 'aws-exec-read', 'bucket-owner-read', 'bucket-owner-full-control', 'log-delivery-write'];

/** Condition keys whose values are service principals. */
export const SERVICE_PRINCIPAL_KEYS = new Set([
  'iam:passedtoservice',
  'iam:awsservicename',
  'aws:calledvia',
  'aws:calledviafirst',
  'aws:calledvialast',
  'aws:principalservicename',
  'aws:principalservicenameslist',
]);

/** True for multivalued key types (the ArrayOf… types). */
export function isMultivalued(type: string): boolean {
  return type.startsWith('ArrayOf');
}
