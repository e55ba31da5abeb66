/**
 * What Terraform creates inside a Cloud SQL instance for its applications: the logical databases, a built-in user per
 * password role (a generated password, kept in a Secret Manager secret under the region's key, readable by the role's
 * consumers) and an IAM database user per consumer service account of an `iam` role. Grants, extensions and group
 * roles are SQL, which Terraform does not run: `dbctl provision` applies them (docs/database-access-gcp.md).
 *
 * Nothing here drops data when it leaves the config: `deletion_policy = "ABANDON"` on databases and users makes
 * Terraform forget them instead of deleting them (google provider 6.50: google/services/sql/resource_sql_database.go
 * and resource_sql_user.go, the Delete functions return before the API call when deletion_policy is ABANDON).
 *
 * The stack needs the `random` provider (lib/gcp/random-provider.ts): passwords come from `random_password`, whose
 * result is in the Terraform state; the user's password and the secret's payload are write-only arguments
 * (`password_wo`, `secret_data_wo`, Terraform >= 1.11), so the state holds the password once, not three times.
 */
import { Construct } from 'constructs';
import { Fn } from 'cdktf';
import { Password } from '@cdktf/provider-random/lib/password';
import { SqlDatabase } from '@cdktf/provider-google/lib/sql-database';
import { SqlUser } from '@cdktf/provider-google/lib/sql-user';
import type { CloudSqlEngine } from './tables/cloud-sql-choices';
import { CLOUD_SQL_IAM_SERVICE_ACCOUNT_USER_TYPE, cloudSqlIamUserResourceName } from './tables/cloud-sql-iam-users';
import { RegionalSecret } from './regional-secret';

/** Terraform forgets a removed database or user instead of deleting it (the SQL side keeps it, with its data). */
export const ABANDON = 'ABANDON';

/**
 * 32 characters with each class the Cloud SQL password policy's COMPLEXITY_DEFAULT asks for (upper, lower, digits,
 * symbols: "Cloud SQL password policies"); symbols limited to ones safe in a connection URL.
 */
export const GENERATED_PASSWORD = { length: 32, minUpper: 1, minLower: 1, minNumeric: 1, minSpecial: 1, overrideSpecial: '-_.~' } as const;

export interface CloudSqlPasswordUser {
  /** The database user (the role's name). */
  readonly name: string;
  /** The secret holding `{"username":…,"password":…}`. */
  readonly secretId: string;
  /** Service accounts that may read the secret. */
  readonly readers: readonly string[];
}

export interface CloudSqlDatabaseAccessProps {
  readonly project: string;
  readonly region: string;
  /** The instance's name (a reference to the instance resource orders the creation after it). */
  readonly instanceName: string;
  readonly engine: CloudSqlEngine;
  /** Logical databases to create. */
  readonly databases: readonly string[];
  readonly passwordUsers: readonly CloudSqlPasswordUser[];
  /** Service-account emails that log in with IAM database authentication (the instance needs its IAM flag on). */
  readonly iamServiceAccounts: readonly string[];
  /** Key of the instance's region for the secrets. */
  readonly kmsKeyName: string;
  /** `lifecycle.prevent_destroy` on the databases, and deletion protection on the secrets. */
  readonly preventDestroy: boolean;
  readonly labels?: Readonly<Record<string, string>>;
}

/** A construct id from a name that may hold `@` and `.`, spelled out so two emails never collide (cdktf drops them). */
const idOf = (name: string) => name.replace(/[^a-zA-Z0-9-]/g, '_');

export class CloudSqlDatabaseAccess extends Construct {
  readonly databases: readonly SqlDatabase[];
  readonly passwordUsers: readonly SqlUser[];
  readonly iamUsers: readonly SqlUser[];
  readonly secrets: readonly RegionalSecret[];

  constructor(scope: Construct, id: string, props: CloudSqlDatabaseAccessProps) {
    super(scope, id);
    const { project, instanceName: instance } = props;
    // Named by the database (not its position), so adding one never touches another.
    this.databases = props.databases.map(
      (name) =>
        new SqlDatabase(this, `Database-${name}`, {
          project,
          instance,
          name,
          deletionPolicy: ABANDON,
          lifecycle: props.preventDestroy ? { preventDestroy: true } : undefined,
        }),
    );

    const secrets: RegionalSecret[] = [];
    this.passwordUsers = props.passwordUsers.map((user) => {
      const scopeForUser = new Construct(this, `User-${user.name}`);
      const password = new Password(scopeForUser, 'Password', { ...GENERATED_PASSWORD });
      const sqlUser = new SqlUser(scopeForUser, 'User', {
        project,
        instance,
        name: user.name,
        type: 'BUILT_IN',
        // Version 1 is the generated password; raise it (and the secret's) to write a new one.
        passwordWo: password.result,
        passwordWoVersion: 1,
        deletionPolicy: ABANDON,
      });
      secrets.push(
        new RegionalSecret(scopeForUser, 'Secret', {
          project,
          secretId: user.secretId,
          region: props.region,
          kmsKeyName: props.kmsKeyName,
          data: { writeOnly: Fn.jsonencode({ username: user.name, password: password.result }), version: 1 },
          readers: user.readers,
          deletionProtection: props.preventDestroy,
          labels: props.labels,
        }),
      );
      return sqlUser;
    });
    this.secrets = secrets;

    this.iamUsers = [...new Set(props.iamServiceAccounts)].sort().map(
      (email) =>
        new SqlUser(this, `IamUser-${idOf(email)}`, {
          project,
          instance,
          name: cloudSqlIamUserResourceName(email, props.engine),
          type: CLOUD_SQL_IAM_SERVICE_ACCOUNT_USER_TYPE,
          deletionPolicy: ABANDON,
        }),
    );
  }
}
