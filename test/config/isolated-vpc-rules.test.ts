/** The CIDR block of an isolated VPC: /16 to /28 (AWS), a /24 per zone (our subnets), private or publicly routable. */
import { formatProblem } from '../../lib/config/config-error';
import { checkEnvironment } from '../../lib/environments/validate-environment';
import { withChange } from '../support/fixtures';

/** eu-central-1 of the fixture is isolated, in 2 zones. */
function problemsOf(cidr: string, zones?: string[]): string[] {
  const check = checkEnvironment(
    'test',
    withChange((c: any) => {
      c.aws.regions['eu-central-1'].network.cidr = cidr;
      if (zones) c.aws.regions['eu-central-1'].network.availabilityZones = zones;
    }),
  );
  return check.ok ? [] : check.problems.map(formatProblem);
}
const at = 'test › aws.regions.eu-central-1.network.cidr';

test('a /16 passes, a /15 fails', () => {
  expect(problemsOf('10.50.0.0/16')).toEqual([]);
  expect(problemsOf('10.50.0.0/15')).toEqual([
    `${at} = "10.50.0.0/15": is a /15 block; an AWS VPC takes /16 to /28. Fix: choose a block from /16 to /23, such as 10.20.0.0/16`,
  ]);
});

test('below /28 AWS refuses the block', () => {
  expect(problemsOf('10.50.0.0/29')).toEqual([
    `${at} = "10.50.0.0/29": is a /29 block; an AWS VPC takes /16 to /28. Fix: choose a block from /16 to /23, such as 10.20.0.0/16`,
  ]);
});

test('one /24 per zone: two zones take a /23, not a /24; three zones a /22, not a /23', () => {
  expect(problemsOf('10.50.0.0/23')).toEqual([]);
  expect(problemsOf('10.50.0.0/24')).toEqual([
    `${at} = "10.50.0.0/24": is too small for one /24 database subnet in each of the 2 availability zones (at most /23). Fix: choose a block from /16 to /23`,
  ]);
  const three = ['eu-central-1a', 'eu-central-1b', 'eu-central-1c'];
  expect(problemsOf('10.50.0.0/22', three)).toEqual([]);
  expect(problemsOf('10.50.0.0/23', three)).toEqual([
    `${at} = "10.50.0.0/23": is too small for one /24 database subnet in each of the 3 availability zones (at most /22). Fix: choose a block from /16 to /22`,
  ]);
});

test('private and publicly routable blocks pass; unroutable special-purpose blocks fail', () => {
  for (const cidr of [
    '172.16.0.0/16',
    '192.168.0.0/16',
    '100.64.0.0/16',
    '8.8.0.0/16',
    '1.0.0.0/16',
    '126.255.0.0/16',
    '128.0.0.0/16',
    '169.253.0.0/16',
    '169.255.0.0/16',
    '223.255.0.0/16',
  ]) {
    expect({ cidr, problems: problemsOf(cidr) }).toEqual({ cidr, problems: [] });
  }
  for (const [cidr, range, name] of [
    ['0.0.0.0/16', '0.0.0.0/8', 'this network'],
    ['127.0.0.0/16', '127.0.0.0/8', 'loopback'],
    ['169.254.0.0/16', '169.254.0.0/16', 'link-local'],
    ['224.0.0.0/16', '224.0.0.0/4', 'multicast'],
    ['240.0.0.0/16', '240.0.0.0/4', 'reserved'],
  ]) {
    expect(problemsOf(cidr)).toEqual([
      `${at} = "${cidr}": is in ${range} (${name}), neither private (RFC 1918) nor publicly routable; an AWS VPC takes one or the other. Fix: choose a block in 10.0.0.0/8, 172.16.0.0/12 or 192.168.0.0/16`,
    ]);
  }
});
