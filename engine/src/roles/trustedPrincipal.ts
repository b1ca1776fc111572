import { parseIamArn } from './iamArn';

/** An AWS principal a trust policy names, and how its account relates to the role's own. */
export interface TrustedAwsPrincipal {
  readonly what: 'account' | 'role' | 'user' | 'session';
  /** Account ID as written (a template may write `${AWS::AccountId}`). */
  readonly account: string;
  /** Role or user name; the account for an account principal. */
  readonly name: string;
  /**
   * "same": the principal is in the role's own account (the template says `${AWS::AccountId}`, or the
   * file names the role's account); "other": another account; "unknown": the file does not say where the
   * role is, as in a plain trust-policy file.
   */
  readonly relation: 'same' | 'other' | 'unknown';
}

const OWN_ACCOUNT = '${AWS::AccountId}';

/** The AWS principal a value names (account ID, root, role, user or assumed-role ARN); undefined otherwise. */
export function trustedAwsPrincipal(value: string, ownAccount: string | undefined): TrustedAwsPrincipal | undefined {
  const text = value.trim();
  if (text === OWN_ACCOUNT) return { what: 'account', account: text, name: text, relation: 'same' };
  const arn = parseIamArn(text);
  if (!arn) return undefined;
  const relation = arn.account.includes(OWN_ACCOUNT) ? 'same' : ownAccount === undefined ? 'unknown' : arn.account === ownAccount ? 'same' : 'other';
  switch (arn.kind) {
    case 'account':
      return { what: 'account', account: arn.account, name: arn.account, relation };
    case 'role':
    case 'service-linked-role':
      return { what: 'role', account: arn.account, name: arn.name, relation };
    case 'user':
      return { what: 'user', account: arn.account, name: arn.name, relation };
    case 'assumed-role':
      return { what: 'session', account: arn.account, name: arn.name, relation };
    default:
      return undefined;
  }
}
