/** Rules for DynamoDB tables: the checks the DynamoDbGlobalTable construct shares (dynamodb-table-checks.ts). */
import { dynamodbTableProblems } from '../../../constructs/aws/dynamodb/tables/dynamodb-table-checks';
import { dynamodbTableSettings } from './dynamodb-table-plan';
import type { ProblemDraft } from '../../config/problem-draft';
import type { Rule } from '../../config/rules/rule';

// Replicas in the primary's region or listed twice are reported by environment-rules.ts for every kind.
export const dynamodbTableRules: Rule = (env) =>
  env.databases.flatMap((db, index): ProblemDraft[] => {
    if (db.kind !== 'dynamodb-table') return [];
    return dynamodbTableProblems(dynamodbTableSettings(db)).map((problem) => ({
      database: db.name,
      path: ['databases', index, ...problem.path],
      value: problem.value,
      message: problem.message,
      fix: problem.fix,
    }));
  });
