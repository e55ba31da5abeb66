import type { PolicyRule } from '../policy-rule';

export const backupPlanMembership: PolicyRule = {
  id: 'backup-plan-membership',
  title: 'Production AWS databases are in an AWS Backup plan (copied to another region), unless opted out with a reason',
  tiers: ['production'],
  check: ({ awsBackup }) =>
    !awsBackup || awsBackup.plans.value.length > 0 || awsBackup.optOutReason
      ? undefined
      : {
          setting: awsBackup.plans,
          message: 'the database is in no AWS Backup plan, so no backup of it leaves its own service or region',
          fix: 'give its kind a backup selection in its region plan (lib/plan/backup-plan.ts), or opt it out in aws.backup.optOuts with a reason',
        },
};
