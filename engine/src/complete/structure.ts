import type { PolicyType } from '../document/model';
import type { Candidate } from './types';

/** Policy grammar knowledge for structure completion: which elements each policy type takes. */

const REF = 'https://docs.aws.amazon.com/IAM/latest/UserGuide';

export interface ElementInfo {
  readonly name: string;
  /** Snippet for the value, e.g. `"$1"` or `[\n\t"$1"\n]`. */
  readonly valueSnippet: string;
  readonly documentation: string;
}

const ELEMENT: Record<string, ElementInfo> = {
  Version: { name: 'Version', valueSnippet: '"2012-10-17"', documentation: `The policy language version. Always use \`2012-10-17\`: under the older \`2008-10-17\` (or with no Version) policy variables such as \`\${aws:username}\` are not replaced. [Version](${REF}/reference_policies_elements_version.html)` },
  Id: { name: 'Id', valueSnippet: '"$1"', documentation: `An optional identifier for the policy, used by some services (for example SQS and SNS). Do not use it in identity policies. [Id](${REF}/reference_policies_elements_id.html)` },
  Statement: { name: 'Statement', valueSnippet: '[\n\t{\n\t\t$0\n\t}\n]', documentation: `The list of statements. Each statement allows or denies actions, on resources, optionally for principals and under conditions. [Statement](${REF}/reference_policies_elements_statement.html)` },
  Sid: { name: 'Sid', valueSnippet: '"$1"', documentation: `An optional statement ID. In IAM policies only letters and digits are allowed, and Sids must be unique within the policy. [Sid](${REF}/reference_policies_elements_sid.html)` },
  Effect: { name: 'Effect', valueSnippet: '"${1|Allow,Deny|}"', documentation: `\`Allow\` or \`Deny\` (case-sensitive). An explicit Deny in any applicable policy overrides every Allow. [Effect](${REF}/reference_policies_elements_effect.html)` },
  Principal: { name: 'Principal', valueSnippet: '{\n\t"${1|AWS,Service,Federated|}": "$2"\n}', documentation: `Who the statement applies to: AWS accounts and IAM principals, AWS services, or federated identity providers. Required in resource-based and trust policies, not allowed in identity policies. [Principal](${REF}/reference_policies_elements_principal.html)` },
  NotPrincipal: { name: 'NotPrincipal', valueSnippet: '{\n\t"AWS": "$1"\n}', documentation: `Everyone except the listed principals. Only sensible with \`Deny\`; not allowed in identity or trust policies. Prefer \`Principal\` with conditions on \`aws:PrincipalArn\`. [NotPrincipal](${REF}/reference_policies_elements_notprincipal.html)` },
  Action: { name: 'Action', valueSnippet: '[\n\t"$1"\n]', documentation: `The actions the statement covers, written \`service:Action\`; \`*\` and \`?\` wildcards allowed, case-insensitive. [Action](${REF}/reference_policies_elements_action.html)` },
  NotAction: { name: 'NotAction', valueSnippet: '[\n\t"$1"\n]', documentation: `Every action except the listed ones. With \`Allow\` it grants far more than it seems (including actions added in the future); mostly useful with \`Deny\`. [NotAction](${REF}/reference_policies_elements_notaction.html)` },
  Resource: { name: 'Resource', valueSnippet: '[\n\t"$1"\n]', documentation: `The resources the statement covers, as ARNs (wildcards allowed) or \`*\`. Required in identity and resource-based policies, not allowed in trust policies. [Resource](${REF}/reference_policies_elements_resource.html)` },
  NotResource: { name: 'NotResource', valueSnippet: '[\n\t"$1"\n]', documentation: `Every resource except the listed ones. With \`Allow\` it grants access to resources you may not expect. [NotResource](${REF}/reference_policies_elements_notresource.html)` },
  Condition: { name: 'Condition', valueSnippet: '{\n\t"$1": {\n\t\t"$2": "$3"\n\t}\n}', documentation: `When the statement applies: \`{"Operator": {"key": value}}\`. Operators and keys are ANDed; several values for one key are ORed. [Condition](${REF}/reference_policies_elements_condition.html)` },
};

export function elementInfo(name: string): ElementInfo | undefined {
  return Object.prototype.hasOwnProperty.call(ELEMENT, name) ? ELEMENT[name] : undefined;
}

/** Statement elements each policy type accepts (iam-semantics §14). */
const STATEMENT_ELEMENTS: Record<PolicyType, readonly string[]> = {
  identity: ['Sid', 'Effect', 'Action', 'NotAction', 'Resource', 'NotResource', 'Condition'],
  boundary: ['Sid', 'Effect', 'Action', 'NotAction', 'Resource', 'NotResource', 'Condition'],
  session: ['Sid', 'Effect', 'Action', 'NotAction', 'Resource', 'NotResource', 'Condition'],
  scp: ['Sid', 'Effect', 'Action', 'NotAction', 'Resource', 'NotResource', 'Condition'],
  trust: ['Sid', 'Effect', 'Principal', 'Action', 'Condition'],
  resource: ['Sid', 'Effect', 'Principal', 'NotPrincipal', 'Action', 'NotAction', 'Resource', 'NotResource', 'Condition'],
  rcp: ['Sid', 'Effect', 'Principal', 'Action', 'Resource', 'NotResource', 'Condition'],
};

const EXCLUSIVE: Record<string, string> = {
  Action: 'NotAction', NotAction: 'Action', Resource: 'NotResource', NotResource: 'Resource', Principal: 'NotPrincipal', NotPrincipal: 'Principal',
};

export function statementElements(type: PolicyType, present: readonly string[]): string[] {
  return STATEMENT_ELEMENTS[type].filter((name) => !present.includes(name) && !present.includes(EXCLUSIVE[name] ?? ''));
}

export function policyElements(type: PolicyType, present: readonly string[]): string[] {
  const names = type === 'resource' ? ['Version', 'Id', 'Statement'] : ['Version', 'Statement'];
  return names.filter((name) => !present.includes(name));
}

export function effectValues(type: PolicyType): Candidate[] {
  const values: [string, string][] = [
    ['Allow', 'Grants the actions, if no Deny applies and every other applicable policy type (SCP, boundary, session policy) allows them too.'],
    ['Deny', 'Refuses the actions. An explicit Deny wins over any Allow, in any policy.'],
  ];
  const allowed = type === 'rcp' ? values.filter(([v]) => v === 'Deny') : values;
  return allowed.map(([label, documentation]) => ({ label, kind: 'value', documentation, sortText: label === 'Allow' ? '0' : '1' }));
}

export const VERSION_VALUES: readonly Candidate[] = [
  { label: '2012-10-17', kind: 'value', detail: 'current', documentation: 'The current policy language version; required for policy variables.', sortText: '0' },
  { label: '2008-10-17', kind: 'value', detail: 'legacy', documentation: 'The original policy language. Policy variables are not supported: `${...}` is taken literally. Use `2012-10-17`.', sortText: '1' },
];

/** A whole statement for the policy type, as a snippet. */
export function statementSnippet(type: PolicyType): Candidate {
  const lines = ['{', '\t"Sid": "${1:Statement1}",', `\t"Effect": "\${2|${type === 'rcp' ? 'Deny' : 'Allow,Deny'}|}",`];
  if (type === 'trust') {
    lines.push('\t"Principal": {', '\t\t"${3|Service,AWS,Federated|}": "$4"', '\t},', '\t"Action": "${5:sts:AssumeRole}"');
  } else if (type === 'resource' || type === 'rcp') {
    lines.push('\t"Principal": {', `\t\t"AWS": "\${3:${type === 'rcp' ? '*' : 'arn:aws:iam::111122223333:root'}}"`, '\t},', '\t"Action": [', '\t\t"$4"', '\t],', '\t"Resource": [', '\t\t"$5"', '\t]');
  } else {
    lines.push('\t"Action": [', '\t\t"$3"', '\t],', '\t"Resource": [', '\t\t"$4"', '\t]');
  }
  lines.push('}');
  return {
    label: 'Statement',
    kind: 'snippet',
    detail: `new ${type} policy statement`,
    documentation: `Inserts a statement with the elements a ${type} policy needs.`,
    insertText: lines.join('\n'),
    isSnippet: true,
  };
}
