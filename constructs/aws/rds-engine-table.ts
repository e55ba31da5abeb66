import { tunePostgres, TunedSetting, TuningInput } from '../common/postgres-tuning';

/**
 * RDS engines as rows of a table: supported versions, parameter group family, port, TLS parameter, log types.
 * Pure data (no CDK imports) so config validation and the plan can use it without loading aws-cdk-lib.
 *
 * Versions are full versions that cfn-lint 1.51 accepts and does not flag as deprecated (W3691); a version RDS can
 * no longer create instances with does not belong here.
 */

export interface RdsEngineRow {
  /** RDS `Engine` value. */
  readonly engine: string;
  readonly displayName: string;
  readonly versions: readonly string[];
  /** Major version of a full version (`17.6` → `17`). */
  readonly majorOf: (version: string) => string;
  /** Parameter group family of a major version (`17` → `postgres17`). */
  readonly familyOf: (major: string) => string;
  readonly defaultPort: number;
  /** Parameters that refuse unencrypted connections. */
  readonly tlsParameters: Readonly<Record<string, string>>;
  /** CloudWatch Logs export types. */
  readonly logExports: readonly string[];
  /** Settings tuned from the instance memory and the tier. */
  readonly tune: (input: TuningInput) => Record<string, TunedSetting>;
}

const firstPart = (version: string) => version.split('.')[0];

export const RDS_ENGINE_TABLE: Readonly<Record<string, RdsEngineRow>> = {
  postgres: {
    engine: 'postgres',
    displayName: 'PostgreSQL',
    versions: ['14.22', '15.17', '16.13', '17.6', '17.9', '18.3'],
    majorOf: firstPart,
    familyOf: (major) => `postgres${major}`,
    defaultPort: 5432,
    tlsParameters: { 'rds.force_ssl': '1' },
    logExports: ['postgresql', 'upgrade'],
    tune: tunePostgres,
  },
};

/** Engines the RDS construct renders today. */
export const RENDERED_RDS_ENGINES = Object.keys(RDS_ENGINE_TABLE);
