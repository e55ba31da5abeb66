/**
 * Where Cloud SQL can place an instance and its backups. No machine-readable list of Google Cloud regions is
 * reachable offline (the provider and gcloud ask the API; gcloud 528 carries only per-product lists), so this table
 * is typed from Google's Cloud SQL pages, read in December 2026:
 * - regions: "Region availability overview" (cloud.google.com/sql/docs/mysql/region-availability-overview, the
 *   Enterprise edition table) and "Instance locations" (cloud.google.com/sql/docs/sqlserver/locations: the North
 *   America rows us-south1, us-west1 to us-west4). "Cloud SQL is available in all Google Cloud regions": a region
 *   opened later must be added here.
 * - multi-regions: "Instance locations", multi-regional locations (asia, eu, us), used only for backups.
 */
export const CLOUD_SQL_REGIONS: readonly string[] = [
  'africa-south1',
  'asia-east1',
  'asia-east2',
  'asia-northeast1',
  'asia-northeast2',
  'asia-northeast3',
  'asia-south1',
  'asia-south2',
  'asia-southeast1',
  'asia-southeast2',
  'australia-southeast1',
  'australia-southeast2',
  'europe-central2',
  'europe-north1',
  'europe-north2',
  'europe-southwest1',
  'europe-west1',
  'europe-west2',
  'europe-west3',
  'europe-west4',
  'europe-west6',
  'europe-west8',
  'europe-west9',
  'europe-west10',
  'europe-west12',
  'me-central1',
  'me-central2',
  'me-west1',
  'northamerica-northeast1',
  'northamerica-northeast2',
  'northamerica-south1',
  'southamerica-east1',
  'southamerica-west1',
  'us-central1',
  'us-central2',
  'us-east1',
  'us-east4',
  'us-east5',
  'us-south1',
  'us-west1',
  'us-west2',
  'us-west3',
  'us-west4',
];

/** Multi-regional backup locations. */
export const CLOUD_SQL_BACKUP_MULTI_REGIONS: readonly string[] = ['asia', 'eu', 'us'];
