import { parseDate } from '../../evaluate/operators/date';
import type { ValueNode } from '../../document/tree';
import { conditionUses, isOpaque, scalarText } from '../support/conditions';
import { parseCidr } from '../support/ip';
import { familyName } from '../support/operatorNames';
import { valueTarget } from '../targets';
import type { FixHint, Rule } from '../types';

interface Check {
  readonly valid: (text: string, node: ValueNode) => boolean;
  readonly message: (operator: string) => string;
  readonly convert?: (text: string) => string | undefined;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

const CHECKS: Record<string, Check> = {
  numeric: {
    valid: (text, node) => node.kind !== 'boolean' && text.trim() !== '' && Number.isFinite(Number(text)),
    message: (operator) => `${operator} compares numbers: write a number such as "3600".`,
    convert: (text) => {
      const cleaned = text.replace(/[\s,_]/g, '');
      return cleaned !== '' && Number.isFinite(Number(cleaned)) ? cleaned : undefined;
    },
  },
  date: {
    valid: (text, node) => node.kind !== 'boolean' && (/^\d+$/.test(text) || (ISO_DATE.test(text) && parseDate(text) !== undefined)),
    message: (operator) => `${operator} compares dates: write an ISO 8601 date such as "2025-12-31" or "2025-12-31T23:59:59Z".`,
    convert: (text) => {
      const match = /^(\d{4})[/.](\d{2})[/.](\d{2})$/.exec(text.trim());
      return match ? `${match[1]}-${match[2]}-${match[3]}` : undefined;
    },
  },
  bool: {
    valid: (text) => /^(true|false)$/i.test(text),
    message: () => 'Bool takes "true" or "false".',
    convert: booleanWord,
  },
  null: {
    valid: (text) => /^(true|false)$/i.test(text),
    message: () => 'Null takes "true" (the key must be absent) or "false" (it must be present).',
    convert: booleanWord,
  },
  binary: {
    valid: (text) => text.length % 4 === 0 && /^[A-Za-z0-9+/]*={0,2}$/.test(text),
    message: (operator) => `${operator} takes the base64 encoding of the bytes to compare.`,
  },
  ip: {
    valid: (text) => parseCidr(text) !== undefined,
    message: (operator) => `${operator} takes an IP address or a CIDR range such as "203.0.113.0/24".`,
    convert: (text) => (parseCidr(text.replace(/\s/g, '')) ? text.replace(/\s/g, '') : undefined),
  },
  arn: {
    valid: (text) => text === '*' || text.startsWith('arn:') || text.startsWith('${'),
    message: (operator) => `${operator} compares ARNs: write one such as "arn:aws:iam::111122223333:role/Name" (wildcards allowed).`,
  },
};

export const conditionValueType: Rule = {
  meta: {
    id: 'IAM202',
    name: 'condition-value-type',
    severity: 'warning',
    category: 'warning',
    description:
      'Each operator family reads its values its own way: numbers, ISO 8601 dates, true/false, base64, CIDR ranges, ARNs. A value it cannot read never matches.',
    accessAnalyzer: 'Type mismatch (Boolean, date, IP range, number, string)',
    parliament: 'MISMATCHED_TYPE',
  },
  scope: 'policy',
  check({ policy, report }) {
    for (const use of conditionUses(policy)) {
      if (!use.operator) continue;
      const check = CHECKS[familyName(use.operator)];
      if (!check) continue;
      for (const item of use.items) {
        if (isOpaque(policy, item)) continue;
        const text = scalarText(item);
        // Variables are policy-variable-not-allowed's business; structure is invalid-value-type's.
        if (text === undefined || text.includes('${')) continue;
        if (check.valid(text, item)) continue;
        const converted = check.convert?.(text);
        const fixes: FixHint[] | undefined = converted !== undefined && converted !== text ? [{ title: `Change to "${converted}"`, replacement: JSON.stringify(converted) }] : undefined;
        report(valueTarget(item), `${check.message(use.block.operator)} ${JSON.stringify(text)} never matches.`, fixes);
      }
    }
  },
};

function booleanWord(text: string): string | undefined {
  const lower = text.trim().toLowerCase();
  if (['yes', 'y', '1', 'on', 'enabled', 'true'].includes(lower)) return 'true';
  if (['no', 'n', '0', 'off', 'disabled', 'false'].includes(lower)) return 'false';
  return undefined;
}
