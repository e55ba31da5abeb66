import { ALL_TIERS, PolicyRule } from '../policy-rule';

const isWholeInternet = (cidr: string) => cidr.endsWith('/0');

export const privateNetwork: PolicyRule = {
  id: 'private-network',
  title: 'No database accepts connections from the whole internet',
  tiers: ALL_TIERS,
  check: ({ allowedNetworks: setting }) =>
    setting.value.some(isWholeInternet)
      ? { setting, message: 'opens the database to every address', fix: 'name the CIDR blocks of your application subnets' }
      : undefined,
};
