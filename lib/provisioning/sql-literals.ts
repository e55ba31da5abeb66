/**
 * String literals per dialect (role comments, bookkeeping rows, passwords). PostgreSQL: standard-conforming strings
 * (the default since 9.1), so only `'` is doubled. MySQL family: a backslash escapes inside literals unless
 * NO_BACKSLASH_ESCAPES is set, so `\` is doubled too (MySQL 8.0 Reference Manual, "11.1.1 String Literals",
 * Table 11.1 "Special Character Escape Sequences").
 */
export const pgLiteral = (text: string) => `'${text.replace(/'/g, "''")}'`;
export const mysqlString = (text: string) => `'${text.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
