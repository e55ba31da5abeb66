import { auroraClusterRules } from '../../kinds/aurora-cluster/aurora-cluster-rules';
import { awsBackupRules } from './aws-backup-rules';
import { cloudSqlInstanceRules } from '../../kinds/cloudsql-instance/cloudsql-instance-rules';
import { dynamodbTableRules } from '../../kinds/dynamodb-table/dynamodb-table-rules';
import { ENVIRONMENT_RULES } from './environment-rules';
import { gcpLabelRules } from './gcp-label-rules';
import { isolatedVpcRules } from './isolated-vpc-rules';
import { postgresMemoryRules } from './postgres-memory-rules';
import { rdsInstanceRules } from '../../kinds/rds-instance/rds-instance-rules';
import type { Rule } from './rule';

/** Every cross-field rule, environment-wide first, then one set per database kind, then AWS Backup. */
export const CROSS_FIELD_RULES: readonly Rule[] = [...ENVIRONMENT_RULES, isolatedVpcRules, rdsInstanceRules, auroraClusterRules, dynamodbTableRules, cloudSqlInstanceRules, gcpLabelRules, postgresMemoryRules, awsBackupRules];
