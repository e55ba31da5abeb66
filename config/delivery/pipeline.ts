import { defineDelivery } from '../schema/delivery';

/**
 * The delivery pipeline (`npm run pipeline -- deploy`): in the tooling account, reading main through a CodeConnections
 * connection, promoting dev → staging → prod (approval before prod). Not an environment: it lives in config/delivery/,
 * outside the config/<name>.ts rule. docs/delivery.md says what each account and Google project must set up.
 */
export default defineDelivery({
  pipeline: { name: 'databases-delivery', account: '444444444444', region: 'eu-west-1' },
  source: {
    connectionArn: 'arn:aws:codeconnections:eu-west-1:444444444444:connection/0a1b2c3d-4e5f-4789-abcd-ef0123456789',
    repository: 'acme/databases-as-code',
    branch: 'main',
  },
  environments: ['dev', 'staging', 'prod'],
  googleCloud: {
    dev: {
      workloadIdentityProvider: 'projects/100000000001/locations/global/workloadIdentityPools/aws-delivery/providers/databases-pipeline',
      serviceAccount: 'databases-deployer@acme-databases-dev.iam.gserviceaccount.com',
    },
    staging: {
      workloadIdentityProvider: 'projects/100000000002/locations/global/workloadIdentityPools/aws-delivery/providers/databases-pipeline',
      serviceAccount: 'databases-deployer@acme-databases-staging.iam.gserviceaccount.com',
    },
    prod: {
      workloadIdentityProvider: 'projects/100000000003/locations/global/workloadIdentityPools/aws-delivery/providers/databases-pipeline',
      serviceAccount: 'databases-deployer@acme-databases-prod.iam.gserviceaccount.com',
    },
  },
});
