import { Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { DatabaseDashboard } from '../../constructs/aws/foundation/database-dashboard';
import { testApp } from '../support/fixtures';

test('a graph per watched metric, one line per instance that has an alarm on it', () => {
  const stack = new Stack(testApp(), 'Dash', { env: { account: '123456789012', region: 'eu-west-1' } });
  new DatabaseDashboard(stack, 'Dashboard', {
    dashboardName: 'test-databases-eu-west-1',
    instances: [
      {
        identifier: 'test-orders',
        metrics: [
          { namespace: 'AWS/RDS', metricName: 'CPUUtilization' },
          { namespace: 'AWS/RDS', metricName: 'FreeStorageSpace' },
        ],
      },
      {
        identifier: 'test-orders-replica-1',
        metrics: [
          { namespace: 'AWS/RDS', metricName: 'CPUUtilization' },
          { namespace: 'AWS/RDS', metricName: 'ReplicaLag' },
        ],
      },
    ],
  });
  const dashboard = Object.values(Template.fromStack(stack).findResources('AWS::CloudWatch::Dashboard'))[0];
  expect(dashboard.Properties.DashboardName).toBe('test-databases-eu-west-1');
  const body = JSON.stringify(dashboard.Properties.DashboardBody);
  const titles = [...body.matchAll(/\\"title\\":\\"([A-Za-z]+)\\"/g)].map((m) => m[1]);
  expect(titles).toEqual(['CPUUtilization', 'FreeStorageSpace', 'ReplicaLag']);
  expect(body).toContain('\\"CPUUtilization\\",\\"DBInstanceIdentifier\\",\\"test-orders\\"');
  expect(body).toContain('\\"ReplicaLag\\",\\"DBInstanceIdentifier\\",\\"test-orders-replica-1\\"');
  expect(body).not.toContain('\\"ReplicaLag\\",\\"DBInstanceIdentifier\\",\\"test-orders\\"');
});

test('a metric name in two namespaces is two graphs: log-derived PostgreSQL deadlocks and Aurora MySQL deadlocks', () => {
  const stack = new Stack(testApp(), 'Dash2', { env: { account: '123456789012', region: 'eu-west-1' } });
  new DatabaseDashboard(stack, 'Dashboard', {
    dashboardName: 'test-databases-eu-west-1',
    instances: [
      { identifier: 'test-orders', metrics: [{ namespace: 'Databases/RDS', metricName: 'Deadlocks' }] },
      { identifier: 'test-payments-writer', metrics: [{ namespace: 'AWS/RDS', metricName: 'Deadlocks' }] },
    ],
  });
  const body = JSON.stringify(Object.values(Template.fromStack(stack).findResources('AWS::CloudWatch::Dashboard'))[0].Properties.DashboardBody);
  expect(body).toContain('\\"Databases/RDS\\",\\"Deadlocks\\",\\"DBInstanceIdentifier\\",\\"test-orders\\"');
  expect(body).toContain('\\"AWS/RDS\\",\\"Deadlocks\\",\\"DBInstanceIdentifier\\",\\"test-payments-writer\\"');
  expect(body).not.toContain('\\"Databases/RDS\\",\\"Deadlocks\\",\\"DBInstanceIdentifier\\",\\"test-payments-writer\\"');
});
