/** The fixture environment (test/support/fixtures.ts) with roles on a Cloud SQL PostgreSQL and a MySQL instance. */
export const APP = 'ledger-app@fixture-project.iam.gserviceaccount.com';
export const REPORTS = 'reports@fixture-project.iam.gserviceaccount.com';
export const MIGRATIONS = 'migrations@fixture-project.iam.gserviceaccount.com';

/** The fixture's PostgreSQL `ledger` gets roles and a second database; a MySQL `inventory` with roles is added. */
export function withCloudSqlRoles(config: any): void {
  const ledger = config.databases.find((db: any) => db.name === 'ledger');
  Object.assign(ledger, {
    databases: ['ledger', 'audit'],
    roles: [
      { name: 'ledger_owner', access: 'owner', auth: 'password', consumers: [MIGRATIONS] },
      { name: 'ledger_app', access: 'read-write', auth: 'iam', consumers: [APP] },
      { name: 'reporting', access: 'read-only', auth: 'iam', databases: ['ledger'], consumers: [REPORTS, APP] },
    ],
  });
  config.databases.push({
    kind: 'cloudsql-instance',
    name: 'inventory',
    engine: 'mysql',
    version: '8.4',
    tier: 'db-custom-2-7680',
    diskSizeGb: 50,
    databases: ['stock'],
    roles: [
      { name: 'stock_app', access: 'read-write', auth: 'iam', consumers: [APP] },
      { name: 'stock_batch', access: 'read-write', auth: 'password', consumers: [] },
    ],
  });
}
