/**
 * Which parameters each RDS engine family has, so an override of a parameter the family does not have is an error
 * instead of a failed deployment. RDS publishes these lists only through its API
 * (`aws rds describe-engine-default-parameters --db-parameter-group-family <family>`), which synth must not call, so
 * they are kept here as data:
 * - PostgreSQL: the server's own GUC table (`postgres --describe-config` of PostgreSQL 15, checked by
 *   test/aws/rds-parameter-names.test.ts when a server is installed), the names later majors added or removed, and
 *   the namespaces of the extensions RDS configures (`rds.`, `pgaudit.`, …).
 * - MySQL, MariaDB, SQL Server, Oracle: the parameters platform teams commonly set. A real parameter missing here is
 *   rejected with a message saying to add it here; that is a one-line change, and safer than a typo reaching RDS.
 */

/** A name that exists only from `since` (a major version) or only before `until`. */
interface VersionedName {
  readonly name: string;
  readonly since?: string;
  readonly until?: string;
}

export interface ParameterCatalog {
  /** Whether `name` is a parameter of this engine family at this major version. */
  readonly has: (name: string, major: string) => boolean;
  /** Where to look when a name is missing. */
  readonly source: string;
}

const words = (text: string) => text.trim().split(/\s+/);

/** Compares dotted majors numerically: `8.0` < `8.4`, `10.11` < `11.4`, `9` < `17`. */
export function compareMajors(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const diff = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (diff !== 0) return diff;
  }
  return 0;
}

function catalog(options: {
  names: readonly string[];
  versioned?: readonly VersionedName[];
  prefixes?: readonly string[];
  caseInsensitive?: boolean;
  source: string;
}): ParameterCatalog {
  const fold = (name: string) => (options.caseInsensitive ? name.toLowerCase() : name);
  const always = new Set(options.names.map(fold));
  const versioned = new Map((options.versioned ?? []).map((entry) => [fold(entry.name), entry]));
  return {
    source: options.source,
    has: (name, major) => {
      const key = fold(name);
      if (options.prefixes?.some((prefix) => key.startsWith(prefix))) return true;
      const entry = versioned.get(key);
      if (entry) {
        return (!entry.since || compareMajors(major, entry.since) >= 0) && (!entry.until || compareMajors(major, entry.until) < 0);
      }
      return always.has(key);
    },
  };
}

/** `postgres --describe-config | cut -f1` of PostgreSQL 15.18. */
export const POSTGRES_15_GUCS: readonly string[] = words(`
  DateStyle IntervalStyle TimeZone archive_cleanup_command archive_command archive_library archive_mode 
  archive_timeout array_nulls authentication_timeout autovacuum autovacuum_analyze_scale_factor 
  autovacuum_analyze_threshold autovacuum_freeze_max_age autovacuum_max_workers autovacuum_multixact_freeze_max_age 
  autovacuum_naptime autovacuum_vacuum_cost_delay autovacuum_vacuum_cost_limit autovacuum_vacuum_insert_scale_factor 
  autovacuum_vacuum_insert_threshold autovacuum_vacuum_scale_factor autovacuum_vacuum_threshold autovacuum_work_mem 
  backend_flush_after backslash_quote bgwriter_delay bgwriter_flush_after bgwriter_lru_maxpages 
  bgwriter_lru_multiplier bonjour bonjour_name bytea_output check_function_bodies checkpoint_completion_target 
  checkpoint_flush_after checkpoint_timeout checkpoint_warning client_connection_check_interval client_encoding 
  client_min_messages cluster_name commit_delay commit_siblings compute_query_id constraint_exclusion 
  cpu_index_tuple_cost cpu_operator_cost cpu_tuple_cost cursor_tuple_fraction data_directory data_sync_retry 
  db_user_namespace deadlock_timeout debug_pretty_print debug_print_parse debug_print_plan debug_print_rewritten 
  default_statistics_target default_table_access_method default_tablespace default_text_search_config 
  default_toast_compression default_transaction_deferrable default_transaction_isolation 
  default_transaction_read_only dynamic_library_path dynamic_shared_memory_type effective_cache_size 
  effective_io_concurrency enable_async_append enable_bitmapscan enable_gathermerge enable_hashagg enable_hashjoin 
  enable_incremental_sort enable_indexonlyscan enable_indexscan enable_material enable_memoize enable_mergejoin 
  enable_nestloop enable_parallel_append enable_parallel_hash enable_partition_pruning enable_partitionwise_aggregate 
  enable_partitionwise_join enable_seqscan enable_sort enable_tidscan escape_string_warning event_source 
  exit_on_error extension_destdir external_pid_file extra_float_digits from_collapse_limit fsync full_page_writes 
  geqo geqo_effort geqo_generations geqo_pool_size geqo_seed geqo_selection_bias geqo_threshold 
  gin_fuzzy_search_limit gin_pending_list_limit hash_mem_multiplier hba_file hot_standby hot_standby_feedback 
  huge_page_size huge_pages ident_file idle_in_transaction_session_timeout idle_session_timeout jit jit_above_cost 
  jit_inline_above_cost jit_optimize_above_cost jit_provider join_collapse_limit krb_caseins_users krb_server_keyfile 
  lc_messages lc_monetary lc_numeric lc_time listen_addresses lo_compat_privileges local_preload_libraries 
  lock_timeout log_autovacuum_min_duration log_checkpoints log_connections log_destination log_directory 
  log_disconnections log_duration log_error_verbosity log_executor_stats log_file_mode log_filename log_hostname 
  log_line_prefix log_lock_waits log_min_duration_sample log_min_duration_statement log_min_error_statement 
  log_min_messages log_parameter_max_length log_parameter_max_length_on_error log_parser_stats log_planner_stats 
  log_recovery_conflict_waits log_replication_commands log_rotation_age log_rotation_size 
  log_startup_progress_interval log_statement log_statement_sample_rate log_statement_stats log_temp_files 
  log_timezone log_transaction_sample_rate log_truncate_on_rotation logging_collector logical_decoding_work_mem 
  maintenance_io_concurrency maintenance_work_mem max_connections max_files_per_process max_locks_per_transaction 
  max_logical_replication_workers max_parallel_maintenance_workers max_parallel_workers 
  max_parallel_workers_per_gather max_pred_locks_per_page max_pred_locks_per_relation max_pred_locks_per_transaction 
  max_prepared_transactions max_replication_slots max_slot_wal_keep_size max_stack_depth max_standby_archive_delay 
  max_standby_streaming_delay max_sync_workers_per_subscription max_wal_senders max_wal_size max_worker_processes 
  min_dynamic_shared_memory min_parallel_index_scan_size min_parallel_table_scan_size min_wal_size 
  old_snapshot_threshold parallel_leader_participation parallel_setup_cost parallel_tuple_cost password_encryption 
  plan_cache_mode port primary_conninfo primary_slot_name promote_trigger_file quote_all_identifiers random_page_cost 
  recovery_end_command recovery_init_sync_method recovery_min_apply_delay recovery_prefetch recovery_target 
  recovery_target_action recovery_target_inclusive recovery_target_lsn recovery_target_name recovery_target_time 
  recovery_target_timeline recovery_target_xid recursive_worktable_factor restart_after_crash restore_command 
  row_security search_path seq_page_cost session_preload_libraries session_replication_role shared_buffers 
  shared_memory_type shared_preload_libraries ssl ssl_ca_file ssl_cert_file ssl_ciphers ssl_crl_dir ssl_crl_file 
  ssl_dh_params_file ssl_ecdh_curve ssl_key_file ssl_max_protocol_version ssl_min_protocol_version 
  ssl_passphrase_command ssl_passphrase_command_supports_reload ssl_prefer_server_ciphers standard_conforming_strings 
  statement_timeout stats_fetch_consistency superuser_reserved_connections synchronize_seqscans synchronous_commit 
  synchronous_standby_names syslog_facility syslog_ident syslog_sequence_numbers syslog_split_messages 
  tcp_keepalives_count tcp_keepalives_idle tcp_keepalives_interval tcp_user_timeout temp_buffers temp_file_limit 
  temp_tablespaces timezone_abbreviations track_activities track_activity_query_size track_commit_timestamp 
  track_counts track_functions track_io_timing track_wal_io_timing transform_null_equals unix_socket_directories 
  unix_socket_group unix_socket_permissions update_process_title vacuum_cost_delay vacuum_cost_limit 
  vacuum_cost_page_dirty vacuum_cost_page_hit vacuum_cost_page_miss vacuum_defer_cleanup_age vacuum_failsafe_age 
  vacuum_freeze_min_age vacuum_freeze_table_age vacuum_multixact_failsafe_age vacuum_multixact_freeze_min_age 
  vacuum_multixact_freeze_table_age wal_buffers wal_compression wal_decode_buffer_size wal_init_zero wal_keep_size 
  wal_level wal_log_hints wal_receiver_create_temp_slot wal_receiver_status_interval wal_receiver_timeout wal_recycle 
  wal_retrieve_retry_interval wal_sender_timeout wal_skip_threshold wal_sync_method wal_writer_delay 
  wal_writer_flush_after work_mem xmlbinary xmloption `);

const sinceOrUntil = (spec: Record<string, string>, key: 'since' | 'until'): VersionedName[] =>
  Object.entries(spec).flatMap(([major, names]) => words(names).map((name) => ({ name, [key]: major })));

const POSTGRES_CHANGES: readonly VersionedName[] = [
  ...sinceOrUntil(
    {
      '15': 'archive_library recovery_prefetch stats_fetch_consistency log_startup_progress_interval',
      '16':
        'createrole_self_grant icu_validation_level reserved_connections scram_iterations vacuum_buffer_usage_limit ' +
        'max_parallel_apply_workers_per_subscription enable_presorted_aggregate gss_accept_delegation debug_parallel_query ' +
        // Added in minor releases of 16+ (present in 16.13, 17.9 and 18.3; test/aws/rds-parameter-names.test.ts).
        'file_extend_method',
      '17':
        'allow_alter_system commit_timestamp_buffers event_triggers io_combine_limit max_notify_queue_pages ' +
        'multixact_member_buffers multixact_offset_buffers notify_buffers serializable_buffers subtransaction_buffers ' +
        'summarize_wal sync_replication_slots synchronized_standby_slots transaction_buffers transaction_timeout ' +
        'wal_summary_keep_time enable_group_by_reordering',
      '18':
        'autovacuum_vacuum_max_threshold autovacuum_worker_slots enable_distinct_reordering enable_self_join_elimination ' +
        'extension_control_path file_copy_method idle_replication_slot_timeout io_max_combine_limit io_max_concurrency ' +
        'io_method io_workers log_lock_failures max_active_replication_origins md5_password_warnings ' +
        'oauth_validator_libraries ssl_groups ssl_tls13_ciphers track_cost_delay_timing ' +
        'vacuum_max_eager_freeze_failure_rate vacuum_truncate',
    },
    'since',
  ),
  ...sinceOrUntil(
    {
      '15': 'stats_temp_directory',
      '16': 'force_parallel_mode promote_trigger_file vacuum_defer_cleanup_age',
      '17': 'old_snapshot_threshold db_user_namespace trace_recovery_messages',
    },
    'until',
  ),
];

const MYSQL_COMMON = words(`
  autocommit binlog_cache_size binlog_format binlog_row_image binlog_group_commit_sync_delay character_set_client
  character_set_connection character_set_database character_set_filesystem character_set_results character_set_server
  collation_connection collation_server connect_timeout default_password_lifetime event_scheduler
  explicit_defaults_for_timestamp general_log group_concat_max_len init_connect innodb_adaptive_flushing
  innodb_adaptive_hash_index innodb_autoinc_lock_mode innodb_buffer_pool_instances innodb_buffer_pool_size
  innodb_change_buffering innodb_deadlock_detect innodb_default_row_format innodb_file_per_table
  innodb_flush_log_at_trx_commit innodb_ft_max_token_size innodb_ft_min_token_size innodb_io_capacity
  innodb_io_capacity_max innodb_lock_wait_timeout innodb_log_buffer_size innodb_lru_scan_depth
  innodb_max_dirty_pages_pct innodb_monitor_enable innodb_old_blocks_time innodb_online_alter_log_max_size
  innodb_open_files innodb_print_all_deadlocks innodb_purge_threads innodb_read_io_threads innodb_sort_buffer_size
  innodb_stats_persistent innodb_stats_persistent_sample_pages innodb_strict_mode innodb_thread_concurrency
  innodb_write_io_threads interactive_timeout join_buffer_size key_buffer_size bulk_insert_buffer_size local_infile
  lock_wait_timeout log_bin_trust_function_creators log_error_verbosity log_output log_queries_not_using_indexes
  log_slow_admin_statements log_throttle_queries_not_using_indexes long_query_time lower_case_table_names
  max_allowed_packet max_connect_errors max_connections max_heap_table_size max_prepared_stmt_count
  max_user_connections min_examined_row_limit net_read_timeout net_write_timeout optimizer_switch performance_schema
  read_buffer_size read_only read_rnd_buffer_size require_secure_transport skip_name_resolve slow_query_log
  sort_buffer_size sql_mode sync_binlog table_definition_cache table_open_cache thread_cache_size thread_stack time_zone
  tls_version tmp_table_size transaction_isolation wait_timeout enforce_gtid_consistency gtid-mode
  slave_parallel_workers binlog_expire_logs_seconds
`);

const SQLSERVER_PARAMETERS = [
  'access check cache bucket count',
  'access check cache quota',
  'ad hoc distributed queries',
  'affinity i/o mask',
  'affinity mask',
  'agent xps',
  'automatic soft-numa disabled',
  'backup checksum default',
  'blocked process threshold (s)',
  'clr enabled',
  'clr strict security',
  'contained database authentication',
  'cost threshold for parallelism',
  'cross db ownership chaining',
  'cursor threshold',
  'database mail xps',
  'default full-text language',
  'default language',
  'default trace enabled',
  'disallow results from triggers',
  'filestream access level',
  'fill factor (%)',
  'index create memory (kb)',
  'in-doubt xact resolution',
  'lightweight pooling',
  'locks',
  'max degree of parallelism',
  'max full-text crawl range',
  'max server memory (mb)',
  'max text repl size (b)',
  'max worker threads',
  'media retention',
  'min memory per query (kb)',
  'min server memory (mb)',
  'nested triggers',
  'network packet size (b)',
  'ole automation procedures',
  'optimize for ad hoc workloads',
  'priority boost',
  'query governor cost limit',
  'query wait (s)',
  'recovery interval (min)',
  'remote access',
  'remote admin connections',
  'remote login timeout (s)',
  'remote proc trans',
  'remote query timeout (s)',
  'replication xps',
  'scan for startup procs',
  'server trigger recursion',
  'set working set size',
  'show advanced options',
  'smo and dmo xps',
  'transform noise words',
  'two digit year cutoff',
  'user connections',
  'user options',
  'xp_cmdshell',
  '1204',
  '1211',
  '1222',
  '1224',
  '2528',
  '3205',
  '3226',
  '3625',
  '4199',
  '4616',
  '6527',
  '7806',
];

const ORACLE_PARAMETERS = words(`
  audit_sys_operations audit_trail commit_logging commit_wait control_management_pack_access cursor_sharing
  db_cache_size db_file_multiblock_read_count db_securefile deferred_segment_creation distributed_lock_timeout dml_locks
  enable_ddl_logging enable_goldengate_replication fast_start_mttr_target filesystemio_options global_names heat_map
  inmemory_size java_pool_size job_queue_processes large_pool_size log_checkpoints_to_alert max_dump_file_size
  max_string_size memory_max_target memory_target nls_date_format nls_language nls_length_semantics nls_territory
  nls_timestamp_format open_cursors optimizer_features_enable optimizer_index_cost_adj optimizer_mode
  parallel_max_servers parallel_min_servers pga_aggregate_limit pga_aggregate_target plsql_code_type
  plsql_optimize_level plsql_warnings processes query_rewrite_enabled query_rewrite_integrity recyclebin resource_limit
  result_cache_max_size result_cache_mode sec_case_sensitive_logon session_cached_cursors sessions sga_max_size sga_target
  shared_pool_size skip_unusable_indexes sql_trace star_transformation_enabled statistics_level streams_pool_size
  temp_undo_enabled timed_statistics undo_retention
`);

const describeDefaults = 'aws rds describe-engine-default-parameters --db-parameter-group-family <family>';

/** Parameter catalogs by engine family (the `parameterFamily` of an engine row). */
export const RDS_PARAMETER_CATALOGS = {
  postgres: catalog({
    names: POSTGRES_15_GUCS,
    versioned: POSTGRES_CHANGES,
    // Extensions RDS ships, configured through the parameter group under their own namespace.
    prefixes: ['rds.', 'pgaudit.', 'pg_stat_statements.', 'auto_explain.', 'pg_hint_plan.', 'pglogical.', 'cron.', 'pg_partman_bgw.'],
    caseInsensitive: true,
    source: describeDefaults,
  }),
  mysql: catalog({
    names: [
      ...MYSQL_COMMON,
      ...words(`authentication_policy binlog_transaction_compression cte_max_recursion_depth default_authentication_plugin
        information_schema_stats_expiry innodb_parallel_read_threads innodb_redo_log_capacity log_slow_extra
        max_execution_time replica_parallel_workers replica_preserve_commit_order`),
    ],
    versioned: sinceOrUntil({ '8.4': 'slave_parallel_workers default_authentication_plugin' }, 'until'),
    source: describeDefaults,
  }),
  mariadb: catalog({
    names: [
      ...MYSQL_COMMON,
      ...words(`aria_pagecache_buffer_size innodb_log_file_size log_slow_verbosity max_statement_time query_cache_limit
        query_cache_size query_cache_type thread_handling thread_pool_size tx_isolation`),
    ],
    versioned: sinceOrUntil({ '10.11': 'log_slow_query log_slow_query_time' }, 'since'),
    source: describeDefaults,
  }),
  sqlserver: catalog({ names: SQLSERVER_PARAMETERS, prefixes: ['rds.'], caseInsensitive: true, source: describeDefaults }),
  oracle: catalog({ names: ORACLE_PARAMETERS, prefixes: ['sqlnetora.'], caseInsensitive: true, source: describeDefaults }),
} as const satisfies Record<string, ParameterCatalog>;
