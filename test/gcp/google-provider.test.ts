import * as fs from 'fs';
import * as path from 'path';
import { App, TerraformStack, Testing } from 'cdktf';
import { addGoogleProvider, GOOGLE_PROVIDER_VERSION_CONTEXT } from '../../lib/gcp/google-provider';

const cdktfJson = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'cdktf.json'), 'utf8'));

test('cdktf.json declares the google provider version the prebuilt provider binds, and stacks require it', () => {
  const stack = new TerraformStack(Testing.app({ context: cdktfJson.context }), 'stack');
  addGoogleProvider(stack, 'acme-test', 'europe-west1');
  const synthesized = JSON.parse(Testing.synth(stack, true));
  expect(cdktfJson.context[GOOGLE_PROVIDER_VERSION_CONTEXT]).toBe('6.50.0');
  expect(synthesized.terraform.required_providers.google).toEqual({ source: 'google', version: '6.50.0' });
});

test('a declared version the installed provider does not bind stops synth with the fix', () => {
  const stack = new TerraformStack(new App({ context: { [GOOGLE_PROVIDER_VERSION_CONTEXT]: '7.0.0' } }), 'stack');
  expect(() => addGoogleProvider(stack, 'acme-test', 'europe-west1')).toThrow(
    'cdktf.json declares google provider 7.0.0 (context.googleProviderVersion) but @cdktf/provider-google binds 6.50.0. ' +
      'Update cdktf.json or pin the @cdktf/provider-google release for 7.0.0.',
  );
});
