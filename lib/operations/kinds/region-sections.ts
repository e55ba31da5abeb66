/**
 * What verify checks per planned region rather than per database, as rows of a table like database-kinds.ts: the
 * region's AWS Backup vault and plans, and whether CloudWatch can publish to its alarm topic. Region-wide DynamoDB alarms (no table dimension) would be a row here too. These run
 * when verify covers the whole environment (no --database).
 */
import type { AwsPlan, AwsRegionPlan } from '../../plan/plan-types';
import type { CheckResult } from '../check-result';
import type { OperationsContext } from '../operations-context';
import { verifyAlarmDelivery } from '../verify/alarm-delivery-verify';
import { verifyBackupPlans } from '../verify/backup-plan-verify';
import { verifyBackupVault } from '../verify/backup-vault-verify';

export interface RegionSection {
  readonly label: string;
  readonly region: string;
  verify(ctx: OperationsContext): Promise<CheckResult[]>;
}

type SectionRow = { readonly label: string; readonly verify: (region: AwsRegionPlan, ctx: OperationsContext) => Promise<CheckResult[]> };

const REGION_SECTION_ROWS: readonly SectionRow[] = [
  { label: 'AWS Backup vault', verify: verifyBackupVault },
  { label: 'AWS Backup plans', verify: verifyBackupPlans },
  { label: 'alarm delivery', verify: verifyAlarmDelivery },
];

/** Every section of every planned region, region by region in plan order. */
export function plannedRegionSections(aws: AwsPlan): RegionSection[] {
  return aws.regions.flatMap((region) =>
    REGION_SECTION_ROWS.map((row) => ({ label: row.label, region: region.region, verify: (ctx: OperationsContext) => row.verify(region, ctx) })),
  );
}
