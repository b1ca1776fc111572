import type { PolicyType } from '../document/model';
import type { ContextValue } from '../evaluate/types';
import type { ActionClass, SpaceStatement } from './actionClasses';
import { CALLER_KEYS } from './principals';
import { concretise } from './resources';

/** A value no condition of a policy is likely to test, standing for "some other value". */
const OTHER = { string: 'iam-author-other', ip: '198.51.100.77', number: '987654321', date: '2001-02-03T04:05:06Z' };

type Kind = 'string' | 'ip' | 'number' | 'date' | 'bool';

function kindOf(operator: string): Kind {
  const base = operator.replace(/^(ForAllValues|ForAnyValue):/i, '').replace(/IfExists$/i, '').toLowerCase();
  if (base.includes('ipaddress')) return 'ip';
  if (base.startsWith('numeric')) return 'number';
  if (base.startsWith('date')) return 'date';
  if (base === 'bool') return 'bool';
  return 'string';
}

/** The values worth trying for one tested value: itself (made concrete) and its neighbours for ordered types. */
function valuesFor(kind: Kind, value: string): string[] {
  switch (kind) {
    case 'bool':
      return ['true', 'false'];
    case 'number': {
      const n = Number(value);
      return Number.isFinite(n) ? [String(n), String(n - 1), String(n + 1)] : [value];
    }
    case 'date': {
      const time = Date.parse(value);
      if (Number.isNaN(time)) return [value];
      return [value, new Date(time - 1000).toISOString().replace('.000Z', 'Z'), new Date(time + 1000).toISOString().replace('.000Z', 'Z')];
    }
    case 'ip': {
      // A range's first and last addresses: a wider range shows at its far end.
      const [address, bits] = value.split('/');
      const last = lastIPv4(address!, Number(bits));
      return last ? [address!, last] : [address!];
    }
    default:
      return [concretise(value)];
  }
}

function lastIPv4(address: string, bits: number): string | undefined {
  const octets = address.split('.').map(Number);
  if (octets.length !== 4 || octets.some((octet) => !Number.isInteger(octet) || octet < 0 || octet > 255) || !Number.isInteger(bits) || bits < 0 || bits > 32) return undefined;
  const value = octets.reduce((sum, octet) => sum * 256 + octet, 0);
  const size = 2 ** (32 - bits);
  const end = Math.floor(value / size) * size + size - 1;
  return [24, 16, 8, 0].map((shift) => Math.floor(end / 2 ** shift) % 256).join('.');
}

export interface KeyCandidates {
  readonly key: string;
  /** undefined stands for "the request does not have the key". */
  readonly values: readonly (ContextValue | undefined)[];
}

/**
 * For each condition key the statements of an action class test: the values either side tests
 * (made concrete, with neighbours for numbers and dates), "absent", and "some other value". Set
 * operators (ForAnyValue/ForAllValues) are tried with one value and with that value plus another.
 * For resource and trust policies the caller's own keys come from the principal instead.
 */
export function contextCandidates(actionClass: ActionClass, statements: readonly SpaceStatement[], type: PolicyType): KeyCandidates[] {
  const byKey = new Map<string, { key: string; values: Map<string, ContextValue | undefined> }>();
  for (const index of actionClass.statements) {
    for (const block of statements[index]!.statement.condition?.blocks ?? []) {
      const kind = kindOf(block.operator);
      const multi = /^(ForAllValues|ForAnyValue):/i.test(block.operator);
      for (const entry of block.entries) {
        const lower = entry.key.toLowerCase();
        if ((type === 'resource' || type === 'trust') && CALLER_KEYS.has(lower)) continue;
        let slot = byKey.get(lower);
        if (!slot) {
          slot = { key: entry.key, values: new Map([['\u0000absent', undefined]]) };
          const other = kind === 'bool' ? 'false' : OTHER[kind];
          slot.values.set(other, other);
          byKey.set(lower, slot);
        }
        for (const node of entry.values) {
          const raw = node.kind === 'string' ? node.value : node.kind === 'number' || node.kind === 'boolean' ? String(node.value) : undefined;
          if (raw === undefined) continue;
          for (const value of valuesFor(kind, raw)) {
            slot.values.set(value, value);
            if (multi) slot.values.set(`${value}\u0000+`, [value, OTHER.string]);
          }
        }
      }
    }
  }
  return [...byKey.values()].map((slot) => ({ key: slot.key, values: [...slot.values.values()] }));
}

/** How many contexts the product of the keys' candidates makes. */
export function contextCount(keys: readonly KeyCandidates[]): number {
  return keys.reduce((product, key) => product * key.values.length, 1);
}

/** The n-th context of the product, without building the others. */
export function contextAt(keys: readonly KeyCandidates[], n: number): Record<string, ContextValue> | undefined {
  if (keys.length === 0) return undefined;
  const context: Record<string, ContextValue> = {};
  let rest = n;
  for (const key of keys) {
    const value = key.values[rest % key.values.length];
    rest = Math.floor(rest / key.values.length);
    if (value !== undefined) context[key.key] = value;
  }
  return Object.keys(context).length > 0 ? context : undefined;
}
