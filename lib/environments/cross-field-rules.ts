import { awsBackupRules } from '../config/rules/aws-backup-rules';
import { databaseAccessRules } from '../config/rules/database-access-rules';
import { environmentRules } from '../config/rules/environment-rules';
import { gcpLabelRules } from '../config/rules/gcp-label-rules';
import { isolatedVpcRules } from '../config/rules/isolated-vpc-rules';
import { postgresMemoryRules } from '../config/rules/postgres-memory-rules';
import type { Rule } from '../config/rules/rule';
import { KIND_ROWS, replicaRegionsOf } from '../kinds/registry';

/** Rules about the environment as a whole (names, regions, networks, where copies go). */
export const ENVIRONMENT_RULES: readonly Rule[] = environmentRules(replicaRegionsOf);

/** Every cross-field rule: environment-wide first, then each kind's (registry order), then those across kinds. */
export const CROSS_FIELD_RULES: readonly Rule[] = [
  ...ENVIRONMENT_RULES,
  isolatedVpcRules,
  ...KIND_ROWS.flatMap((row) => row.rules),
  databaseAccessRules,
  gcpLabelRules,
  postgresMemoryRules,
  awsBackupRules,
];
