import { defineEnvironment } from 'databases-as-code/config';

/** A team's own development environment: one PostgreSQL instance in an isolated VPC. */
export default defineEnvironment({
  tier: 'development',
  tags: { team: 'consumer' },
  aws: {
    account: '123456789012',
    primaryRegion: 'eu-west-1',
    regions: { 'eu-west-1': { network: { type: 'isolated', cidr: '10.20.0.0/16', availabilityZones: ['eu-west-1a', 'eu-west-1b'] } } },
    notifications: { emails: ['db-alerts@example.com'] },
  },
  databases: [
    {
      kind: 'rds-instance',
      name: 'orders',
      engine: 'postgres',
      version: '17.6',
      instanceClass: 'db.t4g.medium',
      allocatedStorageGiB: 20,
      allowedCidrs: ['10.20.0.0/16'],
    },
  ],
});
