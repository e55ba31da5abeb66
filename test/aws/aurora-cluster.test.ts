/** An AuroraCluster composed directly: what it gets for the props it leaves out, and what its own checks refuse. */
import { Template } from 'aws-cdk-lib/assertions';
import { AuroraCluster, AuroraClusterProps } from '../../constructs/aws/aurora/aurora-cluster';
import { baseProps, testStack } from './support';

/** GIVEN the instance tests' key, topic and network, WHEN a provisioned Aurora PostgreSQL 17.6 cluster with a writer and a reader is added. */
function synthCluster(overrides: Partial<AuroraClusterProps> = {}) {
  const { stack, vpc } = testStack();
  const { identifier: _identifier, engine: _engine, engineVersion: _version, instanceClass, ...shared } = baseProps(stack, vpc, 'test-payments');
  new AuroraCluster(stack, 'Payments', {
    ...shared,
    clusterIdentifier: 'test-payments',
    engine: 'aurora-postgresql',
    engineVersion: '17.6',
    instanceClass,
    instances: [{ identifier: 'test-payments-1' }, { identifier: 'test-payments-2' }],
    ...overrides,
  });
  return Template.fromStack(stack);
}

describe('an AuroraCluster with only the required props', () => {
  const template = synthCluster();

  test('keeps 7 days of backups in the documented windows, with deletion protection', () => {
    template.hasResourceProperties('AWS::RDS::DBCluster', {
      BackupRetentionPeriod: 7,
      PreferredBackupWindow: '02:00-03:00',
      PreferredMaintenanceWindow: 'sun:04:00-sun:05:00',
      DeletionProtection: true,
      MonitoringInterval: 60,
      PerformanceInsightsRetentionPeriod: 7,
    });
  });

  test('puts the writer in promotion tier 0 and the reader in 1, both with the maintenance window', () => {
    const instances = Object.values<any>(template.findResources('AWS::RDS::DBInstance'));
    expect(instances.map((i) => i.Properties.PreferredMaintenanceWindow)).toEqual(['sun:04:00-sun:05:00', 'sun:04:00-sun:05:00']);
    expect(instances.map((i) => i.Properties.PromotionTier).sort()).toEqual([0, 1]);
  });
});

describe('an AuroraCluster checks its initial database name as the config loader does', () => {
  const name = (length: number) => `d${'b'.repeat(length - 1)}`;

  test('Aurora PostgreSQL takes 63 characters', () => {
    synthCluster({ databaseName: name(63) }).hasResourceProperties('AWS::RDS::DBCluster', { DatabaseName: name(63) });
  });

  test("and refuses 64, with the config rule's wording", () => {
    expect(() => synthCluster({ databaseName: name(64) })).toThrow(
      `Invalid AuroraCluster Test/Payments:\n  - databaseName = "${name(64)}": has 64 characters; Aurora PostgreSQL allows at most 63. Fix: shorten it to 63 characters or fewer`,
    );
  });
});
