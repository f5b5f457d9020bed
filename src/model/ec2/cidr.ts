/**
 * Small CIDR helpers (IPv4 and IPv6): parsing, prefix containment, public/private ranges.
 * Used by the security group rules; framework-neutral.
 */

export interface Cidr {
  version: 4 | 6;
  /** The network address as a big integer (32 or 128 bits). */
  address: bigint;
  prefix: number;
}

function parseIpv4(text: string): bigint | undefined {
  const parts = text.split('.');
  if (parts.length !== 4) return undefined;
  let out = 0n;
  for (const p of parts) {
    if (!/^\d{1,3}$/.test(p)) return undefined;
    const n = Number(p);
    if (n > 255) return undefined;
    out = (out << 8n) | BigInt(n);
  }
  return out;
}

function parseIpv6(text: string): bigint | undefined {
  let s = text.toLowerCase();
  // An embedded IPv4 tail (::ffff:1.2.3.4).
  const v4 = /(\d+\.\d+\.\d+\.\d+)$/.exec(s);
  if (v4) {
    const n = parseIpv4(v4[1]!);
    if (n === undefined) return undefined;
    s = s.slice(0, -v4[1]!.length) + ((n >> 16n) & 0xffffn).toString(16) + ':' + (n & 0xffffn).toString(16);
  }
  const halves = s.split('::');
  if (halves.length > 2) return undefined;
  const head = halves[0] ? halves[0].split(':') : [];
  const tail = halves.length === 2 && halves[1] ? halves[1].split(':') : [];
  const missing = 8 - head.length - tail.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return undefined;
  const groups = [...head, ...Array<string>(halves.length === 2 ? missing : 0).fill('0'), ...tail];
  let out = 0n;
  for (const g of groups) {
    if (!/^[0-9a-f]{1,4}$/.test(g)) return undefined;
    out = (out << 16n) | BigInt(parseInt(g, 16));
  }
  return out;
}

/** Parses `10.0.0.0/16`, `::/0`, or a bare address (a /32 or /128). Host bits are cleared. */
export function parseCidr(text: string): Cidr | undefined {
  const [addr, len, ...rest] = text.trim().split('/');
  if (addr === undefined || rest.length > 0) return undefined;
  const version: 4 | 6 = addr.includes(':') ? 6 : 4;
  const bits = version === 4 ? 32 : 128;
  const address = version === 4 ? parseIpv4(addr) : parseIpv6(addr);
  if (address === undefined) return undefined;
  const prefix = len === undefined ? bits : /^\d{1,3}$/.test(len) ? Number(len) : NaN;
  if (!(prefix >= 0 && prefix <= bits)) return undefined;
  const mask = prefix === 0 ? 0n : ((1n << BigInt(prefix)) - 1n) << BigInt(bits - prefix);
  return { version, address: address & mask, prefix };
}

/** True when `outer` contains every address of `inner` (same IP version). */
export function cidrContains(outer: Cidr, inner: Cidr): boolean {
  if (outer.version !== inner.version || outer.prefix > inner.prefix) return false;
  const bits = outer.version === 4 ? 32 : 128;
  const shift = BigInt(bits - outer.prefix);
  return outer.prefix === 0 || inner.address >> shift === outer.address >> shift;
}

/** True when the two ranges share at least one address. */
export function cidrOverlaps(a: Cidr, b: Cidr): boolean {
  return cidrContains(a, b) || cidrContains(b, a);
}

/** `0.0.0.0/0` or `::/0`: every address. */
export function isAnyAddress(c: Cidr): boolean {
  return c.prefix === 0;
}

/** Private and other non-internet ranges (RFC 1918, CGNAT, link-local, loopback, IPv6 ULA/link-local). */
const NON_PUBLIC = ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', '100.64.0.0/10', '169.254.0.0/16', '127.0.0.0/8', 'fc00::/7', 'fe80::/10', '::1/128']
  .map((c) => parseCidr(c)!);

/** True when the whole range lies inside a private (non-internet) range. */
export function isPrivate(c: Cidr): boolean {
  return NON_PUBLIC.some((p) => cidrContains(p, c));
}

/** Number of addresses of a range, as a power of two (its host bits). */
export function hostBits(c: Cidr): number {
  return (c.version === 4 ? 32 : 128) - c.prefix;
}

/** Loopback (127.0.0.0/8, ::1): traffic from there never reaches a security group from the network. */
const LOOPBACK = ['127.0.0.0/8', '::1/128'].map((c) => parseCidr(c)!);

export function isLoopback(c: Cidr): boolean {
  return LOOPBACK.some((l) => cidrContains(l, c));
}

/**
 * The widest prefix still read as "a part of the internet" rather than the internet itself. An IPv4
 * /8 or wider (16 million addresses or more, `1.0.0.0/1` is half of all addresses) that is not wholly
 * private is effectively the internet (AWS-DEFAULTS.md reads a /0–/8 aws:SourceIp the same way); for
 * IPv6, a /16 or wider.
 */
const INTERNET_WIDE_PREFIX = { 4: 8, 6: 16 } as const;

/** True for every address, or a public range so wide that it holds most of the internet. */
export function coversInternet(c: Cidr): boolean {
  if (isAnyAddress(c)) return true;
  return c.prefix <= INTERNET_WIDE_PREFIX[c.version] && !isPrivate(c);
}

/** How a range that `coversInternet` is described beside its written value: nothing for /0. */
export function internetShare(c: Cidr): string | undefined {
  if (isAnyAddress(c)) return undefined;
  const share = c.prefix === 1 ? 'half' : `1/${2 ** c.prefix}`;
  return `${share} of all IPv${c.version} addresses, effectively the internet`;
}
