/** The Google Cloud side of an environment: project, regions with keys, private network, notifications, state. */
import { z } from 'zod';
import { emailList, gcpRegion } from './fields';

/**
 * Project id rules, Resource Manager "Creating and managing projects" (cloud.google.com/resource-manager/docs/
 * creating-managing-projects): 6 to 30 characters; lowercase letters, numbers and hyphens; starts with a letter;
 * cannot end with a hyphen; cannot contain restricted strings such as google, null, undefined and ssl.
 */
const PROJECT_ID_RESTRICTED = ['google', 'null', 'undefined', 'ssl'];
const gcpProjectId = z.string().check((ctx) => {
  const id = ctx.value;
  const restricted = PROJECT_ID_RESTRICTED.find((word) => id.includes(word));
  const message =
    id.length < 6 || id.length > 30
      ? `has ${id.length} characters; a project id has 6 to 30`
      : !/^[a-z][a-z0-9-]*[a-z0-9]$/.test(id)
        ? 'must be lowercase letters, digits or hyphens, start with a letter and not end with a hyphen'
        : restricted && `contains '${restricted}', a string Google refuses in project ids (${PROJECT_ID_RESTRICTED.join(', ')})`;
  if (message) ctx.issues.push({ code: 'custom', message, input: id });
});

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
  projectId: gcpProjectId,
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
