import type { RdsEngine } from '../../constructs/aws/rds/tables/rds-engine-table';

/** A valid version, class and availability per RDS engine, merged into the fixture's `orders` so only the setting under test decides. */
export const VALID_RDS_ENGINE_SETTINGS: Readonly<Record<RdsEngine, Readonly<Record<string, unknown>>>> = {
  postgres: {},
  mysql: { engine: 'mysql', version: '8.0.43' },
  mariadb: { engine: 'mariadb', version: '11.8.3' },
  'sqlserver-ex': { engine: 'sqlserver-ex', version: '15.00.4440.1.v1', instanceClass: 'db.t3.large', highAvailability: false },
  'sqlserver-web': { engine: 'sqlserver-web', version: '16.00.4215.2.v1', instanceClass: 'db.m6i.xlarge', highAvailability: false },
  'sqlserver-se': { engine: 'sqlserver-se', version: '16.00.4215.2.v1', instanceClass: 'db.m6i.xlarge' },
  'sqlserver-ee': { engine: 'sqlserver-ee', version: '16.00.4215.2.v1', instanceClass: 'db.m6i.xlarge' },
  'oracle-se2': { engine: 'oracle-se2', version: '19.0.0.0.ru-2025-07.rur-2025-07.r1', instanceClass: 'db.m5.large' },
  'oracle-ee': { engine: 'oracle-ee', version: '19.0.0.0.ru-2025-07.rur-2025-07.r1', instanceClass: 'db.r6i.xlarge' },
};
