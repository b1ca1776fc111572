import { renderValue } from '../document/unknown';
import type { Policy, PrincipalEntry, Statement } from '../document/model';
import type { Span, ValueNode } from '../document/tree';
import {
  explainAwsPrincipalTrust,
  explainEc2InstanceRole,
  explainPublicTrust,
  explainSamlRole,
  explainServiceLinkedRole,
  explainServiceRole,
  explainWebIdentityRole,
} from './explain';
import { parseIamArn } from './iamArn';
import { identityProvider, type IdentityProviderInfo } from './identityProviders';
import { escapeMarkdown } from './markdown';
import { servicePrincipal, type ServicePrincipalInfo } from './servicePrincipals';
import { trustedAwsPrincipal, type TrustedAwsPrincipal } from './trustedPrincipal';

export type RoleKind =
  | 'ec2-instance-role'
  | 'service-role'
  | 'service-linked-role'
  /** Trusts an account, role or user of another account than the role's own. */
  | 'cross-account-role'
  /** Trusts the role's own account, or a role or user in it. */
  | 'same-account-role'
  /** Trusts an account, role or user, and the file does not say which account the role itself is in. */
  | 'aws-principal-role'
  | 'web-identity-role'
  | 'saml-role'
  | 'public';

/** One principal of a trust policy and the role kind it makes. */
export interface RoleKindFinding {
  readonly kind: RoleKind;
  /** Short plain-text name, e.g. "EC2 instance role (service role for Amazon EC2)"; escape it for Markdown. */
  readonly label: string;
  /** The principal value as written. */
  readonly principal: string;
  readonly span: Span;
  readonly statementIndex: number;
  readonly service?: ServicePrincipalInfo;
  readonly provider?: IdentityProviderInfo;
  /** For AWS principals: what is trusted, in which account, and how that account relates to the role's. */
  readonly trusted?: TrustedAwsPrincipal;
  /** Markdown explanation of the kind. */
  readonly explanation: string;
}

export interface TrustClassification {
  readonly findings: readonly RoleKindFinding[];
  /** Plain text, e.g. "Role kind: EC2 instance role (service role for Amazon EC2)". */
  readonly headline: string;
  /** Headline plus one explanation per distinct kind. */
  readonly markdown: string;
}

/** What classification knows about the role beyond its trust policy. */
export interface TrustContext {
  /** The account the role is in, when the file says (an authorization-details dump names the role's ARN). */
  readonly ownAccount?: string;
}

/**
 * What kind of role a trust policy makes, from the principals its Allow statements trust. A policy that
 * trusts several kinds of principal lists each; undefined when it trusts nothing recognisable.
 */
export function classifyTrustPolicy(policy: Policy): TrustClassification | undefined {
  const context: TrustContext = { ownAccount: policy.owner?.kind === 'role' ? policy.owner.account : undefined };
  const findings: RoleKindFinding[] = [];
  for (const statement of policy.statements) {
    if (statement.effectValue === 'Deny' || !statement.principal || statement.principal.keyword !== 'Principal') continue;
    if (statement.principal.wildcard) {
      const node = statement.principal.wildcard;
      findings.push({ kind: 'public', label: 'trusts everyone ("*")', principal: '*', span: node.span, statementIndex: statement.index, explanation: explainPublicTrust() });
    }
    for (const entry of statement.principal.entries) {
      for (const value of principalValues(entry, policy.allowsIntrinsics)) {
        const finding = classifyPrincipal(entry.type, value.text, statement, context);
        if (finding) findings.push({ ...finding, span: value.span, statementIndex: statement.index });
      }
    }
  }
  if (findings.length === 0) return undefined;
  const labels = [...new Set(findings.map((f) => f.label))];
  const headline = `Role kind: ${labels.join('; ')}`;
  const seen = new Set<string>();
  const explanations: string[] = [];
  for (const finding of findings) {
    const key = `${finding.kind}:${finding.service?.principal ?? finding.provider?.principal ?? finding.trusted?.what ?? ''}`;
    if (seen.has(key)) continue;
    seen.add(key);
    explanations.push(finding.explanation);
  }
  const markdownHeadline = `Role kind: ${labels.map(escapeMarkdown).join('; ')}`;
  return { findings, headline, markdown: [`**${markdownHeadline}**`, '', ...explanations.flatMap((e, i) => (i === 0 ? [e] : ['', '---', '', e]))].join('\n') };
}

type PartialFinding = Omit<RoleKindFinding, 'span' | 'statementIndex'>;

/** The role kind one principal value makes; `type` is the Principal key (AWS, Service, Federated, ...). */
export function classifyPrincipal(type: string, value: string, statement?: Statement, context: TrustContext = {}): PartialFinding | undefined {
  const conditionKeys = statement ? conditionKeysOf(statement) : [];
  if (type === 'Service') {
    const service = servicePrincipal(value);
    if (value.trim().toLowerCase() === 'ec2.amazonaws.com') {
      return { kind: 'ec2-instance-role', label: 'EC2 instance role (service role for Amazon EC2)', principal: value, service, explanation: explainEc2InstanceRole() };
    }
    return { kind: 'service-role', label: `service role for ${service?.service ?? value}`, principal: value, service, explanation: explainServiceRole(value, service) };
  }
  if (type === 'Federated') {
    const provider = identityProvider(value);
    if (provider?.protocol === 'saml' || /:saml-provider\//i.test(value)) {
      return { kind: 'saml-role', label: 'SAML 2.0 federation role', principal: value, provider, explanation: explainSamlRole(value, provider) };
    }
    const label = /token\.actions\.githubusercontent\.com/i.test(value) ? 'web identity role for GitHub Actions (OIDC)' : `web identity (OIDC) role for ${provider?.name ?? value}`;
    return { kind: 'web-identity-role', label, principal: value, provider, explanation: explainWebIdentityRole(value, provider, conditionKeys) };
  }
  if (type === 'AWS') {
    if (value.trim() === '*') {
      return { kind: 'public', label: 'trusts everyone ("*")', principal: value, explanation: explainPublicTrust() };
    }
    const arn = parseIamArn(value);
    if (arn?.kind === 'service-linked-role') {
      return { kind: 'service-linked-role', label: 'trusts a service-linked role', principal: value, service: arn.service, explanation: explainServiceLinkedRole(arn, arn.service, arn.servicePrincipal) };
    }
    const trusted = trustedAwsPrincipal(value, context.ownAccount);
    if (!trusted) return undefined;
    const hasExternalId = conditionKeys.some((key) => key.toLowerCase() === 'sts:externalid');
    const kind: RoleKind = trusted.relation === 'same' ? 'same-account-role' : trusted.relation === 'other' ? 'cross-account-role' : 'aws-principal-role';
    return { kind, label: trustLabel(trusted), principal: value, trusted, explanation: explainAwsPrincipalTrust(trusted, hasExternalId) };
  }
  return undefined;
}

/** "cross-account role (trusts role Deployer of account 444455556666)" and the like; plain text. */
function trustLabel(trusted: TrustedAwsPrincipal): string {
  const account = trusted.relation === 'same' ? 'its own account' : `account ${trusted.account}`;
  const what =
    trusted.what === 'account'
      ? trusted.relation === 'same' ? `its own account ${trusted.account}` : `account ${trusted.account}`
      : trusted.what === 'role'
        ? `role ${trusted.name} of ${account}`
        : trusted.what === 'user'
          ? `IAM user ${trusted.name} of ${account}`
          : `sessions of role ${trusted.name} of ${account}`;
  if (trusted.relation === 'same') return `same-account role (trusts ${what})`;
  if (trusted.relation === 'other') return `cross-account role (trusts ${what})`;
  return `role trusted by ${what}`;
}

function conditionKeysOf(statement: Statement): string[] {
  return statement.condition?.blocks.flatMap((block) => block.entries.map((entry) => entry.key)) ?? [];
}

/**
 * The principal strings of an entry. In CloudFormation a principal is often written with intrinsics:
 * `{"Ref": "AWS::AccountId"}`, `{"Fn::Sub": "arn:aws:iam::${AWS::AccountId}:role/x"}` or an `Fn::Join`;
 * they are read as the template text they stand for, references kept as `${Name}`.
 */
function principalValues(entry: PrincipalEntry, allowsIntrinsics: boolean): { text: string; span: Span }[] {
  // A resolved template value reads with its unknown parts as `${Name}` (`${AWS::AccountId}`).
  const values = entry.values.map((node) => ({ text: renderValue(node), span: node.span }));
  if (!allowsIntrinsics) return values;
  const node = entry.property.value;
  const items = node?.kind === 'array' ? node.items : node ? [node] : [];
  for (const item of items) {
    if (item.kind !== 'object') continue;
    const text = intrinsicText(item);
    if (text !== undefined) values.push({ text, span: item.span });
  }
  return values;
}

function intrinsicText(node: ValueNode): string | undefined {
  if (node.kind === 'string') return node.value;
  if (node.kind !== 'object' || node.properties.length !== 1) return undefined;
  const [property] = node.properties;
  const value = property!.value;
  switch (property!.key) {
    case 'Ref':
      return value?.kind === 'string' ? `\${${value.value}}` : undefined;
    case 'Fn::Sub': {
      const template = value?.kind === 'array' ? value.items[0] : value;
      return template?.kind === 'string' ? template.value : undefined;
    }
    case 'Fn::Join': {
      if (value?.kind !== 'array' || value.items.length !== 2) return undefined;
      const [separator, parts] = value.items;
      if (separator?.kind !== 'string' || parts?.kind !== 'array') return undefined;
      const texts = parts.items.map(intrinsicText);
      return texts.every((t) => t !== undefined) ? texts.join(separator.value) : undefined;
    }
    default:
      return undefined;
  }
}
