/**
 * A team's own test of its own environment, as the README's "Test your own environments" shows it (there with jest):
 * synthesize config/dev.ts (TypeScript, read through this project's ts-node) and check what came out.
 */
import * as assert from 'node:assert/strict';
import { listEnvironments, synthesizeEnvironment } from 'databases-as-code/testing';

assert.deepEqual(listEnvironments(), ['dev']);
const dev = synthesizeEnvironment('dev');
const stacks = Object.keys(dev.awsTemplates).sort();
assert.ok(stacks.includes('dev-rds-orders'), `stacks: ${stacks.join(', ')}`);
assert.deepEqual(dev.terraform, {});
const instance = Object.values<any>(dev.awsTemplates['dev-rds-orders'].Resources).find((resource) => resource.Type === 'AWS::RDS::DBInstance');
assert.equal(instance.Properties.StorageEncrypted, true);
// The provisioning handler was bundled from the package's dist/ entry at synth (esbuild, a dependency of the package).
const access = Object.values<any>(dev.awsTemplates['dev-rds-orders'].Resources).filter((resource) => resource.Type === 'Custom::DatabaseAccess');
assert.equal(access.length, 1);
console.log(`aws consumer: environment dev synthesized through databases-as-code/testing: ${stacks.join(', ')}`);
