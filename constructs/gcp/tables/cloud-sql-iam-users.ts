/**
 * How a service account becomes a Cloud SQL IAM database user (type CLOUD_IAM_SERVICE_ACCOUNT). Pure data.
 *
 * - PostgreSQL: the user's name is the service account's email without the `.gserviceaccount.com` suffix
 *   ("Authenticating to Cloud SQL for PostgreSQL with IAM service accounts", Google Cloud blog, 2021-07-08: the email
 *   must omit the suffix or user creation fails; "Manage users with IAM database authentication", Cloud SQL for
 *   PostgreSQL docs).
 * - MySQL: the API takes the whole email and keeps the part before `@` as the database user: the google provider
 *   (hashicorp/terraform-provider-google google/services/sql/resource_sql_user.go @03ed3556, resourceSqlUserRead:
 *   for a non-POSTGRES instance it matches `strings.Split(name, "@")[0]`, and diffSuppressIamUserName treats the
 *   stored short name as equal to the configured email). lib/provisioning/declared-access-of.ts cloudSqlIamUserName
 *   gives the database user name the grants use; this table gives the name Terraform sends.
 */
import type { CloudSqlEngine } from './cloud-sql-choices';

export const CLOUD_SQL_IAM_SERVICE_ACCOUNT_USER_TYPE = 'CLOUD_IAM_SERVICE_ACCOUNT';
/** What an IAM database user needs in IAM to log in ("Manage users with IAM database authentication"). */
export const CLOUD_SQL_INSTANCE_USER_ROLE = 'roles/cloudsql.instanceUser';
/** What the Cloud SQL connectors need to fetch the instance's certificate and address (cloudsql.instances.connect). */
export const CLOUD_SQL_CLIENT_ROLE = 'roles/cloudsql.client';

/** The `name` of the google_sql_user for a service account on an engine with IAM authentication. */
export function cloudSqlIamUserResourceName(serviceAccountEmail: string, engine: CloudSqlEngine): string {
  return engine === 'postgres' ? serviceAccountEmail.replace(/\.gserviceaccount\.com$/, '') : serviceAccountEmail;
}
