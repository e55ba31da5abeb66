import * as fs from 'fs';
import * as path from 'path';
import type { PlannedEnvironment } from '../environments/plan-environments';
import { inventoryEntries } from './inventory-entries';
import { renderInventory } from './render-inventory';

export const INVENTORY_DIR = path.resolve(__dirname, '..', '..', 'docs', 'inventory');

/** The inventory page of each environment, by file name. */
export function inventoryPages(environments: readonly PlannedEnvironment[]): Map<string, string> {
  return new Map(environments.map(({ environment, plan }) => [`${environment.name}.md`, renderInventory(plan, inventoryEntries(environment, plan))]));
}

export function writeInventories(environments: readonly PlannedEnvironment[], dir = INVENTORY_DIR): string[] {
  fs.mkdirSync(dir, { recursive: true });
  const written: string[] = [];
  for (const [file, page] of inventoryPages(environments)) {
    fs.writeFileSync(path.join(dir, file), page);
    written.push(path.join(dir, file));
  }
  return written;
}
