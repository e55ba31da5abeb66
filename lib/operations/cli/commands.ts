/** The commands and options of dbctl: one table that the parser, the help and the docs all read. */

export interface OptionSpec {
  readonly name: string;
  /** Placeholder of the value; a flag has none. */
  readonly value?: string;
  readonly help: string;
  readonly required?: boolean;
}

export interface CommandSpec {
  readonly name: string;
  readonly summary: string;
  readonly usage: string;
  readonly description: readonly string[];
  readonly options: readonly OptionSpec[];
}

export const GLOBAL_OPTIONS: readonly OptionSpec[] = [
  { name: 'endpoint-url', value: '<url>', help: 'Send every AWS call to this endpoint, e.g. a local moto_server (default: AWS_ENDPOINT_URL, else AWS).' },
  { name: 'json', help: 'Print one JSON document on stdout for CI; progress goes to stderr.' },
  { name: 'help', help: 'Show help.' },
];

const ENV: OptionSpec = { name: 'env', value: '<name>', help: 'Environment: config/<name>.ts (DB_CONFIG_DIR overrides the folder).', required: true };

export const COMMANDS: readonly CommandSpec[] = [
  {
    name: 'verify',
    summary: 'Compare the live AWS databases of an environment with its config.',
    usage: 'dbctl verify --env <name> [--database <name>] [--json] [--endpoint-url <url>]',
    description: [
      'Reads the plan of the environment and the live account (RDS, DynamoDB, KMS, CloudWatch) and checks each planned',
      'database: it exists and is available, engine, version and class, encryption with the planned key, backup',
      'retention, point-in-time recovery (latest restorable time within the RPO) and restore window, deletion',
      'protection, Multi-AZ, network, and every planned alarm with its actions. Aurora clusters: the primary and each',
      'secondary cluster of a global database in its region, global membership, every planned writer and reader.',
      "A whole-environment run also checks each region's backup vault, AWS Backup plans (rules, copies, selection) and",
      'that its alarm topic and key policies let CloudWatch publish.',
      '',
      'Exit codes: 0 every check passed, 1 a check failed (drift), 2 usage, config or access error.',
    ],
    options: [ENV, { name: 'database', value: '<name>', help: 'Only this database (its name in the config).' }],
  },
  {
    name: 'restore-drill',
    summary: 'Restore a database to a scratch copy, check it, time it, and delete it.',
    usage:
      'dbctl restore-drill --env <name> --database <name> [--to <ISO time> | --latest] [--keep] [--timeout <minutes>|<n>s] [--json] [--endpoint-url <url>]',
    description: [
      'Restores the database to a point in time into a scratch copy named <identifier>-drill-<yyyymmdd>-<hhmmss>,',
      "tagged dbctl:drill=true, in the source's subnet group, security groups and parameter group (the key follows",
      'the backups). Shows progress while it waits, checks the copy (available, same key, engine, version, class),',
      'reports the restore time and the restore point, then deletes the copy with no final snapshot and its',
      'automated backups. On a failure, the time limit or Ctrl-C it still cleans up and says what it removed; a',
      'second Ctrl-C abandons the clean-up and prints the command that finishes it. The source is never modified.',
      'A DynamoDB table is restored with RestoreTableToPointInTime into <table>-drill-<yyyymmdd>-<hhmmss> with its',
      "region's key, checked (active, same key, keys, restored from the source, drill tag) and removed with DeleteTable.",
      "An Aurora cluster is restored with RestoreDBClusterToPointInTime into a scratch cluster with the region's key and",
      "one instance <scratch>-1 of the source writer's class (or db.serverless); the instance, then the cluster, is deleted.",
      '',
      'Exit codes: 0 the drill passed, 1 the drill failed, 2 usage, config or access error, 130 interrupted.',
    ],
    options: [
      ENV,
      { name: 'database', value: '<name>', help: 'The database to restore (its name in the config).', required: true },
      { name: 'to', value: '<ISO time>', help: 'Restore to this time, e.g. 2026-01-31T12:00:00Z (a time zone is required).' },
      { name: 'latest', help: 'Restore to the latest restorable time (the default).' },
      { name: 'keep', help: 'Keep the scratch copy after a passed drill (a failed drill is always cleaned up).' },
      {
        name: 'timeout',
        value: '<minutes>',
        help: 'Stop the drill (calls in flight too) and clean up after this long: minutes, or seconds as 90s (default 120).',
      },
    ],
  },
  {
    name: 'provision',
    summary: 'Apply roles, grants and extensions inside the Cloud SQL databases of an environment.',
    usage: 'dbctl provision --env <name> [--database <name>] [--dry-run] [--admin-user <database user>] [--json]',
    description: [
      'Terraform creates the Cloud SQL users and logical databases; the SQL inside them (group roles for IAM users,',
      'grants and default privileges per access level, extensions) is applied here by the provisioning engine, from',
      'the same config. It connects with the Cloud SQL connector over private IP with IAM database authentication, as',
      'the identity of Application Default Credentials, whose database user --admin-user names.',
      '',
      '  --dry-run alone            prints the SQL an EMPTY server would need, without connecting (no credentials).',
      '  --dry-run --admin-user U   reads the live instance and prints the SQL it needs; changes nothing.',
      '  --admin-user U             reads the live instance and applies the SQL it needs.',
      '',
      'RDS and Aurora databases are provisioned at deploy by their custom resource, not here.',
      '',
      'Exit codes: 0 done (or nothing to do), 1 a database failed (connection or SQL error), 2 usage or config error.',
    ],
    options: [
      ENV,
      { name: 'database', value: '<name>', help: 'Only this Cloud SQL database (its name in the config).' },
      { name: 'dry-run', help: 'Print the SQL, change nothing (without --admin-user: against an empty server, no connection).' },
      {
        name: 'admin-user',
        value: '<database user>',
        help: 'The database user of your IAM identity (PostgreSQL: a service account without .gserviceaccount.com), a cloudsqlsuperuser member.',
      },
    ],
  },
];

export const commandNames = () => COMMANDS.map((c) => c.name);
export const findCommand = (name: string) => COMMANDS.find((c) => c.name === name);
