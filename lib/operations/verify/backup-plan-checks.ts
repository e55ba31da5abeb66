/**
 * What verify compares for the AWS Backup plans of a planned region: each plan exists by name; each planned rule
 * has the planned schedule, retention, target vault, continuous backup and cross-region copy; and a selection picks
 * the planned resource types by the planned tag (the tag every database stack carries, so a database the plan says
 * is protected is selected). Pure. Rows belong to the region, like the vault's.
 */
import type { BackupRule, BackupSelection } from '@aws-sdk/client-backup';
import type { AwsRegionPlan, BackupPlanDefinition, BackupRulePlan } from '../../plan/plan-types';
import { CheckResult, equalityCheck } from '../check-result';

export const BACKUP_PLAN_KIND = 'backup-plan';

export interface BackupPlanFacts {
  readonly region: AwsRegionPlan;
  readonly plan: BackupPlanDefinition;
  /** Undefined when no plan of that name exists. */
  readonly live?: {
    readonly rules: readonly BackupRule[];
    /** Undefined when the endpoint could not list the plan's selections; `selectionsUnknown` says why. */
    readonly selections?: readonly BackupSelection[];
    readonly selectionsUnknown?: string;
  };
}

/** `cron(0 3 * * ? *), 35 days → prod-databases, copy 35 days → arn:…:backup-vault:prod-databases`. */
function describeRule(rule: {
  schedule?: string;
  retentionDays?: number;
  vault?: string;
  continuous: boolean;
  copies: readonly { vaultArn?: string; retentionDays?: number }[];
}): string {
  const copies = rule.copies.map((c) => `copy ${c.retentionDays ?? '?'} days → ${c.vaultArn ?? '?'}`);
  return [`${rule.schedule ?? '?'}, ${rule.retentionDays ?? 'no expiry'} days → ${rule.vault ?? '?'}${rule.continuous ? ', continuous' : ''}`, ...copies].join(
    ', ',
  );
}

const plannedRule = (rule: BackupRulePlan, vault: string) =>
  describeRule({
    schedule: rule.scheduleExpression,
    retentionDays: rule.retentionDays,
    vault,
    continuous: rule.continuous,
    copies: rule.copyTo ? [{ vaultArn: rule.copyTo.vaultArn, retentionDays: rule.copyTo.retentionDays }] : [],
  });

const liveRule = (rule: BackupRule) =>
  describeRule({
    schedule: rule.ScheduleExpression,
    retentionDays: rule.Lifecycle?.DeleteAfterDays,
    vault: rule.TargetBackupVaultName,
    continuous: rule.EnableContinuousBackup === true,
    copies: (rule.CopyActions ?? []).map((c) => ({ vaultArn: c.DestinationBackupVaultArn, retentionDays: c.Lifecycle?.DeleteAfterDays })),
  });

/** `arn:aws:rds:…:db:*, … where backup-plan=prod-databases-eu-west-1`. */
function describeSelection(resources: readonly string[], tag: { key: string; value: string } | undefined): string {
  return `${[...resources].sort().join(', ') || 'no resources'}${tag ? ` where ${tag.key}=${tag.value}` : ', no tag condition'}`;
}

function liveSelectionTag(selection: BackupSelection): { key: string; value: string } | undefined {
  const condition = selection.Conditions?.StringEquals?.[0];
  if (condition?.ConditionKey) return { key: condition.ConditionKey.replace(/^aws:ResourceTag\//, ''), value: condition.ConditionValue ?? '' };
  const tag = selection.ListOfTags?.find((t) => t.ConditionType === 'STRINGEQUALS');
  return tag?.ConditionKey ? { key: tag.ConditionKey.replace(/^aws:ResourceTag\//, ''), value: tag.ConditionValue ?? '' } : undefined;
}

export function backupPlanChecks({ region, plan, live }: BackupPlanFacts): CheckResult[] {
  const base = { database: region.region, kind: BACKUP_PLAN_KIND, resource: plan.name };
  if (!live) return [{ ...base, check: 'backup plan', status: 'fail', planned: `plan in ${region.region}`, live: `not found in ${region.region}` }];
  const rows: CheckResult[] = [
    {
      ...base,
      check: 'backup plan',
      status: 'pass',
      planned: `plan in ${region.region}`,
      live: `${live.rules.length} ${live.rules.length === 1 ? 'rule' : 'rules'}`,
    },
  ];
  for (const rule of plan.rules) {
    const found = live.rules.find((r) => r.RuleName === rule.name);
    const planned = plannedRule(rule, region.backupVault.name);
    rows.push(
      found
        ? equalityCheck({ ...base, check: `rule ${rule.name}`, planned, live: liveRule(found) })
        : { ...base, check: `rule ${rule.name}`, status: 'fail', planned, live: 'missing' },
    );
  }
  const plannedSelection = describeSelection(plan.selection.resourceArnPatterns, { key: plan.selection.tagKey, value: plan.selection.tagValue });
  if (!live.selections)
    return [...rows, { ...base, check: 'selection', status: 'skip', planned: plannedSelection, live: live.selectionsUnknown ?? 'not listed' }];
  const described = live.selections.map((s) => describeSelection(s.Resources ?? [], liveSelectionTag(s)));
  rows.push({
    ...base,
    check: 'selection',
    status: described.includes(plannedSelection) ? 'pass' : 'fail',
    planned: plannedSelection,
    live: described.length === 0 ? 'no selection: the plan backs nothing up' : described.join(' | '),
  });
  return rows;
}
