import type { Statement } from '../../document/model';
import { insertPropertyFix } from '../support/fixes';
import { hasConditionKey, hasConditionKeyWithPrefix, principalValues } from '../support/principals';
import { valueTarget } from '../targets';
import type { FixHint, Rule } from '../types';

const GITHUB = 'token.actions.githubusercontent.com';

export const webIdentityWithoutConditions: Rule = {
  meta: {
    id: 'IAM313',
    name: 'web-identity-without-conditions',
    severity: 'warning',
    category: 'security',
    description:
      "An OIDC or web identity principal without conditions on the token's aud and sub claims lets any user of that provider (any GitHub repository, any Cognito pool) assume the role.",
    accessAnalyzer: 'Missing condition key for OIDC principal / Missing github repo condition key',
  },
  scope: 'policy',
  check({ file, policy, report }) {
    if (policy.type !== 'trust') return;
    for (const statement of policy.statements) {
      if (statement.effectValue !== 'Allow') continue;
      for (const principal of principalValues(statement)) {
        if (principal.type !== 'Federated') continue;
        const host = providerHost(principal.node.value);
        if (!host) continue;
        const missing = missingKeys(statement, host);
        if (missing.length === 0) continue;
        const fix = skeleton(file.text, statement, host, missing);
        report(
          valueTarget(principal.node),
          `Any identity from ${host} could assume this role: add a condition on ${missing.map((key) => `"${key}"`).join(' and ')}.`,
          fix && [fix],
        );
      }
    }
  },
};

/** The OIDC issuer a Federated principal names; undefined for SAML providers. */
function providerHost(value: string): string | undefined {
  const oidc = /:oidc-provider\/(.+)$/.exec(value);
  if (oidc) return oidc[1];
  if (value.includes(':saml-provider/')) return undefined;
  return /^[a-z0-9.-]+\.[a-z]+$/i.test(value) ? value : undefined;
}

function missingKeys(statement: Statement, host: string): string[] {
  if (host === GITHUB) return hasConditionKey(statement, `${GITHUB}:sub`) ? [] : [`${GITHUB}:sub`];
  if (host === 'cognito-identity.amazonaws.com') return hasConditionKey(statement, `${host}:aud`) ? [] : [`${host}:aud`];
  return hasConditionKeyWithPrefix(statement, `${host}:`) ? [] : [`${host}:aud`, `${host}:sub`];
}

function skeleton(text: string, statement: Statement, host: string, keys: readonly string[]): FixHint | undefined {
  if (statement.node.kind !== 'object' || statement.condition) return undefined;
  const values: Record<string, string> = {};
  for (const key of keys) values[key] = key.endsWith(':sub') && host === GITHUB ? 'repo:OWNER/REPO:ref:refs/heads/main' : key.endsWith(':aud') ? (host === GITHUB ? 'sts.amazonaws.com' : 'AUDIENCE') : 'SUBJECT';
  return insertPropertyFix(`Add conditions on ${keys.join(' and ')}`, text, statement.node, 'Condition', JSON.stringify({ StringEquals: values }).replace(/,"/g, ', "').replace(/":/g, '": '));
}
