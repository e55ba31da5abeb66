#!/usr/bin/env node
/** `npm run docs:config`: writes docs/config-reference.md from the schema. */
import * as fs from 'fs';
import * as path from 'path';
import { renderConfigReference } from '../lib/docs/config-reference';

const file = path.join(__dirname, '..', 'docs', 'config-reference.md');
fs.writeFileSync(file, renderConfigReference());
console.log(`wrote ${path.relative(process.cwd(), file)}`);
