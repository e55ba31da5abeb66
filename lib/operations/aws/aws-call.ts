/** SDK calls with errors turned into an operator's message (see aws-errors.ts). */
import { AwsCallContext, describeAwsError, isNotFound } from './aws-errors';

/** Runs one call; a "not found" error returns `notFound()` when given, every other error is described. */
export async function awsCall<T>(context: AwsCallContext, call: () => Promise<T>, notFound?: () => T): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (notFound && isNotFound(error)) return notFound();
    throw describeAwsError(error, context);
  }
}

/** Every item of a paginated call (an SDK paginator); "not found" means no items when `notFoundIsEmpty`. */
export async function awsCollect<Page, Item>(
  context: AwsCallContext,
  pages: () => AsyncIterable<Page>,
  items: (page: Page) => readonly Item[] | undefined,
  notFoundIsEmpty = false,
): Promise<Item[]> {
  const all: Item[] = [];
  try {
    for await (const page of pages()) all.push(...(items(page) ?? []));
  } catch (error) {
    if (notFoundIsEmpty && isNotFound(error)) return [];
    throw describeAwsError(error, context);
  }
  return all;
}
