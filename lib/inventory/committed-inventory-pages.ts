/**
 * Which inventory pages the inventory test compares. A page is documentation a team chooses to commit: an environment
 * whose page is committed has it checked against its config; a new environment (a new config/<name>.ts, nothing else
 * touched) has none yet and is not a failure; a committed page whose environment is gone describes nothing and is.
 */
import * as fs from 'fs';

export interface CommittedInventoryPages {
  /** Pages committed for an existing environment: each must equal what `npm run inventory` writes. */
  readonly committed: string[];
  /** Environments with no committed page (`npm run inventory` writes one). */
  readonly notCommitted: string[];
  /** Committed pages with no environment of that name (its config file was removed). */
  readonly orphaned: string[];
}

/** `pages`: file name → expected page, one per environment (inventoryPages); `dir`: where pages are committed. */
export function committedInventoryPages(pages: ReadonlyMap<string, string>, dir: string): CommittedInventoryPages {
  const onDisk = fs.existsSync(dir)
    ? fs
        .readdirSync(dir)
        .filter((file) => file.endsWith('.md'))
        .sort()
    : [];
  const expected = [...pages.keys()].sort();
  return {
    committed: expected.filter((file) => onDisk.includes(file)),
    notCommitted: expected.filter((file) => !onDisk.includes(file)),
    orphaned: onDisk.filter((file) => !pages.has(file)),
  };
}
