/**
 * What each access level holds in the MySQL family, as database-level grants (`ON db.*`): the privilege columns of
 * `mysql.db` and the keyword GRANT/REVOKE take for each (MySQL 8.0 Reference Manual, "8.2.2 Privileges Provided by
 * MySQL", Table 8.2 "Permissible Static Privileges for GRANT and REVOKE"; MariaDB KB "GRANT", Database Privileges:
 * DELETE HISTORY is MariaDB's, from 10.3.4). Grant_priv is never given (no level may pass its rights on).
 */
import type { RoleAccessLevel } from '../../config/schema/database-access';

export const MYSQL_DATABASE_PRIVILEGE_COLUMNS: Readonly<Record<string, string>> = {
  Select_priv: 'SELECT',
  Insert_priv: 'INSERT',
  Update_priv: 'UPDATE',
  Delete_priv: 'DELETE',
  Create_priv: 'CREATE',
  Drop_priv: 'DROP',
  References_priv: 'REFERENCES',
  Index_priv: 'INDEX',
  Alter_priv: 'ALTER',
  Create_tmp_table_priv: 'CREATE TEMPORARY TABLES',
  Lock_tables_priv: 'LOCK TABLES',
  Create_view_priv: 'CREATE VIEW',
  Show_view_priv: 'SHOW VIEW',
  Create_routine_priv: 'CREATE ROUTINE',
  Alter_routine_priv: 'ALTER ROUTINE',
  Execute_priv: 'EXECUTE',
  Event_priv: 'EVENT',
  Trigger_priv: 'TRIGGER',
  Delete_history_priv: 'DELETE HISTORY',
};

/**
 * - owner: every database-level privilege (ALL PRIVILEGES, without GRANT OPTION): creates, alters and drops its own
 *   tables, views, routines, events, triggers; reads and writes rows.
 * - read-write: rows only (SELECT, INSERT, UPDATE, DELETE): no CREATE, so no tables.
 * - read-only: SELECT.
 * `all` stands for every privilege the server has a column for (ALL PRIVILEGES at database level).
 */
export const MYSQL_ACCESS: Record<RoleAccessLevel, readonly string[] | 'all'> = {
  owner: 'all',
  'read-write': ['SELECT', 'INSERT', 'UPDATE', 'DELETE'],
  'read-only': ['SELECT'],
};
