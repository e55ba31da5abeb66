import { defineEnvironment } from './schema';

/** Development: small, single-AZ, cheap to destroy. Its own isolated VPC, so it needs no existing network. */
export default defineEnvironment({
  tier: 'development',
  description: 'Developer sandbox databases',
  tags: { environment: 'dev', 'cost-center': 'platform' },
  aws: {
    account: '111111111111',
    primaryRegion: 'eu-west-1',
    regions: {
      'eu-west-1': {
        network: { type: 'isolated', cidr: '10.10.0.0/16', availabilityZones: ['eu-west-1a', 'eu-west-1b'] },
      },
    },
    notifications: { emails: ['db-alerts-dev@example.com'] },
  },
  gcp: {
    projectId: 'acme-databases-dev',
    projectNumber: '100000000001',
    primaryRegion: 'europe-west1',
    regions: ['europe-west1'],
    privateNetwork: 'projects/acme-network-dev/global/networks/shared-vpc',
    notifications: { emails: ['db-alerts-dev@example.com'] },
    // In Cloud Storage, not on disk: the delivery pipeline deploys from a build container (config/delivery/pipeline.ts).
    stateBackend: { type: 'gcs', bucket: 'acme-terraform-state-dev', prefix: 'databases' },
  },
  databases: [
    {
      kind: 'rds-instance',
      name: 'orders',
      engine: 'postgres',
      version: '17.6',
      instanceClass: 'db.t4g.medium',
      allocatedStorageGiB: 20,
      databaseName: 'orders',
      allowedCidrs: ['10.10.0.0/16'],
    },
    {
      kind: 'rds-instance',
      name: 'catalog',
      engine: 'mysql',
      version: '8.4.6',
      instanceClass: 'db.t4g.small',
      allocatedStorageGiB: 20,
      databaseName: 'catalog',
      allowedCidrs: ['10.10.0.0/16'],
    },
    {
      // Serverless v2 that pauses when idle: no instance cost overnight.
      kind: 'aurora-cluster',
      name: 'payments',
      engine: 'aurora-postgresql',
      version: '16.9',
      serverlessV2: { minCapacity: 0, maxCapacity: 4, autoPauseMinutes: 30 },
      databaseName: 'payments',
      allowedCidrs: ['10.10.0.0/16'],
    },
    {
      kind: 'cloudsql-instance',
      name: 'ledger',
      engine: 'postgres',
      version: '16',
      edition: 'ENTERPRISE',
      tier: 'db-custom-1-3840',
      diskSizeGb: 20,
      // What `dbctl provision --env dev --dry-run` prints the SQL for.
      databases: ['ledger'],
      roles: [
        { name: 'ledger_migrator', access: 'owner', consumers: ['ledger-migrations@acme-databases-dev.iam.gserviceaccount.com'] },
        { name: 'ledger_app', access: 'read-write', auth: 'iam', consumers: ['ledger-api@acme-databases-dev.iam.gserviceaccount.com'] },
        { name: 'ledger_reporting', access: 'read-only' },
      ],
    },
    {
      // A Valkey cache (the default engine): one node, evicts least recently used keys when full.
      kind: 'elasticache-cluster',
      name: 'session-cache',
      use: 'cache',
      allowedCidrs: ['10.10.0.0/16'],
      waivers: [{ rule: 'point-in-time-recovery', reason: 'ElastiCache has no point-in-time recovery; daily snapshots are its backup (RPO one day)' }],
    },
  ],
});
