/**
 * Settings a primary and its read replicas render the same way: private IP with TLS enforced, Query Insights, data
 * cache, database flags (checked against the engine's allow-list) and the flags that switch features on.
 */
import type {
  SqlDatabaseInstanceSettingsDatabaseFlags,
  SqlDatabaseInstanceSettingsInsightsConfig,
  SqlDatabaseInstanceSettingsIpConfiguration,
} from '@cdktf/provider-google/lib/sql-database-instance';
import { Token } from 'cdktf';
import { CLOUD_SQL_DEFAULTS } from './tables/cloud-sql-defaults';
import type { CloudSqlEngineRow } from './tables/cloud-sql-engine-table';
import type { CloudSqlSslMode } from './tables/cloud-sql-choices';
import { cloudSqlFlagProblem } from './tables/cloud-sql-flag-checks';
import type { PathProblem } from '../common/path-problem';
import type { CloudSqlQueryInsights } from './tables/cloud-sql-instance-checks';

/** Query Insights with every default filled in (what both a primary and its replicas render). */
export type ResolvedQueryInsights = Required<CloudSqlQueryInsights> | false;

export function resolveQueryInsights(insights: boolean | CloudSqlQueryInsights | undefined): ResolvedQueryInsights {
  if (insights === false) return false;
  const given = insights === true || insights === undefined ? {} : insights;
  return { ...CLOUD_SQL_DEFAULTS.queryInsights, ...definedOnly(given) };
}

/** The given settings without the ones left `undefined`, so they do not hide a default when spread over it. */
const definedOnly = <T extends object>(given: T): Partial<T> =>
  Object.fromEntries(Object.entries(given).filter(([, value]) => value !== undefined)) as Partial<T>;

export function renderInsights(insights: ResolvedQueryInsights): SqlDatabaseInstanceSettingsInsightsConfig | undefined {
  return insights === false ? undefined : { queryInsightsEnabled: true, ...insights };
}

/** No public IPv4 address: the instance is reachable only on the private network, and only over TLS. */
export function renderIpConfiguration(privateNetwork: string, sslMode: CloudSqlSslMode): SqlDatabaseInstanceSettingsIpConfiguration {
  return { ipv4Enabled: false, privateNetwork, sslMode };
}

/** In name order, so reordering the record changes nothing; left out when empty. */
export function renderFlags(flags: Readonly<Record<string, string>>): SqlDatabaseInstanceSettingsDatabaseFlags[] | undefined {
  const entries = Object.entries(flags).sort(([a], [b]) => a.localeCompare(b));
  return entries.length > 0 ? entries.map(([name, value]) => ({ name, value })) : undefined;
}

/** The flags that switch on IAM database authentication and audit logging (SQL Server audits to a bucket instead). */
export function featureFlags(row: CloudSqlEngineRow | undefined, features: { iamAuthentication: boolean; auditLogging: boolean }) {
  return {
    ...(features.iamAuthentication && row?.iamAuthenticationFlag ? { [row.iamAuthenticationFlag]: 'on' } : {}),
    ...(features.auditLogging && row && row.audit !== 'bucket' ? row.audit.flags : {}),
  };
}

/** Flags a user passed that the engine's allow-list refuses (skipped for unknown versions and tokens). */
export function databaseFlagProblems(row: CloudSqlEngineRow | undefined, flags: Readonly<Record<string, string>>): PathProblem[] {
  if (!row) return [];
  return Object.entries(flags).flatMap(([name, value]) => {
    if (Token.isUnresolved(value)) return [];
    const problem = cloudSqlFlagProblem(row.engine, row.displayName, name, value);
    return problem ? [{ ...problem, path: ['databaseFlags', ...problem.path] }] : [];
  });
}
