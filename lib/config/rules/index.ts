import { cloudSqlInstanceRules } from './cloudsql-instance-rules';
import { ENVIRONMENT_RULES } from './environment-rules';
import { rdsInstanceRules } from './rds-instance-rules';
import type { Rule } from './rule';

/** Every cross-field rule, environment-wide first, then one set per database kind. */
export const CROSS_FIELD_RULES: readonly Rule[] = [...ENVIRONMENT_RULES, rdsInstanceRules, cloudSqlInstanceRules];
