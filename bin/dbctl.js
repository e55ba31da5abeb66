#!/usr/bin/env node
// `npx dbctl`: runs bin/dbctl.ts transpile-only (environment configs are TypeScript too); `npm run typecheck` checks types.
require('ts-node').register({ transpileOnly: true, project: require('path').join(__dirname, '..', 'tsconfig.json') });
require('./dbctl.ts');
