import { servicePrincipal, serviceOfLinkedRoleName, type ServicePrincipalInfo } from './servicePrincipals';

/** What an IAM ARN (or a bare account ID) names, as far as role explanations care. */
export type IamArnKind =
  | 'account'
  | 'role'
  | 'service-linked-role'
  | 'assumed-role'
  | 'user'
  | 'instance-profile'
  | 'managed-policy'
  | 'oidc-provider'
  | 'saml-provider';

export interface IamArnInfo {
  readonly kind: IamArnKind;
  readonly partition: string;
  /** Account ID, "aws" for AWS managed policies, or a wildcard as written. */
  readonly account: string;
  /** The path between the resource type and the name, "/" when none, e.g. "/aws-service-role/ecs.amazonaws.com/". */
  readonly path: string;
  readonly name: string;
  /** For service-linked roles: the principal in the path, or the owner of a known AWSServiceRoleFor… name. */
  readonly servicePrincipal?: string;
  readonly service?: ServicePrincipalInfo;
}

const ACCOUNT_ID = /^\d{12}$/;

/**
 * Reads an IAM ARN or a 12-digit account ID. Returns undefined for anything else, including ARNs of
 * other services, so callers can try this on every string cheaply.
 */
export function parseIamArn(value: string): IamArnInfo | undefined {
  const text = value.trim();
  if (ACCOUNT_ID.test(text)) return { kind: 'account', partition: 'aws', account: text, path: '/', name: text };
  if (!text.startsWith('arn:')) return undefined;
  const parts = splitArn(text);
  if (parts.length < 6) return undefined;
  const [, partition, service, , account] = parts as [string, string, string, string, string];
  const resource = parts.slice(5).join(':');
  if (service === 'sts') {
    const assumed = /^assumed-role\/([^/]+)\/(.+)$/.exec(resource);
    return assumed ? { kind: 'assumed-role', partition, account, path: '/', name: assumed[1]! } : undefined;
  }
  if (service !== 'iam') return undefined;
  if (resource === 'root') return { kind: 'account', partition, account, path: '/', name: account };
  const slash = resource.indexOf('/');
  if (slash < 0) return undefined;
  const type = resource.slice(0, slash);
  const rest = resource.slice(slash + 1);
  const lastSlash = rest.lastIndexOf('/');
  const path = lastSlash < 0 ? '/' : `/${rest.slice(0, lastSlash + 1)}`;
  const name = rest.slice(lastSlash + 1);
  switch (type) {
    case 'role':
      return roleInfo(partition, account, path, name);
    case 'user':
      return { kind: 'user', partition, account, path, name };
    case 'instance-profile':
      return { kind: 'instance-profile', partition, account, path, name };
    case 'policy':
      return { kind: 'managed-policy', partition, account, path, name };
    case 'oidc-provider':
      return { kind: 'oidc-provider', partition, account, path: '/', name: rest };
    case 'saml-provider':
      return { kind: 'saml-provider', partition, account, path: '/', name: rest };
    default:
      return undefined;
  }
}

function roleInfo(partition: string, account: string, path: string, name: string): IamArnInfo {
  const linkedPath = /^\/aws-service-role\/([^/]+)\/$/.exec(path);
  if (linkedPath) {
    const principal = linkedPath[1]!;
    return { kind: 'service-linked-role', partition, account, path, name, servicePrincipal: principal, service: servicePrincipal(principal) ?? serviceOfLinkedRoleName(name) };
  }
  if (/^AWSServiceRoleFor/i.test(name)) {
    const service = serviceOfLinkedRoleName(name);
    return { kind: 'service-linked-role', partition, account, path, name, servicePrincipal: service?.principal, service };
  }
  return { kind: 'role', partition, account, path, name };
}

/** Splits an ARN at its colons, except those inside a template reference such as `${AWS::AccountId}`. */
function splitArn(text: string): string[] {
  if (!text.includes('${')) return text.split(':');
  const parts: string[] = [];
  let start = 0;
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    if (text.startsWith('${', i)) depth++;
    else if (text[i] === '}' && depth > 0) depth--;
    else if (text[i] === ':' && depth === 0) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts;
}
