/** Rules for Cloud SQL instances: names, versions, tiers and editions, backups versus transaction logs. */
import { CLOUD_SQL_NAME_MAX_LENGTH, identifierProblem } from '../../../constructs/common/identifiers';
import { cloudSqlTierSize, isPerformanceOptimizedTier } from '../../../constructs/gcp/cloud-sql-tiers';
import { CLOUD_SQL_ENGINE_TABLE, TRANSACTION_LOG_DAYS } from '../../../constructs/gcp/cloud-sql-engine-table';
import type { ProblemDraft } from '../problem-draft';
import type { Rule } from './rule';

export const cloudSqlInstanceRules: Rule = (env) =>
  env.databases.flatMap((db, index): ProblemDraft[] => {
    if (db.kind !== 'cloudsql-instance') return [];
    const at = (field: string) => ['databases', index, field];
    const problems: ProblemDraft[] = [];
    const instanceName = `${env.name}-${db.name}`;
    const nameProblem = identifierProblem(instanceName, CLOUD_SQL_NAME_MAX_LENGTH);
    if (nameProblem) {
      problems.push({ database: db.name, path: at('name'), value: db.name, message: `gives the Cloud SQL instance name '${instanceName}', which ${nameProblem}`, fix: 'shorten the database name' });
    }
    const row = CLOUD_SQL_ENGINE_TABLE[db.engine];
    if (row && !(db.version in row.versions)) {
      problems.push({ database: db.name, path: at('version'), value: db.version, message: `is not a supported Cloud SQL ${row.displayName} version; supported: ${Object.keys(row.versions).join(', ')}`, fix: 'choose a supported version' });
    }
    const longLogs = db.edition === 'ENTERPRISE_PLUS' && row?.longLogRetentionOnEnterprisePlus === true;
    const maxLogDays = longLogs ? TRANSACTION_LOG_DAYS.enterprisePlus : TRANSACTION_LOG_DAYS.standard;
    if (db.transactionLogRetentionDays > maxLogDays) {
      problems.push({ database: db.name, path: at('transactionLogRetentionDays'), value: db.transactionLogRetentionDays, message: `must be from 1 to ${maxLogDays} days for ${db.edition} ${db.engine} (35 only on ENTERPRISE_PLUS for PostgreSQL and SQL Server)`, fix: `lower it to ${maxLogDays} or less` });
    } else if (db.pointInTimeRecovery && db.transactionLogRetentionDays >= db.retainedBackups) {
      problems.push({ database: db.name, path: at('transactionLogRetentionDays'), value: db.transactionLogRetentionDays, message: `must be less than retainedBackups (${db.retainedBackups}); Cloud SQL keeps more backups than days of transaction logs`, fix: `lower it below ${db.retainedBackups} or raise retainedBackups above ${db.transactionLogRetentionDays}` });
    }
    const size = cloudSqlTierSize(db.tier);
    if (typeof size === 'string') {
      problems.push({ database: db.name, path: at('tier'), value: db.tier, message: size, fix: 'choose a valid tier such as db-custom-2-7680' });
    } else if (db.edition === 'ENTERPRISE_PLUS' && !isPerformanceOptimizedTier(db.tier)) {
      problems.push({ database: db.name, path: at('tier'), value: db.tier, message: 'is not a performance-optimized tier; ENTERPRISE_PLUS offers only db-perf-optimized-N-<vCPU>', fix: "choose a tier such as db-perf-optimized-N-4, or set edition: 'ENTERPRISE'" });
    } else if (db.edition === 'ENTERPRISE' && isPerformanceOptimizedTier(db.tier)) {
      problems.push({ database: db.name, path: at('tier'), value: db.tier, message: 'is a performance-optimized tier, which only ENTERPRISE_PLUS offers', fix: "set edition: 'ENTERPRISE_PLUS' or choose a db-custom tier" });
    }
    return problems;
  });

