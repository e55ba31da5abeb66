import { z } from 'zod';

/**
 * The apps validate the config once per process. On its first parse of each object schema zod compiles a fast path
 * (`new Function`), which costs more than it saves in a single pass: for 100 databases, validation took 16 ms
 * instead of 25 ms without it (bench/results.md). Called by the apps' entry points only: a library must not change the
 * global settings of a zod that its user's code may share.
 */
export function validateInOnePass(): void {
  z.config({ jitless: true });
}
