#!/usr/bin/env node
/** `npm run inventory`: writes docs/inventory/<env>.md for every environment. */
import '../lib/cli/report-errors-cleanly';
import * as path from 'path';
import { listEnvironments, loadEnvironments } from '../lib/environments/load-environments';
import { writeInventories } from '../lib/inventory/write-inventories';

for (const file of writeInventories(loadEnvironments(listEnvironments()))) console.log(`wrote ${path.relative(process.cwd(), file)}`);
