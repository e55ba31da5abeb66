#!/usr/bin/env node
/** CDKTF app: every selected environment that has a `gcp` section. `DB_ENV=prod` (or `dev,staging`) selects. */
import '../lib/cli/report-errors-cleanly';
import { synthesizeGcpApp } from '../lib/gcp/synthesize-gcp-app';

synthesizeGcpApp();
