import { NEVER, type OperatorFamily } from './types';

export const ipOperators: OperatorFamily = {
  operators: ['ipaddress', 'notipaddress'],
  allowsVariables: false,
  isNegated: (operator) => operator === 'notipaddress',
  compile(_operator, policyValue) {
    const range = parseRange(policyValue);
    if (!range) return NEVER;
    // The same request address is usually tested against several ranges and statements in a row.
    let lastText: string | undefined;
    let lastAddress: number[] | undefined;
    return (requestValue) => {
      if (requestValue !== lastText) {
        lastText = requestValue;
        lastAddress = parseAddress(requestValue.trim());
      }
      return lastAddress !== undefined && inRange(lastAddress, range);
    };
  },
};

interface Range {
  /** 16-bit groups: 2 for IPv4, 8 for IPv6. */
  readonly groups: readonly number[];
  readonly prefix: number;
}

/** Whether an IPv4 or IPv6 address lies in a CIDR range; a bare address is a /32 or /128. Host bits are ignored. */
export function ipInRange(address: string, range: string): boolean {
  const parsedRange = parseRange(range);
  const parsedAddress = parseAddress(address);
  return parsedRange !== undefined && parsedAddress !== undefined && inRange(parsedAddress, parsedRange);
}

function parseRange(text: string): Range | undefined {
  const [network, prefixText, extra] = text.trim().split('/');
  if (extra !== undefined || network === undefined) return undefined;
  const groups = parseAddress(network);
  if (!groups) return undefined;
  const bits = groups.length * 16;
  const prefix = prefixText === undefined ? bits : /^\d{1,3}$/.test(prefixText) ? Number(prefixText) : NaN;
  if (!(prefix >= 0 && prefix <= bits)) return undefined;
  return { groups, prefix };
}

function inRange(address: readonly number[], range: Range): boolean {
  if (address.length !== range.groups.length) return false;
  let remaining = range.prefix;
  for (let i = 0; remaining > 0; i++, remaining -= 16) {
    const bits = Math.min(16, remaining);
    const mask = (0xffff << (16 - bits)) & 0xffff;
    if ((address[i]! & mask) !== (range.groups[i]! & mask)) return false;
  }
  return true;
}

function parseAddress(text: string): number[] | undefined {
  return text.includes(':') ? parseIpv6(text) : parseIpv4(text);
}

function parseIpv4(text: string): number[] | undefined {
  const octets = text.split('.');
  if (octets.length !== 4) return undefined;
  const bytes: number[] = [];
  for (const octet of octets) {
    if (!/^\d{1,3}$/.test(octet) || Number(octet) > 255) return undefined;
    bytes.push(Number(octet));
  }
  return [(bytes[0]! << 8) | bytes[1]!, (bytes[2]! << 8) | bytes[3]!];
}

function parseIpv6(text: string): number[] | undefined {
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const head = halves[0] ? halves[0].split(':') : [];
  const tail = halves.length === 2 && halves[1] ? halves[1].split(':') : [];
  // An embedded IPv4 tail (::ffff:192.0.2.1) counts as two groups.
  const last = tail.length > 0 ? tail : head;
  const ipv4 = last.length > 0 && last[last.length - 1]!.includes('.') ? parseIpv4(last.pop()!) : undefined;
  const written = [...head, ...tail].length + (ipv4 ? 2 : 0);
  const missing = 8 - written;
  if (missing < 0 || (halves.length === 1 && missing !== 0)) return undefined;
  const groups: number[] = [];
  for (const group of head) if (!pushGroup(groups, group)) return undefined;
  for (let i = 0; i < missing; i++) groups.push(0);
  for (const group of tail) if (!pushGroup(groups, group)) return undefined;
  if (ipv4) groups.push(...ipv4);
  return groups.length === 8 ? groups : undefined;
}

function pushGroup(groups: number[], group: string): boolean {
  if (!/^[0-9a-f]{1,4}$/i.test(group)) return false;
  groups.push(parseInt(group, 16));
  return true;
}
