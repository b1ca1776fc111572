import type { ValueNode } from '../../document/tree';
import { conditionUses } from '../support/conditions';
import { familyName } from '../support/operatorNames';
import { keyTarget } from '../targets';
import type { Rule } from '../types';

/** The operator families that can read each key type; ARN and Bool keys are also plain strings. */
const COMPATIBLE: Record<string, readonly string[]> = {
  String: ['string'],
  ARN: ['arn', 'string'],
  Bool: ['bool', 'string'],
  Date: ['date', 'numeric'],
  IPAddress: ['ip'],
  Numeric: ['numeric'],
  Binary: ['binary'],
};

const SUGGESTED: Record<string, string> = {
  String: 'a String operator (StringEquals, StringLike, ...)',
  ARN: 'an ARN operator (ArnEquals, ArnLike, ...)',
  Bool: 'Bool',
  Date: 'a Date operator (DateGreaterThan, ...)',
  IPAddress: 'IpAddress or NotIpAddress',
  Numeric: 'a Numeric operator (NumericLessThan, ...)',
  Binary: 'BinaryEquals',
};

export const operatorKeyType: Rule = {
  meta: {
    id: 'IAM203',
    name: 'operator-key-type',
    severity: 'warning',
    category: 'warning',
    description: 'The operator must suit the condition key: IpAddress for aws:SourceIp, Date operators for aws:CurrentTime, Bool for aws:SecureTransport.',
    accessAnalyzer: 'Type mismatch',
    parliament: 'MISMATCHED_TYPE',
  },
  scope: 'policy',
  check({ policy, cache, report }) {
    for (const use of conditionUses(policy)) {
      if (!use.operator || use.operator.isNull) continue;
      const info = cache.conditionKey(use.entry.key);
      if (!info) continue;
      const type = info.type.replace(/^ArrayOf/, '');
      const allowed = COMPATIBLE[type];
      if (!allowed || allowed.includes(familyName(use.operator))) continue;
      if (type === 'String' && familyName(use.operator) === 'arn' && holdsArns(use.items)) continue;
      if (familyName(use.operator) === 'string' && comparesWithKeys(use.items)) continue;
      report(
        keyTarget(use.entry.property, use.statement.path.concat('Condition', use.block.operator, use.entry.key)),
        `${use.entry.key} is of type ${type}: test it with ${SUGGESTED[type]}, not ${use.block.operator}.`,
      );
    }
  },
};

/**
 * ARN operators over a String key whose values are ARNs (kms:EncryptionContext:aws:logs:arn as
 * CloudWatch Logs' key-policy guidance writes it, aws:RequestTag/... holding an ARN): IAM compares
 * the key's value as an ARN, which is what the author means, so it is not a mismatch.
 */
function holdsArns(items: readonly ValueNode[]): boolean {
  return items.length > 0 && items.every((item) => item.kind === 'object' || (item.kind === 'string' && (/^(arn:|\$\{)/.test(item.value) || item.value === '*')));
}

/**
 * A String operator whose values are all policy variables compares the key with other keys of the
 * request, and it is the only way to: IAM accepts variables in String and ARN operators only. The IAM
 * User Guide pins EC2 role credentials to their instance so, with
 * `"StringNotEquals": {"aws:Ec2InstanceSourcePrivateIPv4": "${aws:VpcSourceIp}"}` on an IPAddress key.
 */
function comparesWithKeys(items: readonly ValueNode[]): boolean {
  return items.length > 0 && items.every((item) => item.kind === 'string' && /^\$\{[^{}]+\}$/.test(item.value));
}
