/** The aws-cdk-lib cluster engine of an Aurora engine-table row and full version. */
import * as rds from 'aws-cdk-lib/aws-rds';
import { AURORA_ENGINE_TABLE, AuroraEngine } from './tables/aurora-engine-table';

export function cdkClusterEngine(engine: AuroraEngine, version: string): rds.IClusterEngine {
  const major = AURORA_ENGINE_TABLE[engine].majorOf(version);
  return engine === 'aurora-postgresql'
    ? rds.DatabaseClusterEngine.auroraPostgres({ version: rds.AuroraPostgresEngineVersion.of(version, major) })
    : rds.DatabaseClusterEngine.auroraMysql({ version: rds.AuroraMysqlEngineVersion.of(version, major) });
}
