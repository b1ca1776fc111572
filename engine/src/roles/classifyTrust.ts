import type { Policy, Statement } from '../document/model';
import type { Span } from '../document/tree';
import {
  explainCrossAccountRole,
  explainEc2InstanceRole,
  explainPublicTrust,
  explainSamlRole,
  explainServiceLinkedRole,
  explainServiceRole,
  explainWebIdentityRole,
} from './explain';
import { parseIamArn } from './iamArn';
import { identityProvider, type IdentityProviderInfo } from './identityProviders';
import { servicePrincipal, type ServicePrincipalInfo } from './servicePrincipals';

export type RoleKind =
  | 'ec2-instance-role'
  | 'service-role'
  | 'service-linked-role'
  | 'cross-account-role'
  | 'web-identity-role'
  | 'saml-role'
  | 'public';

/** One principal of a trust policy and the role kind it makes. */
export interface RoleKindFinding {
  readonly kind: RoleKind;
  /** Short name, e.g. "EC2 instance role (service role for Amazon EC2)". */
  readonly label: string;
  /** The principal value as written. */
  readonly principal: string;
  readonly span: Span;
  readonly statementIndex: number;
  readonly service?: ServicePrincipalInfo;
  readonly provider?: IdentityProviderInfo;
  /** Markdown explanation of the kind. */
  readonly explanation: string;
}

export interface TrustClassification {
  readonly findings: readonly RoleKindFinding[];
  /** E.g. "Role kind: EC2 instance role (service role for Amazon EC2)". */
  readonly headline: string;
  /** Headline plus one explanation per distinct kind. */
  readonly markdown: string;
}

/**
 * What kind of role a trust policy makes, from the principals its Allow statements trust. A policy that
 * trusts several kinds of principal lists each; undefined when it trusts nothing recognisable.
 */
export function classifyTrustPolicy(policy: Policy): TrustClassification | undefined {
  const findings: RoleKindFinding[] = [];
  for (const statement of policy.statements) {
    if (statement.effectValue === 'Deny' || !statement.principal || statement.principal.keyword !== 'Principal') continue;
    if (statement.principal.wildcard) {
      const node = statement.principal.wildcard;
      findings.push({ kind: 'public', label: 'trusts everyone ("*")', principal: '*', span: node.span, statementIndex: statement.index, explanation: explainPublicTrust() });
    }
    for (const entry of statement.principal.entries) {
      for (const value of entry.values) {
        const finding = classifyPrincipal(entry.type, value.value, statement);
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
    const key = `${finding.kind}:${finding.service?.principal ?? finding.provider?.principal ?? ''}`;
    if (seen.has(key)) continue;
    seen.add(key);
    explanations.push(finding.explanation);
  }
  return { findings, headline, markdown: [`**${headline}**`, '', ...explanations.flatMap((e, i) => (i === 0 ? [e] : ['', '---', '', e]))].join('\n') };
}

type PartialFinding = Omit<RoleKindFinding, 'span' | 'statementIndex'>;

/** The role kind one principal value makes; `type` is the Principal key (AWS, Service, Federated, ...). */
export function classifyPrincipal(type: string, value: string, statement?: Statement): PartialFinding | undefined {
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
      return { kind: 'saml-role', label: 'SAML 2.0 federation role', principal: value, provider, explanation: explainSamlRole(value) };
    }
    const label = /token\.actions\.githubusercontent\.com/i.test(value) ? 'web identity role for GitHub Actions (OIDC)' : `web identity (OIDC) role for ${provider?.name ?? value}`;
    return { kind: 'web-identity-role', label, principal: value, provider, explanation: explainWebIdentityRole(value, provider, conditionKeys) };
  }
  if (type === 'AWS') {
    if (value.trim() === '*') {
      return { kind: 'public', label: 'trusts everyone ("*")', principal: value, explanation: explainPublicTrust() };
    }
    const arn = parseIamArn(value);
    if (!arn) return undefined;
    if (arn.kind === 'service-linked-role') {
      return { kind: 'service-linked-role', label: 'trusts a service-linked role', principal: value, service: arn.service, explanation: explainServiceLinkedRole(arn, arn.service, arn.servicePrincipal) };
    }
    const hasExternalId = conditionKeys.some((key) => key.toLowerCase() === 'sts:externalid');
    return { kind: 'cross-account-role', label: `cross-account role (trusts account ${arn.account})`, principal: value, explanation: explainCrossAccountRole([arn.account], hasExternalId) };
  }
  return undefined;
}

function conditionKeysOf(statement: Statement): string[] {
  return statement.condition?.blocks.flatMap((block) => block.entries.map((entry) => entry.key)) ?? [];
}
