import type { Policy } from '../../document/model';
import { keyTarget, valueTarget } from '../targets';
import type { FixHint, Rule } from '../types';

const PRINCIPAL_TYPES = ['AWS', 'Service', 'Federated', 'CanonicalUser'];
const WEB_IDENTITY_DOMAINS = ['cognito-identity.amazonaws.com', 'www.amazon.com', 'graph.facebook.com', 'accounts.google.com'];

const ACCOUNT = /^\d{12}$/;
const IAM_ENTITY = /^arn:aws[a-z-]*:iam::\d{12}:(root|user\/.+|role\/.+)$/;
const STS_SESSION = /^arn:aws[a-z-]*:sts::\d{12}:(assumed-role\/[^/]+\/.+|federated-user\/.+)$/;
// IAM accepts unique IDs (AIDA..., AROA...) and turns them back into ARNs on display.
const UNIQUE_ID = /^A(IDA|ROA)[A-Z0-9]{12,}$/;
// A CloudFront origin access identity (the legacy way to let a distribution read an S3 origin), as the
// CloudFront Developer Guide writes it in bucket policies; its account field is "cloudfront".
const ORIGIN_ACCESS_IDENTITY = /^arn:aws[a-z-]*:iam::cloudfront:user\/CloudFront Origin Access Identity [A-Z0-9]+$/;
const SERVICE = /^[a-z0-9][a-z0-9.-]*\.amazonaws\.com(\.cn)?$/;
const PROVIDER = /^arn:aws[a-z-]*:iam::\d{12}:(saml-provider|oidc-provider)\/.+$/;
const CANONICAL_USER = /^[0-9a-f]{64}$/;

export const invalidPrincipalValue: Rule = {
  meta: {
    id: 'IAM021',
    name: 'invalid-principal-value',
    severity: 'error',
    category: 'error',
    description:
      'Principal entries are keyed AWS, Service, Federated or CanonicalUser, and each takes its own value format: account IDs and IAM ARNs, service principals, identity providers. Wildcards other than a lone "*" are not allowed.',
    accessAnalyzer: 'Invalid principal key / Unsupported wildcard in principal / Invalid service principal format / Federated principal not supported',
    parliament: 'UNKNOWN_PRINCIPAL',
  },
  scope: 'policy',
  check({ policy, report }) {
    for (const statement of policy.statements) {
      for (const entry of statement.principal?.entries ?? []) {
        const path = statement.path.concat(statement.principal!.keyword, entry.type);
        if (!PRINCIPAL_TYPES.includes(entry.type)) {
          const canonical = PRINCIPAL_TYPES.find((type) => type.toLowerCase() === entry.type.toLowerCase());
          const fixes: FixHint[] | undefined = canonical ? [{ title: `Rename to "${canonical}"`, replacement: JSON.stringify(canonical) }] : undefined;
          report(
            keyTarget(entry.property, path),
            canonical
              ? `Principal types are case-sensitive: write "${canonical}".`
              : `Unknown principal type "${entry.type}": use AWS, Service, Federated or CanonicalUser.`,
            fixes,
          );
          continue;
        }
        if (entry.type === 'Federated' && (policy.type === 'resource' || policy.type === 'rcp')) {
          report(keyTarget(entry.property, path), 'Federated principals can only be trusted by a role trust policy: use the role that they assume instead.');
          continue;
        }
        if (entry.type === 'CanonicalUser' && policy.type !== 'resource') {
          report(keyTarget(entry.property, path), 'CanonicalUser principals exist only in S3 resource policies: use an AWS account or ARN here.');
          continue;
        }
        for (const value of entry.values) {
          const problem = problemWith(entry.type, value.value, policy);
          if (problem) report(valueTarget(value), problem);
        }
      }
    }
  },
};

function problemWith(type: string, value: string, policy: Policy): string | undefined {
  if (value.includes('${')) return undefined; // policy-variable-not-allowed says why variables cannot go here
  if (type === 'AWS') {
    if (value === '*' || ACCOUNT.test(value) || IAM_ENTITY.test(value) || STS_SESSION.test(value) || UNIQUE_ID.test(value) || ORIGIN_ACCESS_IDENTITY.test(value)) {
      if (/[*?]/.test(value) && value !== '*') return wildcardMessage();
      return undefined;
    }
    if (/[*?]/.test(value)) return wildcardMessage();
    return `"${value}" is not an AWS principal: use a 12-digit account ID, "arn:aws:iam::ACCOUNT:root", or a user, role or role-session ARN.`;
  }
  if (type === 'Service') {
    if (SERVICE.test(value)) return undefined;
    return `"${value}" is not a service principal: write it as "SERVICE.amazonaws.com", e.g. "lambda.amazonaws.com".`;
  }
  if (type === 'Federated') {
    if (PROVIDER.test(value) || WEB_IDENTITY_DOMAINS.includes(value)) return undefined;
    if (policy.type === 'trust' && /^[a-z0-9.-]+\.[a-z]{2,}(\/\S*)?$/i.test(value) && !value.startsWith('arn:')) {
      return `"${value}" is not an identity provider: use the provider's ARN, "arn:aws:iam::ACCOUNT:oidc-provider/${value}".`;
    }
    return `"${value}" is not an identity provider: use a SAML or OIDC provider ARN (arn:aws:iam::ACCOUNT:saml-provider/NAME or :oidc-provider/HOST).`;
  }
  if (!CANONICAL_USER.test(value)) return `"${value}" is not a canonical user ID: it is 64 hexadecimal characters.`;
  return undefined;
}

function wildcardMessage(): string {
  return 'Principals take no partial wildcards: name the account or ARN, or use "*" with a condition such as aws:PrincipalArn (ArnLike).';
}
