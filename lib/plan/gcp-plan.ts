/** Plans the Google Cloud side of an environment: a key per region, the foundation stack, the databases' stacks. */
import { CLOUD_SQL_DEFAULTS } from '../../constructs/gcp/tables/cloud-sql-defaults';
import type { ResolvedEnvironment } from '../config/resolved-environment';
import { DATABASE_CLOUD } from '../config/database-cloud';
import { KIND_ROWS } from '../kinds/registry';
import { toGcpLabels } from '../naming/gcp-labels';
import { GCP_CLOUD_SQL_KEY_NAME, gcpFoundationStackName, gcpKeyRingName } from '../naming/names';
import type { DatabasePlans, GcpPlan, GcpRegionKeyPlan, GcpStackSpec, ProjectGrant } from './plan-types';

/** The Cloud SQL key of each region, with a deterministic id that instance stacks name without a reference. */
export function planGcpKeys(env: ResolvedEnvironment): GcpRegionKeyPlan[] {
  const gcp = env.gcp;
  if (!gcp) return [];
  return gcp.regions.map((region): GcpRegionKeyPlan => {
    const keyRingName = gcpKeyRingName(env.name);
    return {
      region,
      keyRingName,
      keyName: GCP_CLOUD_SQL_KEY_NAME,
      keyId: `projects/${gcp.projectId}/locations/${region}/keyRings/${keyRingName}/cryptoKeys/${GCP_CLOUD_SQL_KEY_NAME}`,
      rotationPeriod: CLOUD_SQL_DEFAULTS.keyRotationPeriod,
    };
  });
}

/** The Google Cloud side around the databases' own plans: the foundation and every stack after it. */
export function planGcp(env: ResolvedEnvironment, keys: readonly GcpRegionKeyPlan[], databases: DatabasePlans): GcpPlan | undefined {
  const gcp = env.gcp;
  if (!gcp) return undefined;
  const gcpRows = KIND_ROWS.filter((row) => DATABASE_CLOUD[row.kind] === 'gcp');
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
      // Granted only when a database of the kind uses the keys: one grant per key, not one per database, so removing
      // one database's stack never revokes the key from another.
      otherServiceAgents: gcpRows.flatMap((row) => (row.keyServiceAgent && databases[row.kind].length > 0 ? [row.keyServiceAgent(gcp.projectNumber)] : [])),
      projectGrants: projectGrantsOf(gcpRows, databases),
      notificationEmails: gcp.notifications.emails,
      // KMS keys cannot be deleted for real and destroying one makes every backup encrypted with it unreadable.
      preventDestroy: env.tier !== 'development',
      labels: toGcpLabels(env.tags),
    },
    // A Google Cloud kind's row declares CDKTF stacks (StackSpecOf); the rows are widened to all kinds here.
    stacks: gcpRows.flatMap((row) => databases[row.kind].flatMap((plan) => row.stacks(plan) as unknown as readonly GcpStackSpec[])),
  };
}

/** Every database's project grants, each (role, member) once, in a stable order. */
function projectGrantsOf(rows: typeof KIND_ROWS, databases: DatabasePlans): ProjectGrant[] {
  // The rows are widened to all kinds here, as for the stacks above.
  type AnyRow = { projectGrants?: (plan: unknown) => readonly ProjectGrant[] };
  const grants = rows.flatMap((row) => (databases[row.kind] as readonly unknown[]).flatMap((plan) => (row as AnyRow).projectGrants?.(plan) ?? []));
  const unique = new Map(grants.map((grant) => [`${grant.role} ${grant.member}`, grant]));
  return [...unique.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([, grant]) => grant);
}
