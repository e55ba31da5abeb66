/**
 * Where a benchmark run writes its results. Only a full run (N = 100 and 1,000, both clouds: what the README and
 * bench/results.md quote) replaces the committed bench/results.*; a quick run (BENCH_SIZES=1,10 …) writes to
 * bench/out/ (ignored by git), so it can neither change the committed numbers nor break the tests that read them.
 */
import * as path from 'path';

export interface ResultsLocation {
  readonly dir: string;
  readonly full: boolean;
}

export function resultsLocation(root: string, sizes: readonly number[], clouds: readonly string[]): ResultsLocation {
  const full = sizes.includes(100) && sizes.includes(1000) && clouds.includes('aws') && clouds.includes('gcp');
  return { dir: full ? path.join(root, 'bench') : path.join(root, 'bench', 'out'), full };
}
