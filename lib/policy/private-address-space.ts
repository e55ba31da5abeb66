/**
 * Private IPv4 address space: the ranges a database's allowed client networks may come from. A block is private
 * when one of these ranges contains it whole; since CIDR blocks either nest or do not overlap, a block that is in
 * none of them holds public addresses (two /1 halves, 0.0.0.0/0, 8.8.8.0/24 and 172.0.0.0/8 alike).
 */
export const PRIVATE_IPV4_RANGES = [
  // RFC 1918 private internets, the ranges AWS recommends for VPCs ("VPC CIDR blocks", Amazon VPC User Guide) and
  // Google uses for VPC subnets ("Valid IPv4 ranges", VPC documentation).
  '10.0.0.0/8',
  '172.16.0.0/12',
  '192.168.0.0/16',
  // RFC 6598 shared address space: not routed on the internet; AWS accepts it as a VPC CIDR and Google as a subnet range.
  '100.64.0.0/10',
] as const;

interface Block {
  readonly network: number;
  readonly prefix: number;
}

function parseBlock(cidr: string): Block {
  const [address, prefixText] = cidr.split('/');
  const prefix = Number(prefixText);
  const value = address.split('.').reduce((sum, octet) => sum * 256 + Number(octet), 0);
  // Host bits are ignored, as AWS does for a security group rule's CidrIp (10.1.2.3/8 means 10.0.0.0/8).
  const size = 2 ** (32 - prefix);
  return { network: Math.floor(value / size) * size, prefix };
}

const contains = (outer: Block, inner: Block) =>
  inner.prefix >= outer.prefix && Math.floor(inner.network / 2 ** (32 - outer.prefix)) === outer.network / 2 ** (32 - outer.prefix);

/** The first of `ranges` that holds the whole IPv4 CIDR block, if any. */
export function rangeContaining(cidr: string, ranges: readonly string[]): string | undefined {
  const block = parseBlock(cidr);
  return ranges.find((range) => contains(parseBlock(range), block));
}

/** True when every address of the IPv4 CIDR block is private (inside one of PRIVATE_IPV4_RANGES). */
export function isPrivateIpv4Block(cidr: string): boolean {
  return rangeContaining(cidr, PRIVATE_IPV4_RANGES) !== undefined;
}
