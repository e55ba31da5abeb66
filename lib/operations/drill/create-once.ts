/**
 * Restores that survive a lost response. The SDK retries a call whose response was lost (a reset, a timeout), and
 * the retry of a restore gets "already exists" for the copy the first attempt created. A copy with this drill's
 * name and this drill's tags (source and start time) is ours: the drill continues with it. Anything else with that
 * name is not touched and stops the drill.
 */
import { awsErrorName, AwsCallContext, describeAwsError } from '../aws/aws-errors';
import { usageError } from '../operation-error';
import { DRILL_SOURCE_TAG_KEY, DRILL_STARTED_TAG_KEY, DRILL_TAG_KEY } from './scratch-identifier';

export interface DrillTag {
  readonly Key?: string;
  readonly Value?: string;
}

/** Tagged by this very drill: the drill tag, its source, and the second it started. */
export const drillTagsDescription = (source: string, start: Date) =>
  `${DRILL_TAG_KEY}=true, ${DRILL_SOURCE_TAG_KEY}=${source}, ${DRILL_STARTED_TAG_KEY}=${start.toISOString()}`;

export function isCopyOfThisDrill(tags: readonly DrillTag[], source: string, start: Date): boolean {
  const value = (key: string) => tags.find((t) => t.Key === key)?.Value;
  return value(DRILL_TAG_KEY) === 'true' && value(DRILL_SOURCE_TAG_KEY) === source && value(DRILL_STARTED_TAG_KEY) === start.toISOString();
}

export interface CreateOnce {
  readonly context: AwsCallContext;
  /** The error names that mean "a resource with this name exists already". */
  readonly alreadyExists: readonly string[];
  readonly create: () => Promise<unknown>;
  /** True when the existing resource is this drill's copy (its tags, or for DynamoDB its restore source). */
  readonly isOurs: () => Promise<boolean>;
  /** How ownership is told apart, for the message when it is not ours. */
  readonly ownership: string;
}

/** Creates the resource; `'ours'` when a lost response left this drill's copy in place already. */
export async function createOnce(call: CreateOnce): Promise<'created' | 'ours'> {
  try {
    await call.create();
    return 'created';
  } catch (error) {
    if (!call.alreadyExists.includes(awsErrorName(error))) throw describeAwsError(error, call.context);
    if (await call.isOurs()) return 'ours';
    throw usageError(
      `${call.context.resource} exists already and is not this drill's copy (${call.ownership}). ` +
        'Nothing was changed; look at it, delete it if it is a leftover, and run the drill again.',
    );
  }
}
