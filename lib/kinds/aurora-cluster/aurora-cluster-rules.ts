/** Rules for Aurora clusters: the checks the AuroraCluster construct shares (aurora-cluster-checks.ts), with config paths. */
import { AURORA_ALARM_IDS } from '../../../constructs/aws/aurora/tables/aurora-alarm-catalog';
import { auroraClusterProblems } from '../../../constructs/aws/aurora/tables/aurora-cluster-checks';
import { AURORA_LIMITS } from '../../../constructs/aws/aurora/tables/aurora-engine-table';
import { identifierProblem, RDS_IDENTIFIER_MAX_LENGTH } from '../../../constructs/common/identifiers';
import { auroraClusterSettings } from './aurora-cluster-plan';
import { auroraInstanceIdentifier, auroraSecondaryIdentifier } from '../../naming/names';
import type { ProblemDraft } from '../../config/problem-draft';
import type { ResolvedAuroraCluster } from '../../config/resolved-environment';
import type { Rule } from '../../config/rules/rule';
import { unknownAlarmThresholds } from '../../config/rules/unknown-alarm-thresholds';

// A secondary region equal to the primary's, listed twice or without a key (not in aws.regions) is reported by
// environment-rules.ts for every kind, so those checks are not repeated here.
const reportedByEnvironmentRules = (path: ReadonlyArray<string | number>) => path[0] === 'secondaryRegions' && typeof path[1] === 'number';

/** The longest identifier the plan derives (reader instances, secondary clusters) must fit RDS's 63 characters. */
function derivedIdentifierProblems(cluster: string, db: ResolvedAuroraCluster): ProblemDraft[] {
  const derived = [
    auroraInstanceIdentifier(cluster, Math.min(db.readers, AURORA_LIMITS.maxReaders)),
    ...db.secondaryRegions.map((region) => `${auroraSecondaryIdentifier(cluster, region)}-reader-${Math.max(db.secondaryReaders, 1)}`),
  ];
  const longest = derived.reduce((a, b) => (b.length > a.length ? b : a), cluster);
  const problem = identifierProblem(longest, RDS_IDENTIFIER_MAX_LENGTH);
  return problem
    ? [
        {
          database: db.name,
          path: ['name'],
          value: db.name,
          message: `the derived identifier '${longest}' ${problem}`,
          fix: 'shorten the database (or environment) name',
        },
      ]
    : [];
}

export const auroraClusterRules: Rule = (env) =>
  env.databases.flatMap((db, index): ProblemDraft[] => {
    if (db.kind !== 'aurora-cluster') return [];
    const at = (...path: Array<string | number>) => ['databases', index, ...path];
    const settings = auroraClusterSettings(env.name, db);
    const problems: ProblemDraft[] = auroraClusterProblems(settings)
      .filter((problem) => !reportedByEnvironmentRules(problem.path))
      .map((problem) => ({
        database: db.name,
        path: at(...problem.path),
        value: problem.path[0] === 'name' ? db.name : problem.value,
        message: problem.message,
        fix: problem.fix,
      }));
    problems.push(...derivedIdentifierProblems(settings.identifier, db).map((p) => ({ ...p, path: at(...p.path) })));
    if (!db.pointInTimeRecovery) {
      problems.push({
        database: db.name,
        path: at('pointInTimeRecovery'),
        value: false,
        message: 'cannot be turned off on Aurora (every cluster keeps at least 1 day of continuous backup)',
        fix: 'remove pointInTimeRecovery: false; lower backupRetentionDays to 1 for the shortest window',
      });
    }
    if (db.secondaryRegions.length > 0 && (db.secondaryReaders < 1 || db.secondaryReaders > AURORA_LIMITS.maxReaders)) {
      problems.push({
        database: db.name,
        path: at('secondaryReaders'),
        value: db.secondaryReaders,
        message: `must be from 1 to ${AURORA_LIMITS.maxReaders} (each secondary cluster gets at least one instance to serve reads and fail over to)`,
        fix: 'choose from 1 to 15',
      });
    }
    problems.push(...unknownAlarmThresholds(db, index, { label: 'Aurora', ids: AURORA_ALARM_IDS }));
    return problems;
  });
