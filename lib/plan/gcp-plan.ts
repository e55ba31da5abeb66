/** Plans the Google Cloud side of an environment: keys per region and the Cloud SQL instances. */
import { CLOUD_SQL_DEFAULTS } from '../../constructs/gcp/tables/cloud-sql-defaults';
import type { ResolvedEnvironment } from '../config/resolved-environment';
import { planCloudSqlInstance } from '../kinds/cloudsql-instance/cloud-sql-instance-plan';
import { toGcpLabels } from './gcp-labels';
import { GCP_CLOUD_SQL_KEY_NAME, gcpFoundationStackName, gcpKeyRingName } from './names';
import type { GcpPlan, GcpRegionKeyPlan } from './plan-types';


export function planGcp(env: ResolvedEnvironment): GcpPlan | undefined {
  const gcp = env.gcp;
  if (!gcp) return undefined;
  const keys = gcp.regions.map((region): GcpRegionKeyPlan => {
    const keyRingName = gcpKeyRingName(env.name);
    return {
      region,
      keyRingName,
      keyName: GCP_CLOUD_SQL_KEY_NAME,
      keyId: `projects/${gcp.projectId}/locations/${region}/keyRings/${keyRingName}/cryptoKeys/${GCP_CLOUD_SQL_KEY_NAME}`,
      rotationPeriod: CLOUD_SQL_DEFAULTS.keyRotationPeriod,
    };
  });
  const keyFor = (region: string) => keys.find((k) => k.region === region)!;
  return {
    projectId: gcp.projectId,
    projectNumber: gcp.projectNumber,
    primaryRegion: gcp.primaryRegion,
    privateNetwork: gcp.privateNetwork,
    stateBackend: gcp.stateBackend,
    foundation: {
      stackName: gcpFoundationStackName(env.name),
      keys,
      cloudSqlServiceAgent: `service-${gcp.projectNumber}@gcp-sa-cloud-sql.iam.gserviceaccount.com`,
      notificationEmails: gcp.notifications.emails,
      // KMS keys cannot be deleted for real and destroying one makes every backup encrypted with it unreadable.
      preventDestroy: env.tier !== 'development',
      labels: toGcpLabels(env.tags),
    },
    cloudSqlInstances: env.databases.flatMap((db) =>
      db.kind === 'cloudsql-instance' ? [planCloudSqlInstance(env, db, keyFor)] : [],
    ),
  };
}
