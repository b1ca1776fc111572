import type { NewRoleSpec, TrustedEntity } from './buildRole';
import { serviceUseCase } from './useCases';

const ACCOUNT = /^\d{12}$/;
// IAM role names: up to 64 of letters, digits and +=,.@_- (CreateRole's RoleName).
const ROLE_NAME = /^[\w+=,.@-]{1,64}$/;

/**
 * Checks a role request that arrived over the wire (from the editor, or any LSP client) and returns the
 * spec, or a message saying what is wrong. Nothing is trusted: every field is checked for type and form.
 */
export function readNewRoleSpec(raw: unknown): NewRoleSpec | string {
  if (!raw || typeof raw !== 'object') return 'No role was described.';
  const spec = raw as Record<string, unknown>;
  if (typeof spec.name !== 'string' || !ROLE_NAME.test(spec.name)) return 'A role name is 1 to 64 letters, digits or +=,.@_- characters.';
  const trust = readTrust(spec.trust);
  if (typeof trust === 'string') return trust;
  const managed = strings(spec.managedPolicyArns);
  if (managed === undefined || managed.some((arn) => !/^arn:aws[\w-]*:iam::(aws|\d{12}):policy\/[\w+=,.@/-]+$/.test(arn))) return 'Managed policies are given by their ARNs.';
  const actions = strings(spec.inlineActions);
  if (actions === undefined || actions.some((action) => !/^[\w-]+:[\w*?]+$/.test(action))) return 'Inline policy actions are written service:Action.';
  const resources = strings(spec.inlineResources);
  if (resources === undefined || resources.some((resource) => resource !== '*' && !resource.startsWith('arn:'))) return 'The inline policy resources must be ARNs or "*".';
  return { name: spec.name, trust, managedPolicyArns: managed, inlineActions: actions, inlineResources: resources.length > 0 ? resources : undefined };
}

function readTrust(raw: unknown): TrustedEntity | string {
  if (!raw || typeof raw !== 'object') return 'Choose who may assume the role.';
  const t = raw as Record<string, unknown>;
  const text = (key: string) => (typeof t[key] === 'string' ? (t[key] as string).trim() : '');
  const account = text('account');
  const needAccount = () => (ACCOUNT.test(account) ? undefined : 'An AWS account ID is 12 digits.');
  switch (t.kind) {
    case 'service':
      if (!serviceUseCase(text('useCase'))) return 'Choose one of the offered services.';
      return needAccount() ?? { kind: 'service', useCase: text('useCase'), account };
    case 'account': {
      if (!ACCOUNT.test(text('trustedAccount'))) return 'An AWS account ID is 12 digits.';
      const externalId = text('externalId');
      if (externalId && !/^[\w+=,.@:/-]{2,1224}$/.test(externalId)) return 'An external ID is 2 to 1224 letters, digits or +=,.@:/_- characters.';
      return { kind: 'account', trustedAccount: text('trustedAccount'), externalId: externalId || undefined, requireMfa: t.requireMfa === true };
    }
    case 'github':
      if (!/^[\w.-]+\/[\w.-]+$/.test(text('repository'))) return 'Name the repository as owner/name.';
      if (text('branch') && !/^[\w./-]+$/.test(text('branch'))) return 'That is not a branch name.';
      return needAccount() ?? { kind: 'github', account, repository: text('repository'), branch: text('branch') || undefined };
    case 'eks':
      if (!/^(https:\/\/)?oidc\.eks\.[a-z0-9-]+\.amazonaws\.com\/id\/[A-Za-z0-9]+\/?$/.test(text('issuer'))) return 'The EKS OIDC issuer looks like https://oidc.eks.REGION.amazonaws.com/id/ID.';
      if (!/^[a-z0-9-]+$/.test(text('namespace')) || !/^[a-z0-9.-]+$/.test(text('serviceAccount'))) return 'Name the Kubernetes namespace and service account.';
      return needAccount() ?? { kind: 'eks', account, issuer: text('issuer'), namespace: text('namespace'), serviceAccount: text('serviceAccount') };
    case 'cognito':
      if (!/^[a-z]{2}-[a-z]+-\d:[0-9a-f-]{36}$/.test(text('identityPoolId'))) return 'A Cognito identity pool ID looks like us-east-1:12345678-1234-1234-1234-123456789012.';
      return { kind: 'cognito', identityPoolId: text('identityPoolId') };
    case 'saml':
      if (!/^[\w.-]{1,128}$/.test(text('provider'))) return 'Name the SAML provider as it is in IAM.';
      return needAccount() ?? { kind: 'saml', account, provider: text('provider') };
    default:
      return 'Choose who may assume the role.';
  }
}

function strings(raw: unknown): string[] | undefined {
  if (raw === undefined) return [];
  return Array.isArray(raw) && raw.every((item) => typeof item === 'string') ? [...raw] : undefined;
}
