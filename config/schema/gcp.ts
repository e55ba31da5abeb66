/** The Google Cloud side of an environment: project, regions with keys, private network, notifications, state. */
import { z } from 'zod';
import { emailList, gcpRegion } from './fields';

const stateBackend = z.discriminatedUnion(
  'type',
  [
    z.strictObject({ type: z.literal('local') }),
    z.strictObject({
      type: z.literal('gcs'),
      bucket: z.string().regex(/^[a-z0-9][a-z0-9._-]{1,61}[a-z0-9]$/, { error: 'must be a GCS bucket name' }),
      /** Object prefix; the stack name is appended. */
      prefix: z.string().default('databases'),
    }),
  ],
  { error: "stateBackend.type must be 'local' or 'gcs'" },
);

export const gcpSettings = z.strictObject({
  projectId: z
    .string()
    .regex(/^[a-z][a-z0-9-]{4,28}[a-z0-9]$/, { error: 'must be a project id: 6–30 lowercase letters, digits or hyphens' }),
  /** Needed to name the Cloud SQL service agent that must be allowed to use the keys. */
  projectNumber: z.string().regex(/^\d{6,19}$/, { error: 'must be the numeric project number (digits only)' }),
  primaryRegion: gcpRegion,
  /** Every region the environment uses; each gets a KMS key ring and key for Cloud SQL. */
  regions: z.array(gcpRegion).min(1, { error: 'must list at least one region' }),
  /** VPC network with private services access, as `projects/<project>/global/networks/<name>`. */
  privateNetwork: z.string().regex(/^projects\/[a-z][a-z0-9-]{4,28}[a-z0-9]\/global\/networks\/[a-z]([-a-z0-9]*[a-z0-9])?$/, {
    error: 'must be projects/<project>/global/networks/<network>',
  }),
  notifications: z.strictObject({ emails: emailList.default([]) }).default({ emails: [] }),
  stateBackend: stateBackend.default({ type: 'local' }),
});

export type GcpSettingsInput = z.input<typeof gcpSettings>;
export type GcpSettings = z.output<typeof gcpSettings>;
