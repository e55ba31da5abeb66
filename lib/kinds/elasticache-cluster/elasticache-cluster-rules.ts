/** Rules for ElastiCache replication groups: the checks the construct shares (elasticache-cluster-checks.ts), with config paths. */
import { ELASTICACHE_ALARM_IDS } from '../../../constructs/aws/elasticache/tables/elasticache-alarm-catalog';
import { elasticacheClusterProblems } from '../../../constructs/aws/elasticache/tables/elasticache-cluster-checks';
import { ELASTICACHE_LIMITS } from '../../../constructs/aws/elasticache/tables/elasticache-engine-table';
import { identifierProblem } from '../../../constructs/common/identifiers';
import type { ProblemDraft } from '../../config/problem-draft';
import type { Rule } from '../../config/rules/rule';
import { unknownAlarmThresholds } from '../../config/rules/unknown-alarm-thresholds';
import { databaseIdentifier, elasticacheSecondaryGroupId } from '../../naming/names';
import { elasticacheClusterSettings } from './elasticache-cluster-plan';

/** A secondary's group id (`<group>-dr<n>`) must fit ElastiCache's 40 characters too. */
function secondaryIdProblem(environment: string, name: string, secondaryCount: number): string | undefined {
  if (secondaryCount === 0) return undefined;
  const id = elasticacheSecondaryGroupId(databaseIdentifier(environment, name), secondaryCount - 1);
  const problem = identifierProblem(id, ELASTICACHE_LIMITS.replicationGroupIdMaxLength);
  return problem && `the secondary's replication group id '${id}' ${problem}; ElastiCache allows at most ${ELASTICACHE_LIMITS.replicationGroupIdMaxLength}`;
}

export const elasticacheClusterRules: Rule = (env) =>
  env.databases.flatMap((db, index): ProblemDraft[] => {
    if (db.kind !== 'elasticache-cluster') return [];
    const at = (...path: Array<string | number>) => ['databases', index, ...path];
    const problems: ProblemDraft[] = elasticacheClusterProblems(elasticacheClusterSettings(env, db)).map((problem) => ({
      database: db.name,
      path: at(...problem.path),
      value: problem.path[0] === 'name' ? db.name : problem.value,
      message: problem.message,
      fix: problem.fix,
    }));
    const secondary = problems.some((p) => p.path[2] === 'name') ? undefined : secondaryIdProblem(env.name, db.name, db.secondaryRegions.length);
    if (secondary)
      problems.push({ database: db.name, path: at('name'), value: db.name, message: secondary, fix: 'shorten the database (or environment) name' });
    problems.push(...unknownAlarmThresholds(db, index, { label: 'ElastiCache', ids: ELASTICACHE_ALARM_IDS }));
    return problems;
  });
