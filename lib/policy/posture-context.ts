/** What a kind's posture adapter (lib/kinds/<kind>/<kind>-posture.ts) is given besides the database's plan. */
import type { BackupMembershipPlan } from '../plan/plan-types';
import type { DeclaredAccess } from '../provisioning/declared-access';
import type { DatabasePosture, PostureSetting } from './database-posture';

export interface PostureContext extends Pick<DatabasePosture, 'environment' | 'tier' | 'index'> {
  /** Who the alarms of the database's cloud notify (aws.notifications / gcp.notifications). */
  readonly notificationEmails: readonly string[];
  /** AWS databases: their AWS Backup membership. */
  readonly backupMembership?: BackupMembershipPlan;
}

/** The identity fields every posture starts with. */
export const postureIdentity = ({ environment, tier, index }: PostureContext) => ({ environment, tier, index });

/** A setting of the database at `databases[index].<field>`. */
export const databaseSetting =
  <T>(index: number) =>
  (value: T, field: string): PostureSetting<T> => ({ value, path: ['databases', index, field] });

/** What the AWS Backup membership of an AWS database looks like to the rules. */
export function awsBackupPosture(membership: BackupMembershipPlan | undefined): DatabasePosture['awsBackup'] {
  return { plans: { value: membership?.plans ?? [], path: ['aws', 'backup'] }, optOutReason: membership?.optOutReason };
}

/** An AWS database's alarm topic, when anybody subscribes to it. */
export const awsAlarmTargets = (topicArn: string, context: PostureContext): PostureSetting<readonly string[]> => ({
  value: context.notificationEmails.length > 0 ? [topicArn] : [],
  path: ['aws', 'notifications', 'emails'],
});

/** The roles of a relational database's declared access, at `databases[index].roles`; none where it has no access plan. */
export function applicationRolesPosture(access: DeclaredAccess | undefined, index: number): Pick<DatabasePosture, 'applicationRoles'> {
  return access
    ? { applicationRoles: { value: access.roles.map(({ name, access: level }) => ({ name, access: level })), path: ['databases', index, 'roles'] } }
    : {};
}
