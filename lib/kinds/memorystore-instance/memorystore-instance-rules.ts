/**
 * Rules for Memorystore for Redis instances: the instance name, the construct's own checks (size, read replicas,
 * maintenance window) on the resolved settings, and removal policies Memorystore cannot honour. The region is
 * checked with every database's (lib/config/rules/environment-rules.ts: it must be one of gcp.regions, which hold
 * the keys); pointInTimeRecovery, which a cache does not have, is refused in lib/config/rules/ignored-settings.ts.
 */
import { memorystoreInstanceProblems, memorystoreNameProblem } from '../../../constructs/gcp/tables/memorystore-checks';
import type { ProblemDraft } from '../../config/problem-draft';
import type { Rule } from '../../config/rules/rule';
import { databaseIdentifier } from '../../naming/names';

export const memorystoreInstanceRules: Rule = (env) =>
  env.databases.flatMap((db, index): ProblemDraft[] => {
    if (db.kind !== 'memorystore-instance') return [];
    const problems: ProblemDraft[] = [];
    const at = (path: ReadonlyArray<string | number>) => ['databases', index, ...path];
    const instanceName = databaseIdentifier(env.name, db.name);
    const nameProblem = memorystoreNameProblem(instanceName);
    if (nameProblem) {
      problems.push({
        database: db.name,
        path: at(['name']),
        value: db.name,
        message: `gives the Memorystore instance name '${instanceName}' (<environment>-<database>), which ${nameProblem}`,
        fix: 'shorten the database name',
      });
    }
    // What the construct checks too: one function, one wording.
    for (const problem of memorystoreInstanceProblems(db)) problems.push({ database: db.name, ...problem, path: at(problem.path) });
    if (db.removalPolicy === 'snapshot') {
      problems.push({
        database: db.name,
        path: at(['removalPolicy']),
        value: 'snapshot',
        message: 'is not available for Memorystore for Redis, which takes no final snapshot when an instance is deleted',
        fix: "use 'retain' to keep the instance when it leaves the config, or 'destroy'",
      });
    }
    return problems;
  });
