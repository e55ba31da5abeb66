/**
 * The project's Secret Manager service agent, which encrypts payloads with a customer-managed key ("Enable
 * customer-managed encryption keys for Secret Manager"). It exists once Secret Manager is used in the project or after
 * `gcloud beta services identity create --service=secretmanager.googleapis.com`. A plain table (no provider classes), so
 * the kind registry can name it without loading cdktf.
 */
export const secretManagerServiceAgent = (projectNumber: string) => `service-${projectNumber}@gcp-sa-secretmanager.iam.gserviceaccount.com`;
