import type { OperatorFamily } from './types';

export const ipOperators: OperatorFamily = {
  operators: ['ipaddress', 'notipaddress'],
  allowsVariables: false,
  isNegated: (operator) => operator === 'notipaddress',
  compare: (_operator, requestValue, policyValue) => ipInRange(requestValue, policyValue),
};

/** Whether an IPv4 or IPv6 address lies in a CIDR range; a bare address is a /32 or /128. */
export function ipInRange(address: string, range: string): boolean {
  const [network, prefixText] = range.split('/');
  const requestBits = toBits(address);
  const networkBits = toBits(network ?? '');
  if (!requestBits || !networkBits || requestBits.length !== networkBits.length) return false;
  const prefix = prefixText === undefined ? networkBits.length : Number(prefixText);
  if (!Number.isInteger(prefix) || prefix < 0 || prefix > networkBits.length) return false;
  return requestBits.slice(0, prefix) === networkBits.slice(0, prefix);
}

function toBits(address: string): string | undefined {
  if (address.includes(':')) return ipv6Bits(address);
  const octets = address.split('.');
  if (octets.length !== 4 || !octets.every((octet) => /^\d{1,3}$/.test(octet) && Number(octet) <= 255)) return undefined;
  return octets.map((octet) => Number(octet).toString(2).padStart(8, '0')).join('');
}

function ipv6Bits(address: string): string | undefined {
  const halves = address.split('::');
  if (halves.length > 2) return undefined;
  const head = halves[0] ? halves[0].split(':') : [];
  const tail = halves.length === 2 && halves[1] ? halves[1].split(':') : [];
  const missing = 8 - head.length - tail.length;
  if (missing < 0 || (halves.length === 1 && missing !== 0)) return undefined;
  const groups = [...head, ...Array<string>(missing).fill('0'), ...tail];
  if (!groups.every((group) => /^[0-9a-f]{1,4}$/i.test(group))) return undefined;
  return groups.map((group) => parseInt(group, 16).toString(2).padStart(16, '0')).join('');
}
