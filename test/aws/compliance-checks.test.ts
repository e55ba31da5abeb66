import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as rds from 'aws-cdk-lib/aws-rds';
import { addAwsEnvironments, planSelectedEnvironments } from '../../lib/aws/aws-app';
import { addComplianceChecks } from '../../lib/aws/compliance-checks';

const cdkJson = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'cdk.json'), 'utf8'));
const outdir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'nag-'));

/** An app like bin/aws.ts: the project's feature flags (findings fail synth) and both cdk-nag packs. */
function checkedApp(): App {
  const app = new App({ context: cdkJson.context, outdir: outdir() });
  addComplianceChecks(app);
  return app;
}

test('every sample environment passes AWS Solutions and HIPAA Security with no unacknowledged finding', () => {
  const app = checkedApp();
  addAwsEnvironments(app, planSelectedEnvironments(''));
  expect(() => app.synth()).not.toThrow();
});

test('an unacknowledged finding fails synth (the packs are active)', () => {
  // GIVEN a hand-written instance without encryption, next to our checked app
  const app = checkedApp();
  const stack = new Stack(app, 'HandWritten', { env: { account: '123456789012', region: 'eu-west-1' } });
  const vpc = new ec2.Vpc(stack, 'Vpc', { availabilityZones: ['eu-west-1a', 'eu-west-1b'], natGateways: 0 });
  new rds.DatabaseInstance(stack, 'Db', {
    engine: rds.DatabaseInstanceEngine.postgres({ version: rds.PostgresEngineVersion.of('17.6', '17') }),
    vpc,
    vpcSubnets: { subnetType: ec2.SubnetType.PUBLIC },
    storageEncrypted: false,
  });
  // WHEN synthesized THEN both packs report it and synth fails
  let message = '';
  try {
    app.synth();
  } catch (error) {
    message = String((error as Error).message);
  }
  expect(message).toContain('ERROR The VPC does not have an associated Flow Log. (AwsSolutions)');
  expect(message).toMatch(/ERROR .*\(HIPAA\.Security\)/);
  expect(message).toContain('HandWritten/Db');
});
