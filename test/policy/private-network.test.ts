/**
 * The private-network policy: every allowed client network is private address space. Each private range is tried at
 * its edge (the range itself accepted, the block one step wider or just outside refused), through the rule and
 * through the policy check of a loaded environment (`cdk synth` itself: private-network-cli.integration.test.ts).
 */
import { formatProblem } from '../../lib/config/config-error';
import { validateEnvironment } from '../../lib/environments/validate-environment';
import { buildPlan } from '../../lib/plan/build-plan';
import { isPrivateIpv4Block } from '../../lib/policy/private-address-space';
import { policyProblems } from '../../lib/policy/policy-problems';
import { withChange } from '../support/fixtures';

const PUBLIC_MESSAGE =
  "admits public addresses; only private address space is allowed (10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16, 100.64.0.0/10) (policy 'private-network': Databases accept connections from private address space only). Fix: name the CIDR blocks of your application subnets, or waive 'private-network' for this database with a reason";

describe('private address space', () => {
  test.each([
    // just inside: each range whole, its last /32, a block with host bits set (AWS masks them)
    ['10.0.0.0/8', true],
    ['10.255.255.255/32', true],
    ['172.16.0.0/12', true],
    ['172.31.255.0/24', true],
    ['192.168.0.0/16', true],
    ['192.168.255.255/32', true],
    ['100.64.0.0/10', true],
    ['100.127.255.255/32', true],
    ['10.1.2.3/8', true],
    // just outside: one bit wider, the next block, the address before
    ['10.0.0.0/7', false],
    ['11.0.0.0/32', false],
    ['9.255.255.255/32', false],
    ['172.16.0.0/11', false],
    ['172.32.0.0/16', false],
    ['172.15.255.255/32', false],
    ['192.168.0.0/15', false],
    ['192.169.0.0/16', false],
    ['100.64.0.0/9', false],
    ['100.128.0.0/10', false],
    ['100.63.255.255/32', false],
    // the whole internet, alone or in halves
    ['0.0.0.0/0', false],
    ['0.0.0.0/1', false],
    ['128.0.0.0/1', false],
    ['8.8.8.8/32', false],
  ])('%s private: %s', (cidr, expected) => {
    expect(isPrivateIpv4Block(cidr)).toBe(expected);
  });
});

/** GIVEN the production fixture with the orders database's allowedCidrs, WHEN the policy runs, THEN these lines. */
function violations(allowedCidrs: string[], waive = false): string[] {
  const env = validateEnvironment(
    'prod',
    withChange((c) => {
      c.databases[0].allowedCidrs = allowedCidrs;
      if (waive) c.databases[0].waivers = [{ rule: 'private-network', reason: 'partner VPC uses its own public range' }];
    }),
  );
  return policyProblems(env, buildPlan(env), '2026-11-21').map(formatProblem);
}

test('private blocks pass', () => {
  expect(violations(['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', '100.64.0.0/10'])).toEqual([]);
});

test('two /1 halves open the whole internet without a /0: refused at the first public block', () => {
  expect(violations(['10.0.0.0/16', '0.0.0.0/1', '128.0.0.0/1'])).toEqual([`prod › orders › databases[0].allowedCidrs[1] = "0.0.0.0/1": ${PUBLIC_MESSAGE}`]);
});

test('a public range next to a private one (172.32.0.0/16) is refused', () => {
  expect(violations(['172.32.0.0/16'])).toEqual([`prod › orders › databases[0].allowedCidrs[0] = "172.32.0.0/16": ${PUBLIC_MESSAGE}`]);
});

test('a waiver with a reason lets a public range through', () => {
  expect(violations(['203.0.113.0/24'], true)).toEqual([]);
});
