import { matchesGlob } from '../match/wildcard';
import type { Caller } from './principal';
import type { Decision, PrincipalKind, ServiceRuleOutcome } from './types';

/**
 * Rules the services enforce whatever the policies say, kept as data with the page that states
 * each (docs/evaluation.md, "Service rules", quotes them). Two kinds:
 * - actions that need no permission: AWS answers them for the listed callers without consulting
 *   any policy, so even an explicit Deny does not stop them;
 * - guardrails: changes to resources AWS owns that no customer caller may make. They come after the
 *   policies (an explicit or implicit deny stays what it is); an Allow becomes a refusal.
 * Add a rule by adding an entry: the simulator, the CLI, the editor and test files all read these.
 */
export interface NoPermissionAction {
  readonly id: string;
  /** Lower-cased `service:action`. */
  readonly action: string;
  /** The callers AWS answers without a permission; other callers are evaluated as usual. */
  readonly callers: readonly PrincipalKind[];
  readonly reason: string;
  readonly source: string;
}

export interface ServiceGuardrail {
  readonly id: string;
  /** Lower-cased `service:action` names the service refuses on the resources below. */
  readonly actions: readonly string[];
  /** Resource ARN globs (`*` any run, `?` one character), matched case-sensitively. */
  readonly resources: readonly string[];
  /** Callers the guardrail does not stop (the owning service acting itself). */
  readonly exempt?: (caller: Caller) => boolean;
  readonly reason: string;
  readonly source: string;
}

/** Callers that sign requests with AWS credentials; `unknown` is the identity-only simulation. */
const AUTHENTICATED: readonly PrincipalKind[] = ['user', 'role-session', 'federated-user', 'root', 'unknown'];

export const NO_PERMISSION_ACTIONS: readonly NoPermissionAction[] = [
  {
    id: 'sts-get-caller-identity',
    action: 'sts:getcalleridentity',
    callers: AUTHENTICATED,
    reason:
      'sts:GetCallerIdentity needs no permission: "No permissions are required to perform this operation. If an administrator attaches a policy to your identity that explicitly denies access to the sts:GetCallerIdentity action, you can still perform this operation."',
    source: 'https://docs.aws.amazon.com/STS/latest/APIReference/API_GetCallerIdentity.html',
  },
  {
    id: 'sts-get-session-token',
    action: 'sts:getsessiontoken',
    // Called with the long-term credentials of an IAM user or the root user.
    callers: ['user', 'root', 'unknown'],
    reason:
      'sts:GetSessionToken needs no permission: "No permissions are required for a user to get a session token. The purpose of the GetSessionToken operation is to authenticate the user using MFA. You cannot use policies to control authentication operations."',
    source: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_temp_control-access_getsessiontoken.html',
  },
];

const SSO_ROLES = 'arn:*:iam::*:role/aws-reserved/sso.amazonaws.com/*';
const SERVICE_LINKED_ROLES = 'arn:*:iam::*:role/aws-service-role/*';
const AWS_MANAGED_KEY_ALIASES = 'arn:*:kms:*:*:alias/aws/*';

export const SERVICE_GUARDRAILS: readonly ServiceGuardrail[] = [
  {
    id: 'aws-managed-policy',
    actions: ['iam:createpolicy', 'iam:createpolicyversion', 'iam:deletepolicyversion', 'iam:setdefaultpolicyversion', 'iam:deletepolicy', 'iam:tagpolicy', 'iam:untagpolicy'],
    resources: ['arn:*:iam::aws:policy/*'],
    reason: 'AWS managed policies cannot be created, changed, versioned, tagged or deleted by any customer caller: "You cannot change the permissions defined in AWS managed policies."',
    source: 'https://docs.aws.amazon.com/aws-managed-policy/latest/reference/about-managed-policy-reference.html',
  },
  {
    id: 'identity-center-role',
    actions: [
      'iam:updateassumerolepolicy',
      'iam:putrolepolicy',
      'iam:deleterolepolicy',
      'iam:attachrolepolicy',
      'iam:detachrolepolicy',
      'iam:putrolepermissionsboundary',
      'iam:deleterolepermissionsboundary',
      'iam:updaterole',
      'iam:updateroledescription',
      'iam:deleterole',
      'iam:tagrole',
      'iam:untagrole',
    ],
    resources: [SSO_ROLES],
    exempt: (caller) => caller.service === 'sso.amazonaws.com' || caller.roleName === 'AWSServiceRoleForSSO',
    reason:
      'Roles under /aws-reserved/sso.amazonaws.com/ belong to IAM Identity Center: "Cannot perform the operation on the protected role … this role is only modifiable by AWS"; change the permission set in IAM Identity Center instead.',
    source: 'https://docs.aws.amazon.com/singlesignon/latest/userguide/troubleshooting.html',
  },
  {
    id: 'aws-managed-kms-key',
    actions: [
      'kms:putkeypolicy',
      'kms:updatekeydescription',
      'kms:tagresource',
      'kms:untagresource',
      'kms:enablekey',
      'kms:disablekey',
      'kms:enablekeyrotation',
      'kms:disablekeyrotation',
      'kms:schedulekeydeletion',
      'kms:createalias',
      'kms:updatealias',
      'kms:deletealias',
    ],
    // An AWS managed key is known offline by its alias/aws/<service> alias.
    resources: [AWS_MANAGED_KEY_ALIASES],
    reason:
      'AWS managed KMS keys and their alias/aws/* aliases are managed by the AWS service that created them: "You cannot edit any properties of AWS managed keys", and "The alias/aws/ prefix is reserved for AWS managed keys."',
    source: 'https://docs.aws.amazon.com/kms/latest/developerguide/editing-keys.html',
  },
  {
    id: 'service-linked-role',
    actions: [
      'iam:attachrolepolicy',
      'iam:detachrolepolicy',
      'iam:putrolepolicy',
      'iam:deleterolepolicy',
      'iam:putrolepermissionsboundary',
      'iam:deleterolepermissionsboundary',
      'iam:updateassumerolepolicy',
      'iam:updaterole',
      'iam:deleterole',
      'iam:addroletoinstanceprofile',
      'iam:removerolefrominstanceprofile',
    ],
    resources: [SERVICE_LINKED_ROLES],
    exempt: (caller) => caller.kind === 'service',
    reason:
      'Service-linked roles are protected: "Only the service that depends on the service-linked role can modify or delete the role on your behalf" (UnmodifiableEntity); delete one with iam:DeleteServiceLinkedRole.',
    source: 'https://docs.aws.amazon.com/IAM/latest/APIReference/API_UpdateAssumeRolePolicy.html',
  },
];

const NO_PERMISSION = new Map(NO_PERMISSION_ACTIONS.map((rule) => [rule.action, rule]));
const GUARDED = new Set(SERVICE_GUARDRAILS.flatMap((rule) => rule.actions));
/** The services the rules name: a request for any other (nearly all of them) is passed over by one lookup. */
const RULE_SERVICES = new Set([...NO_PERMISSION.keys(), ...GUARDED].map((action) => action.slice(0, action.indexOf(':'))));

/**
 * The rule that decides the request whatever the policies say, if any. `action` is lower-cased and
 * `service` its prefix, which the request has already worked out. Looking the whole action up first
 * (a new string every request, so hashed anew each time) was most of what the service rules added to
 * simulating every catalogue action.
 */
export function serviceRuleFor(action: string, service: string | undefined, resource: string, caller: Caller, policyDecision: Decision): ServiceRuleOutcome | undefined {
  return service !== undefined && RULE_SERVICES.has(service) ? ruleFor(action, resource, caller, policyDecision) : undefined;
}

function ruleFor(action: string, resource: string, caller: Caller, policyDecision: Decision): ServiceRuleOutcome | undefined {
  const free = NO_PERMISSION.get(action);
  if (free !== undefined) {
    if (!free.callers.includes(caller.kind)) return undefined;
    return { id: free.id, kind: 'no-permission', decision: 'Allow', reason: free.reason, source: free.source, policyDecision };
  }
  if (!GUARDED.has(action)) return undefined;
  for (const rule of SERVICE_GUARDRAILS) {
    if (!rule.actions.includes(action) || !rule.resources.some((glob) => matchesGlob(glob, resource))) continue;
    if (rule.exempt?.(caller)) continue;
    // Authorization comes first: a request the policies deny fails there, and the service never sees it.
    const decision = policyDecision === 'Allow' ? 'ImplicitDeny' : policyDecision;
    return { id: rule.id, kind: 'guardrail', decision, reason: rule.reason, source: rule.source, policyDecision };
  }
  return undefined;
}
