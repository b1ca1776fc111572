import type { Statement } from '../../document/model';
import { valueTarget } from '../targets';
import type { Rule } from '../types';

/** The actions a role trust policy can grant: assuming the role and what goes with a session. */
const TRUST_ACTIONS = [
  'sts:assumerole',
  'sts:assumerolewithsaml',
  'sts:assumerolewithwebidentity',
  'sts:tagsession',
  'sts:setsourceidentity',
  'sts:setcontext',
];

export const trustPolicyAction: Rule = {
  meta: {
    id: 'IAM016',
    name: 'trust-policy-action',
    severity: 'error',
    category: 'error',
    description:
      'A role trust policy only decides who may assume the role: its actions are sts:AssumeRole* (matching the principal kind), sts:TagSession, sts:SetSourceIdentity and sts:SetContext.',
    accessAnalyzer: 'Mismatched action for principal',
  },
  scope: 'policy',
  check({ policy, report }) {
    if (policy.type !== 'trust') return;
    for (const statement of policy.statements) {
      if (statement.action?.keyword !== 'Action') continue;
      const kinds = principalKinds(statement);
      for (const action of statement.action.values) {
        const lower = action.value.toLowerCase();
        if (lower === '*' || lower === 'sts:*' || /[*?]/.test(lower)) continue;
        if (!TRUST_ACTIONS.includes(lower)) {
          report(valueTarget(action), `"${action.value}" means nothing in a trust policy: grant it in the role's permissions policy instead.`);
          continue;
        }
        const mismatch = mismatchedPrincipal(lower, kinds);
        if (mismatch) report(valueTarget(action), mismatch);
      }
    }
  },
};

interface PrincipalKinds {
  readonly saml: boolean;
  readonly oidc: boolean;
  readonly other: boolean;
}

function principalKinds(statement: Statement): PrincipalKinds {
  let saml = false;
  let oidc = false;
  let other = Boolean(statement.principal?.wildcard);
  for (const entry of statement.principal?.entries ?? []) {
    if (entry.type !== 'Federated') {
      other = true;
      continue;
    }
    for (const value of entry.values) {
      if (value.value.includes(':saml-provider/')) saml = true;
      else oidc = true;
    }
  }
  return { saml, oidc, other };
}

function mismatchedPrincipal(action: string, kinds: PrincipalKinds): string | undefined {
  const onlyFederated = (kinds.saml || kinds.oidc) && !kinds.other;
  if (action === 'sts:assumerolewithsaml' && !kinds.saml && (kinds.oidc || kinds.other)) {
    return 'sts:AssumeRoleWithSAML needs a SAML provider principal ({"Federated": "arn:aws:iam::...:saml-provider/NAME"}).';
  }
  if (action === 'sts:assumerolewithwebidentity' && !kinds.oidc && (kinds.saml || kinds.other)) {
    return 'sts:AssumeRoleWithWebIdentity needs an OIDC provider principal ({"Federated": "arn:aws:iam::...:oidc-provider/HOST"} or a web identity domain).';
  }
  if (action === 'sts:assumerole' && onlyFederated) {
    return `A federated principal assumes a role with ${kinds.saml ? 'sts:AssumeRoleWithSAML' : 'sts:AssumeRoleWithWebIdentity'}, not sts:AssumeRole.`;
  }
  return undefined;
}
