/** The aws-cdk-lib engine object of an engine-table row: one line per engine, built from the row's own version data. */
import * as rds from 'aws-cdk-lib/aws-rds';
import { RDS_ENGINE_TABLE, type RdsEngine } from './tables/rds-engine-table';

type EngineFactory = (version: string, major: string) => rds.IInstanceEngine;

const E = rds.DatabaseInstanceEngine;
const CDK_ENGINES: Readonly<Record<string, EngineFactory>> = {
  postgres: (v, m) => E.postgres({ version: rds.PostgresEngineVersion.of(v, m) }),
  mysql: (v, m) => E.mysql({ version: rds.MysqlEngineVersion.of(v, m) }),
  mariadb: (v, m) => E.mariaDb({ version: rds.MariaDbEngineVersion.of(v, m) }),
  'sqlserver-ex': (v, m) => E.sqlServerEx({ version: rds.SqlServerEngineVersion.of(v, m) }),
  'sqlserver-web': (v, m) => E.sqlServerWeb({ version: rds.SqlServerEngineVersion.of(v, m) }),
  'sqlserver-se': (v, m) => E.sqlServerSe({ version: rds.SqlServerEngineVersion.of(v, m) }),
  'sqlserver-ee': (v, m) => E.sqlServerEe({ version: rds.SqlServerEngineVersion.of(v, m) }),
  'oracle-se2': (v, m) => E.oracleSe2({ version: rds.OracleEngineVersion.of(v, m) }),
  'oracle-ee': (v, m) => E.oracleEe({ version: rds.OracleEngineVersion.of(v, m) }),
};

/** The CDK engine for a validated engine and full version. */
export function cdkInstanceEngine(engine: RdsEngine, version: string): rds.IInstanceEngine {
  const row = RDS_ENGINE_TABLE[engine];
  return CDK_ENGINES[engine](version, row.majorOf(version));
}

export const CDK_ENGINE_NAMES = Object.keys(CDK_ENGINES);
