/** What an AuroraCluster composed directly gets for the props it leaves out: the values its props document. */
import { Template } from 'aws-cdk-lib/assertions';
import { AuroraCluster } from '../../constructs/aws/aurora/aurora-cluster';
import { baseProps, testStack } from './support';

describe('an AuroraCluster with only the required props', () => {
  // GIVEN the instance test's key, topic and network, WHEN a provisioned Aurora PostgreSQL cluster with a writer and a reader is added
  const { stack, vpc } = testStack();
  const { identifier: _identifier, engine: _engine, engineVersion: _version, instanceClass, ...shared } = baseProps(stack, vpc, 'test-payments');
  new AuroraCluster(stack, 'Payments', {
    ...shared,
    clusterIdentifier: 'test-payments',
    engine: 'aurora-postgresql',
    engineVersion: '17.6',
    instanceClass,
    instances: [{ identifier: 'test-payments-1' }, { identifier: 'test-payments-2' }],
  });
  const template = Template.fromStack(stack);

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
