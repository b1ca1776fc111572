import type { Policy } from '../../document/model';
import { SERVICE_GUARDRAILS } from '../../evaluate/serviceRules';
import { hasWildcard } from '../../match/wildcard';
import { globCovers } from '../support/globs';
import { describeActions, grantsOf, policyGrants } from '../support/grants';
import { actionEntryFor } from '../support/statements';
import { elementKeyTarget, valueTarget } from '../targets';
import type { ReportTarget, Rule } from '../types';

/** Actions that on their own let a principal raise its own permissions (policy_sentry, cloudsplaining). */
const SINGLE = [
  'iam:CreatePolicyVersion',
  'iam:SetDefaultPolicyVersion',
  'iam:AttachUserPolicy',
  'iam:AttachGroupPolicy',
  'iam:AttachRolePolicy',
  'iam:PutUserPolicy',
  'iam:PutGroupPolicy',
  'iam:PutRolePolicy',
  'iam:CreateAccessKey',
  'iam:CreateLoginProfile',
  'iam:UpdateLoginProfile',
  'iam:AddUserToGroup',
  'iam:DeleteUserPermissionsBoundary',
  'iam:DeleteRolePermissionsBoundary',
  'lambda:UpdateFunctionCode',
];

/** Actions that escalate together: passing a role to something that runs the principal's code. */
const COMBINATIONS: readonly (readonly string[])[] = [
  ['iam:PassRole', 'lambda:CreateFunction', 'lambda:InvokeFunction'],
  ['iam:PassRole', 'lambda:CreateFunction', 'lambda:CreateEventSourceMapping'],
  ['iam:PassRole', 'ec2:RunInstances'],
  ['iam:PassRole', 'glue:CreateDevEndpoint'],
  ['iam:PassRole', 'cloudformation:CreateStack'],
  ['iam:PassRole', 'datapipeline:CreatePipeline', 'datapipeline:PutPipelineDefinition'],
  ['iam:PassRole', 'sagemaker:CreateNotebookInstance', 'sagemaker:CreatePresignedNotebookInstanceUrl'],
  ['iam:PassRole', 'codebuild:CreateProject', 'codebuild:StartBuild'],
  ['iam:PassRole', 'ecs:RegisterTaskDefinition', 'ecs:RunTask'],
  ['iam:UpdateAssumeRolePolicy', 'sts:AssumeRole'],
];

export const privilegeEscalation: Rule = {
  meta: {
    id: 'IAM307',
    name: 'privilege-escalation',
    severity: 'warning',
    category: 'security',
    description:
      'Some actions, alone (iam:AttachUserPolicy, iam:CreatePolicyVersion, ...) or together (iam:PassRole with lambda:CreateFunction and lambda:InvokeFunction, ...), let a principal give itself more permissions than the policy grants.',
    parliament: 'PRIVILEGE_ESCALATION',
  },
  scope: 'policy',
  check({ policy, report }) {
    if (policy.type !== 'identity' && policy.type !== 'session') return;
    for (const statement of policy.statements) {
      if (statement.condition || !reachesBroadly(statement)) continue;
      const ownUserOnly = reachesOwnUserOnly(statement);
      for (const grant of grantsOf(statement, SINGLE)) {
        const actions = grant.actions.filter((action) => !(ownUserOnly && OWN_CREDENTIALS.has(action)) && !refusedOnEveryResource(action, statement));
        if (actions.length === 0) continue;
        report(
          grant.target,
          `${describeActions(actions)} can be used to escalate privileges: scope the resources to what this principal may change, or add a condition such as iam:PermissionsBoundary.`,
        );
      }
    }
    reportCombinations(policy, report);
  },
};

/**
 * Credentials of a user: someone else's let the holder act as that user, but a user's own add nothing
 * to what it may do. The IAM User Guide's policies that let users manage their own credentials grant
 * these on "arn:aws:iam::*:user/${aws:username}".
 */
const OWN_CREDENTIALS = new Set(['iam:CreateAccessKey', 'iam:CreateLoginProfile', 'iam:UpdateLoginProfile']);
const OWN_USER = /^arn:aws[a-z-]*:iam::(\d{12}|\*)?:user\/(.*\/)?\$\{aws:username\}$/i;

/** Whether every Resource of the statement is the calling user's own (through ${aws:username}). */
function reachesOwnUserOnly(statement: Policy['statements'][number]): boolean {
  const element = statement.resource;
  return element?.keyword === 'Resource' && element.values.length > 0 && element.values.every((entry) => OWN_USER.test(entry.value));
}

/**
 * Whether the owning service refuses `action` on every Resource of the statement, whoever asks: IAM
 * answers iam:AttachRolePolicy on a service-linked role with UnmodifiableEntity, so granting it on
 * "role/aws-service-role/*" (as the FSx CSI drivers' documented policies do) escalates nothing. The
 * simulator's service guardrails say which actions and resources.
 */
function refusedOnEveryResource(action: string, statement: Policy['statements'][number]): boolean {
  const element = statement.resource;
  if (element?.keyword !== 'Resource' || element.values.length === 0) return false;
  const lower = action.toLowerCase();
  const guardrails = SERVICE_GUARDRAILS.filter((guardrail) => guardrail.actions.includes(lower));
  return guardrails.length > 0 && element.values.every((entry) => guardrails.some((guardrail) => guardrail.resources.some((glob) => globCovers(glob, entry.value))));
}

function reachesBroadly(statement: Policy['statements'][number]): boolean {
  const element = statement.resource;
  return !element || element.keyword === 'NotResource' || element.values.some((entry) => hasWildcard(entry.value));
}

function reportCombinations(policy: Policy, report: Parameters<typeof privilegeEscalation.check>[0]['report']): void {
  // iam:PassRole is in most combinations: ask once per policy, not once per combination.
  const granting = new Map<string, ReturnType<typeof policyGrants>>();
  const grantOf = (action: string) => {
    if (!granting.has(action)) granting.set(action, policyGrants(policy, action));
    return granting.get(action);
  };
  // One finding per place: "Action": "*" completes every combination, and ten findings on one "*" say less than one.
  const byTarget = new Map<string, { readonly target: ReportTarget; readonly combinations: (readonly string[])[] }>();
  for (const combination of COMBINATIONS) {
    const statements = combination.map(grantOf);
    if (statements.some((statement) => !statement || statement.condition || !reachesBroadly(statement))) continue;
    const first = statements[0]!;
    if (refusedOnEveryResource(combination[0]!, first)) continue;
    const entry = actionEntryFor(first, combination[0]!);
    const target = entry ? valueTarget(entry) : elementKeyTarget(first, first.action!.property);
    const key = `${target.span.offset}:${target.span.length}`;
    if (!byTarget.has(key)) byTarget.set(key, { target, combinations: [] });
    byTarget.get(key)!.combinations.push(combination);
  }
  for (const { target, combinations } of byTarget.values()) report(target, combinationsMessage(combinations));
}

/** What the combinations found at one place let a principal do, and which action to restrict. */
function combinationsMessage(combinations: readonly (readonly string[])[]): string {
  const leads = [...new Set(combinations.map((combination) => combination[0]!))];
  const parts = leads.map((lead) => {
    const others = combinations.filter((combination) => combination[0] === lead).map((combination) => combination.slice(1).join(' + '));
    const listed = others.length <= MAX_LISTED ? others.join(' or ') : `${others.slice(0, MAX_LISTED).join(', ')} or ${others.length - MAX_LISTED} other sets`;
    return `together with ${listed}, ${lead} ${LEAD_EFFECT[lead] ?? 'lets a principal act as a more powerful role'}`;
  });
  const text = `${parts.join('; ')}: restrict ${leads.join(' and ')} to specific roles, or drop the other actions.`;
  return text[0]!.toUpperCase() + text.slice(1);
}

const MAX_LISTED = 3;

const LEAD_EFFECT: Readonly<Record<string, string>> = {
  'iam:PassRole': 'lets a principal run code as a more powerful role',
  'iam:UpdateAssumeRolePolicy': 'lets a principal make a role trust it and then act as that role',
};
