/**
 * How the engine recognises roles it created, read back from the server itself (no state outside the database):
 * - PostgreSQL: `COMMENT ON ROLE … IS '<marker>'` (shared catalog pg_shdescription; visible from every database with
 *   shobj_description). Any role with this exact comment is the engine's.
 * - MySQL family: a row in a bookkeeping table, `databases_as_code.created_roles`. MySQL 8.0.21+ has user
 *   attributes (CREATE USER … ATTRIBUTE/COMMENT), but MariaDB has neither, so one table serves MySQL, Aurora MySQL
 *   and MariaDB alike; it also survives ALTER USER, which the rotation function runs.
 */
export const ENGINE_ROLE_MARKER = 'created by the databases-as-code provisioning engine; disabled, not dropped, when removed from config';

/** The MySQL-family bookkeeping schema and table (one row per user the engine created). */
export const MYSQL_BOOKKEEPING_SCHEMA = 'databases_as_code';
export const MYSQL_BOOKKEEPING_TABLE = 'created_roles';

/**
 * The user the multi-user rotation function creates beside each user (Secrets Manager "alternating users"): the
 * name + `_clone` (aws-samples/aws-secrets-manager-rotation-lambdas, SecretsManagerRDSPostgreSQLRotationMultiUser/
 * lambda_function.py, get_alt_username). On PostgreSQL that function also runs GRANT <user> TO <clone>, so the clone
 * inherits anyway; the engine grants the clone directly so the same holds whatever the MySQL-family function copies
 * (not checked here).
 */
export const rotationCloneOf = (roleName: string) => `${roleName}_clone`;
