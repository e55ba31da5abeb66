import { defineEnvironment } from './schema';

/** Staging: production-shaped (Multi-AZ / REGIONAL, deletion protection) at a smaller size. */
export default defineEnvironment({
  tier: 'staging',
  description: 'Pre-production databases',
  tags: { environment: 'staging', 'cost-center': 'platform' },
  aws: {
    account: '222222222222',
    primaryRegion: 'eu-west-1',
    regions: {
      'eu-west-1': {
        network: {
          type: 'existing',
          vpcId: 'vpc-0a1b2c3d4e5f60002',
          availabilityZones: ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'],
          privateSubnetIds: ['subnet-0aa0000000000021a', 'subnet-0aa0000000000021b', 'subnet-0aa0000000000021c'],
        },
      },
    },
    notifications: { emails: ['db-alerts-staging@example.com'] },
  },
  gcp: {
    projectId: 'acme-databases-staging',
    projectNumber: '100000000002',
    primaryRegion: 'europe-west1',
    regions: ['europe-west1'],
    privateNetwork: 'projects/acme-network-staging/global/networks/shared-vpc',
    notifications: { emails: ['db-alerts-staging@example.com'] },
    // In Cloud Storage, not on disk: the delivery pipeline deploys from a build container (config/delivery/pipeline.ts).
    stateBackend: { type: 'gcs', bucket: 'acme-terraform-state-staging', prefix: 'databases' },
  },
  databases: [
    {
      kind: 'rds-instance',
      name: 'orders',
      engine: 'postgres',
      version: '17.6',
      instanceClass: 'db.m7g.large',
      allocatedStorageGiB: 100,
      maxAllocatedStorageGiB: 200,
      databaseName: 'orders',
      allowedCidrs: ['10.20.0.0/16'],
      preferredBackupWindow: '01:00-02:00',
      preferredMaintenanceWindow: 'sat:03:00-sat:04:00',
      proxy: true,
    },
    {
      kind: 'rds-instance',
      name: 'catalog',
      engine: 'mysql',
      version: '8.4.6',
      instanceClass: 'db.m7g.large',
      allocatedStorageGiB: 50,
      maxAllocatedStorageGiB: 100,
      databaseName: 'catalog',
      credentials: 'secrets-manager',
      passwordRotationDays: 30,
      allowedCidrs: ['10.20.0.0/16'],
      replicas: [{ region: 'eu-west-1' }],
    },
    {
      kind: 'aurora-cluster',
      name: 'payments',
      engine: 'aurora-mysql',
      version: '8.0.mysql_aurora.3.10.1',
      instanceClass: 'db.r6g.large',
      databaseName: 'payments',
      allowedCidrs: ['10.20.0.0/16'],
      backtrackHours: 24,
    },
    {
      kind: 'dynamodb-table',
      name: 'sessions',
      partitionKey: { name: 'sessionId', type: 'string' },
      billing: { mode: 'provisioned', readCapacity: { min: 5, max: 50 }, writeCapacity: { min: 5, max: 25 } },
      timeToLiveAttribute: 'expiresAt',
    },
    {
      kind: 'cloudsql-instance',
      name: 'ledger',
      engine: 'postgres',
      version: '16',
      edition: 'ENTERPRISE',
      tier: 'db-custom-2-7680',
      diskSizeGb: 50,
    },
    {
      // Production-shaped: a primary and a replica in another zone, Multi-AZ with automatic failover.
      kind: 'elasticache-cluster',
      name: 'session-cache',
      use: 'cache',
      allowedCidrs: ['10.20.0.0/16'],
      waivers: [
        { rule: 'point-in-time-recovery', reason: 'ElastiCache has no point-in-time recovery; daily snapshots are its backup (RPO one day)' },
        { rule: 'deletion-protection', reason: 'ElastiCache has no deletion protection; DeletionPolicy (removalPolicy) keeps it when it leaves the template' },
      ],
    },
  ],
});
