/**
 * Condition keys that a federated session carries into every request it makes, not only into the
 * AssumeRoleWithSAML or AssumeRoleWithWebIdentity call that created it. The service reference lists
 * them under sts only, but the IAM User Guide ("IAM and AWS STS condition context keys") names them
 * as usable in the trust policies of roles the session assumes next and in other services' resource
 * policies, and its own examples use them in the role's permissions policies:
 * - "Cross-service SAML-based AWS STS federation context keys": saml:namequalifier, saml:sub and
 *   saml:sub_type, and no other SAML key (#cross-condition-keys-saml);
 * - "Cross-service AWS web identity federation context keys": the amr, aud, id and sub keys of each
 *   provider (#cross-condition-keys-wif). The same page gives graph.facebook.com:app_id as
 *   Facebook's aud and www.amazon.com:app_id and user_id as Login with Amazon's id keys; Google's
 *   oaud is not among them.
 * (The SAML federation page tests saml:sub_type and uses ${saml:sub} in S3 ARNs; the Cognito examples
 * use ${cognito-identity.amazonaws.com:sub}.)
 * Source: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_iam-condition-keys.html
 */

const KEYS: ReadonlySet<string> = new Set([
  'saml:namequalifier',
  'saml:sub',
  'saml:sub_type',
  'cognito-identity.amazonaws.com:amr',
  'cognito-identity.amazonaws.com:aud',
  'cognito-identity.amazonaws.com:sub',
  'accounts.google.com:aud',
  'accounts.google.com:sub',
  'graph.facebook.com:app_id',
  'graph.facebook.com:id',
  'www.amazon.com:app_id',
  'www.amazon.com:user_id',
]);

/** Whether a condition key (any case) is one a federated session carries into all its requests. */
export function isFederatedSessionKey(key: string): boolean {
  return KEYS.has(key.toLowerCase());
}
