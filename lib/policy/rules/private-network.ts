import { isPrivateIpv4Block, PRIVATE_IPV4_RANGES } from '../private-address-space';
import { ALL_TIERS, PolicyRule } from '../policy-rule';

const isWholeInternet = (cidr: string) => cidr.endsWith('/0');

/**
 * Every allowed client network must be private address space. Checking only for /0 let blocks that together open the
 * whole internet (0.0.0.0/1 + 128.0.0.0/1) or any public range through.
 */
export const privateNetwork: PolicyRule = {
  id: 'private-network',
  title: 'Databases accept connections from private address space only',
  tiers: ALL_TIERS,
  check: ({ allowedNetworks: { value: cidrs, path } }) => {
    const index = cidrs.findIndex((cidr) => !isPrivateIpv4Block(cidr));
    if (index < 0) return undefined;
    const cidr = cidrs[index];
    return {
      setting: { value: cidr, path: [...path, index] },
      message: isWholeInternet(cidr)
        ? 'opens the database to every address'
        : `admits public addresses; only private address space is allowed (${PRIVATE_IPV4_RANGES.join(', ')})`,
      fix: 'name the CIDR blocks of your application subnets',
    };
  },
};
