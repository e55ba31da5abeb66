/** Rules for aws.backup: copy regions with a vault, a Vault Lock the plans can live with, opt-outs of real databases. */
import { retentionOutsideLock, vaultLockProblems } from '../../../constructs/aws/backup/tables/backup-checks';
import { TIER_DEFAULTS } from '../../../config/schema';
import { backedUpRegions, backupRetentions, copyTargetRegion, effectiveVaultLock } from '../../backup/effective-backup';
import { backupVaultName } from '../../naming/names';
import { DATABASE_CLOUD } from '../database-cloud';
import type { ProblemDraft } from '../problem-draft';
import type { ResolvedEnvironment } from '../resolved-environment';
import type { Rule } from './rule';

const at = (...path: Array<string | number>) => ['aws', 'backup', ...path];

function copyRegionProblems(env: ResolvedEnvironment): ProblemDraft[] {
  const declared = Object.keys(env.aws!.regions);
  const problems: ProblemDraft[] = [];
  for (const [source, target] of Object.entries(env.aws!.backup.copyRegions)) {
    const others = declared.filter((region) => region !== source).join(', ') || 'none';
    if (!declared.includes(source)) {
      problems.push({
        path: at('copyRegions', source),
        value: target,
        message: `copies from ${source}, which is not one of aws.regions (${declared.join(', ')}), so it has no vault`,
        fix: `remove '${source}' from aws.backup.copyRegions or add it to aws.regions`,
      });
    } else if (target === source) {
      problems.push({
        path: at('copyRegions', source),
        value: target,
        message: 'equals the region it copies from; a copy protects against losing the region only in another one',
        fix: `copy ${source}'s backups to another region of aws.regions (${others})`,
      });
    } else if (!declared.includes(target)) {
      problems.push({
        path: at('copyRegions', source),
        value: target,
        message: `is not one of aws.regions (${declared.join(', ')}), so it has no backup vault (or key) to copy into`,
        fix: `add '${target}' to aws.regions, or copy to one of ${others}`,
      });
    }
  }
  if (TIER_DEFAULTS[env.tier].backupPlan.copyToAnotherRegion) {
    for (const source of backedUpRegions(env)) {
      if (copyTargetRegion(env, source) === undefined) {
        problems.push({
          path: ['aws', 'regions'],
          value: declared,
          message: `has no region besides ${source}; the ${env.tier} tier copies every backup into another region's vault`,
          fix: 'add a disaster recovery region to aws.regions (optionally naming it in aws.backup.copyRegions)',
        });
      }
    }
  }
  return problems;
}

function vaultLockRuleProblems(env: ResolvedEnvironment): ProblemDraft[] {
  const lock = effectiveVaultLock(env);
  if (!lock) return [];
  const vault = backupVaultName(env.name);
  const own = vaultLockProblems(vault, lock);
  if (own.length > 0) return own.map((p) => ({ path: at('vaultLock', ...p.path), value: p.value, message: p.message, fix: p.fix }));
  const outside = retentionOutsideLock(lock, backupRetentions(env));
  if (!outside) return [];
  const shorter = outside.field === 'minRetentionDays';
  return [
    {
      path: at('vaultLock', outside.field),
      value: lock[outside.field],
      message: `is ${shorter ? 'longer' : 'shorter'} than the ${outside.days}-day retention of ${outside.what}; vault ${vault} would fail those jobs`,
      fix: `${shorter ? 'lower' : 'raise'} ${outside.field} to ${outside.days} or ${shorter ? 'less' : 'more'}`,
    },
  ];
}

function optOutProblems(env: ResolvedEnvironment): ProblemDraft[] {
  const awsNames = env.databases.filter((db) => DATABASE_CLOUD[db.kind] === 'aws').map((db) => db.name);
  const optOuts = env.aws!.backup.optOuts;
  return optOuts.flatMap((optOut, i): ProblemDraft[] => {
    if (!awsNames.includes(optOut.database)) {
      return [
        {
          path: at('optOuts', i, 'database'),
          value: optOut.database,
          message: `is not an AWS database of this environment (${awsNames.join(', ') || 'none'})`,
          fix: 'name an AWS database, or remove the opt-out',
        },
      ];
    }
    if (optOuts.findIndex((other) => other.database === optOut.database) !== i) {
      return [
        {
          path: at('optOuts', i, 'database'),
          value: optOut.database,
          message: 'opts the same database out a second time',
          fix: 'keep one opt-out per database',
        },
      ];
    }
    return [];
  });
}

export const awsBackupRules: Rule = (env) => (env.aws ? [...copyRegionProblems(env), ...vaultLockRuleProblems(env), ...optOutProblems(env)] : []);
