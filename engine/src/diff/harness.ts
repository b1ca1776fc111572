import type { PolicyType } from '../document/model';
import { parsePolicyFile } from '../document/policyFile';
import type { AccessRequest, ContextValue, PolicySet, SourcedPolicy } from '../evaluate/types';

/** The account the compared policies are taken to live in, and one that is not theirs. */
export const DIFF_ACCOUNT = '111122223333';
export const OTHER_ACCOUNT = '444455556666';
export const OTHER_REGION = 'eu-central-2';
export const ROLE_NAME = 'iam-author-diff';

let allowAll: SourcedPolicy | undefined;

/** An identity policy that allows everything: it stands for "the rest of the account allows", so only the compared policy limits. */
function allowEverything(): SourcedPolicy {
  if (!allowAll) {
    const file = parsePolicyFile('{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}', { type: 'identity' });
    allowAll = { policy: file.policies[0]!, source: '(everything else allows)', file };
  }
  return allowAll;
}

function accountOf(arn: string): string | undefined {
  const account = arn.split(':')[4];
  return account && /^\d{12}$/.test(account) ? account : undefined;
}

function principalAccount(principal: string | undefined): string | undefined {
  if (!principal) return undefined;
  if (/^\d{12}$/.test(principal)) return principal;
  return accountOf(principal);
}

/**
 * How one side's policies are asked about one request so that the decision is theirs alone:
 * - identity and session policies are evaluated by themselves;
 * - SCPs, RCPs and boundaries limit an identity policy that allows everything (what they stop
 *   limiting is what they add);
 * - resource and trust policies are asked for the candidate principal; a principal of another
 *   account also gets an identity policy that allows everything, since across accounts both sides
 *   must allow and only the resource side is compared.
 * The resource's account is DIFF_ACCOUNT unless its ARN names one.
 */
export function harness(type: PolicyType, policies: readonly SourcedPolicy[], request: { action: string; resource: string; principal?: string; context?: Readonly<Record<string, ContextValue>> }): { set: PolicySet; request: AccessRequest } {
  const resourceAccount = accountOf(request.resource) ?? DIFF_ACCOUNT;
  const base: AccessRequest = { action: request.action, resource: request.resource, resourceAccount, ...(request.context ? { context: request.context } : {}) };
  switch (type) {
    case 'identity':
    case 'session':
      return { set: type === 'identity' ? { identity: policies } : { identity: [allowEverything()], session: policies }, request: base };
    case 'scp':
      return { set: { identity: [allowEverything()], scp: policies }, request: base };
    case 'rcp':
      return { set: { identity: [allowEverything()], rcp: policies }, request: base };
    case 'boundary':
      // A boundary limits users and role sessions only.
      return { set: { identity: [allowEverything()], boundary: policies }, request: { ...base, principal: `arn:aws:iam::${resourceAccount}:role/${ROLE_NAME}` } };
    case 'resource':
    case 'trust': {
      const crossAccount = principalAccount(request.principal) !== undefined && principalAccount(request.principal) !== resourceAccount;
      const set: PolicySet = crossAccount ? { identity: [allowEverything()], resource: policies } : { resource: policies };
      return { set, request: { ...base, ...(request.principal ? { principal: request.principal } : {}) } };
    }
  }
}
