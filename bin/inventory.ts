#!/usr/bin/env node
/** `npm run inventory`: writes docs/inventory/<env>.md for every environment. */
import '../lib/cli/report-errors-cleanly';
import * as path from 'path';
import { listEnvironments } from '../lib/environments/load-environments';
import { planEnvironments } from '../lib/environments/plan-environments';
import { writeInventories } from '../lib/inventory/write-inventories';

for (const file of writeInventories(planEnvironments(listEnvironments()))) console.log(`wrote ${path.relative(process.cwd(), file)}`);
