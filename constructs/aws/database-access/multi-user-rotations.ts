/**
 * The Secrets Manager hosted rotation for an engine-created password role, by engine: the alternating-users
 * ("multi-user") strategy, which logs in with the master secret and switches between the role and a `_clone` copy,
 * so the previous password keeps working while applications pick up the new one ("Rotation by Lambda function",
 * alternating users strategy, AWS Secrets Manager User Guide). aws-cdk-lib 2.276 HostedRotation names them.
 */
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';

import type { AccessEngine } from './tables/access-engines';

type MultiUserRotation = (options: secretsmanager.MultiUserHostedRotationOptions) => secretsmanager.HostedRotation;

export const MULTI_USER_ROTATION: Readonly<Record<AccessEngine, MultiUserRotation>> = {
  postgres: secretsmanager.HostedRotation.postgreSqlMultiUser,
  'aurora-postgresql': secretsmanager.HostedRotation.postgreSqlMultiUser,
  mysql: secretsmanager.HostedRotation.mysqlMultiUser,
  'aurora-mysql': secretsmanager.HostedRotation.mysqlMultiUser,
  mariadb: secretsmanager.HostedRotation.mariaDbMultiUser,
};
