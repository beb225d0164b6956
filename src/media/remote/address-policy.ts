import { BlockList, isIP } from 'node:net';

/**
 * Addresses a remote image URL may not lead to unless the operator allows it: loopback, private networks,
 * link-local (which holds the EC2/ECS metadata endpoints 169.254.169.254 and 169.254.170.2), carrier-grade
 * NAT, unique-local IPv6 (AWS's fd00:ec2::254), multicast and reserved ranges. Without this a client could
 * make the gateway fetch its own credentials or reach internal services (server-side request forgery).
 */
const FORBIDDEN = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const) {
  FORBIDDEN.addSubnet(net, prefix, 'ipv4');
}
for (const [net, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
  ['2001:db8::', 32],
] as const) {
  FORBIDDEN.addSubnet(net, prefix, 'ipv6');
}

/** An IPv4 address embedded in an IPv6 one (::ffff:a.b.c.d mapped, or 64:ff9b::/96 NAT64), if any. */
function embeddedIPv4(address: string): string | undefined {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return mapped[1];
  const m = /^(?:::ffff:|64:ff9b::)([0-9a-f]{1,4}):([0-9a-f]{1,4})$/i.exec(address);
  if (!m) return undefined;
  const hi = parseInt(m[1], 16);
  const lo = parseInt(m[2], 16);
  return `${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`;
}

export class AddressPolicy {
  private readonly allowedHosts = new Set<string>();
  private readonly allowedNets = new BlockList();

  /** `allowed`: host names, IP addresses or CIDR ranges the operator lets images come from even if private. */
  constructor(allowed: string[]) {
    for (const entry of allowed) {
      const [net, prefix] = entry.split('/');
      const family = isIP(net);
      if (family === 0) this.allowedHosts.add(entry.toLowerCase());
      else if (prefix === undefined) this.allowedNets.addAddress(net, family === 4 ? 'ipv4' : 'ipv6');
      else this.allowedNets.addSubnet(net, Number(prefix), family === 4 ? 'ipv4' : 'ipv6');
    }
  }

  hostAllowed(host: string): boolean {
    return this.allowedHosts.has(host.toLowerCase());
  }

  /** Whether the gateway may connect to this resolved address. */
  addressAllowed(address: string): boolean {
    const family = isIP(address);
    if (family === 0) return false;
    const type = family === 4 ? 'ipv4' : 'ipv6';
    if (this.allowedNets.check(address, type)) return true;
    const v4 = family === 6 ? embeddedIPv4(address) : undefined;
    if (v4) return this.allowedNets.check(v4, 'ipv4') || !FORBIDDEN.check(v4, 'ipv4');
    return !FORBIDDEN.check(address, type);
  }
}
