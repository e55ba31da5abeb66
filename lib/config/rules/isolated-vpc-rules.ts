/**
 * The CIDR block of an isolated VPC the foundation creates (constructs/aws/foundation/database-network.ts):
 * - size: "The allowed block size is between a /16 netmask (65,536 IP addresses) and /28 netmask (16 IP addresses)"
 *   ("VPC CIDR blocks", Amazon VPC User Guide; CreateVpc in the EC2 API reference says the same).
 * - room: the network gives each availability zone one /24 database subnet (`cidrMask: 24`), so the block must hold
 *   one /24 per zone.
 * - address space: AWS takes RFC 1918 ranges (recommended), or "a publicly routable CIDR block" (same page). Blocks
 *   that are neither, the IANA special-purpose ranges no one can route (RFC 6890: this network, loopback, link-local,
 *   multicast, reserved), are refused here; AWS's own refusal of each of them is not verified against the API.
 *   100.64.0.0/10 (RFC 6598) is accepted, as lib/policy/private-address-space.ts records.
 */
import { rangeContaining } from '../../policy/private-address-space';
import type { ProblemDraft } from '../problem-draft';
import type { Rule } from './rule';

export const VPC_PREFIX = { largest: 16, smallest: 28 } as const;
const DATABASE_SUBNET_PREFIX = 24;

const UNROUTABLE_RANGES: Readonly<Record<string, string>> = {
  '0.0.0.0/8': 'this network',
  '127.0.0.0/8': 'loopback',
  '169.254.0.0/16': 'link-local',
  '224.0.0.0/4': 'multicast',
  '240.0.0.0/4': 'reserved',
};

/** The longest prefix that still holds one /24 per zone: /24 for 1 zone, /23 for 2, /22 for 3 or 4. */
const longestPrefixFor = (zones: number) => DATABASE_SUBNET_PREFIX - Math.ceil(Math.log2(Math.max(zones, 1)));

export const isolatedVpcRules: Rule = (env) =>
  Object.entries(env.aws?.regions ?? {}).flatMap(([region, { network }]): ProblemDraft[] => {
    if (network.type !== 'isolated') return [];
    const path = ['aws', 'regions', region, 'network', 'cidr'];
    const prefix = Number(network.cidr.split('/')[1]);
    const zones = network.availabilityZones.length;
    if (prefix < VPC_PREFIX.largest || prefix > VPC_PREFIX.smallest) {
      return [
        {
          path,
          value: network.cidr,
          message: `is a /${prefix} block; an AWS VPC takes /${VPC_PREFIX.largest} to /${VPC_PREFIX.smallest}`,
          fix: `choose a block from /${VPC_PREFIX.largest} to /${longestPrefixFor(zones)}, such as 10.20.0.0/16`,
        },
      ];
    }
    const longest = longestPrefixFor(zones);
    if (prefix > longest) {
      return [
        {
          path,
          value: network.cidr,
          message: `is too small for one /${DATABASE_SUBNET_PREFIX} database subnet in each of the ${zones} availability zones (at most /${longest})`,
          fix: `choose a block from /${VPC_PREFIX.largest} to /${longest}`,
        },
      ];
    }
    const unroutable = rangeContaining(network.cidr, Object.keys(UNROUTABLE_RANGES));
    if (unroutable) {
      return [
        {
          path,
          value: network.cidr,
          message: `is in ${unroutable} (${UNROUTABLE_RANGES[unroutable]}), neither private (RFC 1918) nor publicly routable; an AWS VPC takes one or the other`,
          fix: 'choose a block in 10.0.0.0/8, 172.16.0.0/12 or 192.168.0.0/16',
        },
      ];
    }
    return [];
  });
