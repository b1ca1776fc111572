/** A CIDR range taken apart; a bare address is a /32 (IPv4) or /128 (IPv6). */
export interface Cidr {
  readonly bits: string;
  readonly prefix: number;
  readonly v6: boolean;
}

export function parseCidr(text: string): Cidr | undefined {
  const slash = text.indexOf('/');
  const address = slash < 0 ? text : text.slice(0, slash);
  const v6 = address.includes(':');
  const bits = v6 ? ipv6Bits(address) : ipv4Bits(address);
  if (!bits) return undefined;
  if (slash < 0) return { bits, prefix: bits.length, v6 };
  const prefixText = text.slice(slash + 1);
  if (!/^\d{1,3}$/.test(prefixText) || Number(prefixText) > bits.length) return undefined;
  return { bits, prefix: Number(prefixText), v6 };
}

function ipv4Bits(address: string): string | undefined {
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

/** The range with its host bits cleared, written back as text. */
export function networkOf(cidr: Cidr): string {
  const bits = cidr.bits.slice(0, cidr.prefix).padEnd(cidr.bits.length, '0');
  if (!cidr.v6) {
    const octets = [0, 8, 16, 24].map((start) => parseInt(bits.slice(start, start + 8), 2));
    return `${octets.join('.')}/${cidr.prefix}`;
  }
  const groups = Array.from({ length: 8 }, (_, i) => parseInt(bits.slice(i * 16, i * 16 + 16), 2).toString(16));
  return `${compressIpv6(groups)}/${cidr.prefix}`;
}

export function hasHostBits(cidr: Cidr): boolean {
  return cidr.bits.slice(cidr.prefix).includes('1');
}

function compressIpv6(groups: string[]): string {
  let bestStart = -1;
  let bestLength = 0;
  for (let i = 0; i < groups.length; ) {
    if (groups[i] !== '0') {
      i++;
      continue;
    }
    let j = i;
    while (j < groups.length && groups[j] === '0') j++;
    if (j - i > bestLength && j - i > 1) {
      bestStart = i;
      bestLength = j - i;
    }
    i = j;
  }
  if (bestStart < 0) return groups.join(':');
  return `${groups.slice(0, bestStart).join(':')}::${groups.slice(bestStart + bestLength).join(':')}`;
}

const PRIVATE_RANGES = ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', '127.0.0.0/8', '169.254.0.0/16', '100.64.0.0/10', 'fc00::/7', 'fe80::/10', '::1/128'].map(
  (range) => parseCidr(range)!,
);

/** Whether every address of the range is private (RFC 1918, loopback, link-local, CGNAT, ULA). */
export function isPrivateRange(cidr: Cidr): boolean {
  return PRIVATE_RANGES.some(
    (range) => range.v6 === cidr.v6 && cidr.prefix >= range.prefix && cidr.bits.slice(0, range.prefix) === range.bits.slice(0, range.prefix),
  );
}
