/** Per environment: the Cloud SQL keys of every region (also other services' keys, e.g. Memorystore's) and the email channels alert policies notify. */
import { Construct } from 'constructs';
import { TerraformStack } from 'cdktf';
import { MonitoringNotificationChannel } from '@cdktf/provider-google/lib/monitoring-notification-channel';
import { ProjectIamMember } from '@cdktf/provider-google/lib/project-iam-member';
import { CloudSqlEncryptionKeys } from '../../constructs/gcp/cloud-sql-encryption-keys';
import type { GcpPlan } from '../plan/plan-types';
import { addGoogleProvider } from './google-provider';
import { addStateBackend } from './state-backend';

export interface GcpFoundationStackProps {
  readonly environment: string;
  readonly gcp: GcpPlan;
  readonly labels: Readonly<Record<string, string>>;
}

export class GcpFoundationStack extends TerraformStack {
  readonly keys: CloudSqlEncryptionKeys;
  /** Channel names (`projects/…/notificationChannels/…`), one per notification email. */
  readonly notificationChannelNames: readonly string[];

  constructor(scope: Construct, props: GcpFoundationStackProps) {
    const { gcp, labels } = props;
    const foundation = gcp.foundation;
    super(scope, foundation.stackName);
    addGoogleProvider(this, gcp.projectId, gcp.primaryRegion);
    addStateBackend(this, foundation.stackName, gcp.stateBackend);

    this.keys = new CloudSqlEncryptionKeys(this, 'CloudSqlKeys', {
      project: gcp.projectId,
      keys: foundation.keys,
      cloudSqlServiceAgent: foundation.cloudSqlServiceAgent,
      otherServiceAgents: foundation.otherServiceAgents,
      preventDestroy: foundation.preventDestroy,
      labels,
    });

    // Named by role and member, so a consumer added or removed changes no other grant.
    for (const grant of foundation.projectGrants) {
      new ProjectIamMember(this, `Grant-${grant.role.replace(/^roles\//, '')}-${grant.member.replace(/[^a-zA-Z0-9-]/g, '_')}`, {
        project: gcp.projectId,
        role: grant.role,
        member: grant.member,
      });
    }

    // Named by address rather than position, so removing one email does not replace the others. Spelled out
    // because cdktf would drop '@' and '.' from the logical id, making a.b@x.com and ab@x.com collide.
    this.notificationChannelNames = foundation.notificationEmails.map(
      (email) =>
        new MonitoringNotificationChannel(this, `Email-${email.replace(/[^a-zA-Z0-9-]/g, '_')}`, {
          project: gcp.projectId,
          type: 'email',
          displayName: `${props.environment} databases: ${email}`,
          labels: { email_address: email },
          userLabels: { ...labels },
        }).name,
    );
  }
}
