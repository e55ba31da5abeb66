/**
 * Which Aurora parameter group each name we tune belongs in. Aurora splits a cluster's parameters between the cluster
 * group (shared by every instance) and the instance group, and refuses a cluster-level name in an instance group.
 *
 * Source, per family (the "Cluster-level parameters" and "Instance-level parameters" tables of the user guide, the
 * same split `aws rds describe-engine-default-cluster-parameters --db-parameter-group-family <family>` returns):
 * - Aurora PostgreSQL: https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/AuroraPostgreSQL.Reference.ParameterGroups.html
 *   (autovacuum settings, log_autovacuum_min_duration, rds.force_ssl and the pgaudit settings are cluster-level).
 * - Aurora MySQL: https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/AuroraMySQL.Reference.ParameterGroups.html
 *   (innodb_print_all_deadlocks is cluster-level).
 * A name we tune must have a row here (test/aws/aurora-parameter-levels.test.ts), so a new tuned setting cannot land
 * in the wrong group unnoticed.
 */
import type { PathProblem } from '../common/path-problem';

export type AuroraParameterLevel = 'cluster' | 'instance';

export const AURORA_PARAMETER_LEVELS: Readonly<Record<'postgres' | 'mysql', Readonly<Record<string, AuroraParameterLevel>>>> = {
  postgres: {
    autovacuum_vacuum_scale_factor: 'cluster',
    autovacuum_vacuum_insert_scale_factor: 'cluster',
    autovacuum_analyze_scale_factor: 'cluster',
    log_autovacuum_min_duration: 'cluster',
    maintenance_work_mem: 'instance',
    max_connections: 'instance',
    random_page_cost: 'instance',
    log_min_duration_statement: 'instance',
    log_lock_waits: 'instance',
    idle_in_transaction_session_timeout: 'instance',
    tcp_keepalives_idle: 'instance',
    log_temp_files: 'instance',
    work_mem: 'instance',
  },
  mysql: {
    innodb_print_all_deadlocks: 'cluster',
    slow_query_log: 'instance',
    long_query_time: 'instance',
    log_output: 'instance',
    wait_timeout: 'instance',
    interactive_timeout: 'instance',
    max_connections: 'instance',
  },
};

/** A cluster-level name among the instance parameters: Aurora refuses it in an instance parameter group. */
export function auroraParameterLevelProblems(
  family: 'postgres' | 'mysql',
  groupFamily: string,
  instanceParameters: Readonly<Record<string, string | number>>,
): PathProblem[] {
  return Object.entries(instanceParameters)
    .filter(([name]) => AURORA_PARAMETER_LEVELS[family][name] === 'cluster')
    .map(([name, value]) => ({
      path: ['instanceParameters', name],
      value,
      message: `'${name}' is a cluster-level parameter of the ${groupFamily} family; an instance parameter group cannot hold it`,
      fix: `move it to parameters (the cluster parameter group)`,
    }));
}
