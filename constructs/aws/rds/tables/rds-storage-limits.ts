/**
 * Storage RDS accepts for an instance: the allocated size per engine and storage type, and the margin the storage
 * autoscaling ceiling must keep above it. Pure data, shared by the construct's checks and the config rules.
 *
 * Sizes: RDS API reference, CreateDBInstance, `AllocatedStorage` ("Constraints to the amount of storage for each
 * storage type"), as shipped in botocore 1.43.11 data/rds/2014-10-31/service-2.json and the AWS SDK for Kotlin
 * reference (docs.aws.amazon.com/sdk-for-kotlin/api/latest/rds/.../-create-db-instance-request/allocated-storage.html).
 * The RDS user guide page "Amazon RDS DB instance storage" states the same maxima (64 TiB; 16 TiB for SQL Server).
 */
import type { RdsParameterFamily } from './rds-engine-table';

export type RdsStorageType = 'gp2' | 'gp3' | 'io1' | 'io2';

/** Every instance the constructs create uses gp3 (constructs/aws/rds/rds-instance-base.ts, `storageType`). */
export const RDS_STORAGE_TYPE: RdsStorageType = 'gp3';

export interface StorageRange {
  readonly minGiB: number;
  readonly maxGiB: number;
}

const GENERAL_PURPOSE_64_TIB: StorageRange = { minGiB: 20, maxGiB: 65536 };
const PROVISIONED_IOPS_64_TIB: StorageRange = { minGiB: 100, maxGiB: 65536 };

/**
 * Per engine family and storage type. SQL Server: every edition (Enterprise, Standard, Web, Express) takes 20–16384
 * on gp2/gp3 and 100–16384 on io1/io2; PostgreSQL, MySQL, MariaDB and Oracle take 20–65536 and 100–65536.
 */
export const RDS_STORAGE_LIMITS: Readonly<Record<RdsParameterFamily, Readonly<Record<RdsStorageType, StorageRange>>>> = {
  postgres: { gp2: GENERAL_PURPOSE_64_TIB, gp3: GENERAL_PURPOSE_64_TIB, io1: PROVISIONED_IOPS_64_TIB, io2: PROVISIONED_IOPS_64_TIB },
  mysql: { gp2: GENERAL_PURPOSE_64_TIB, gp3: GENERAL_PURPOSE_64_TIB, io1: PROVISIONED_IOPS_64_TIB, io2: PROVISIONED_IOPS_64_TIB },
  mariadb: { gp2: GENERAL_PURPOSE_64_TIB, gp3: GENERAL_PURPOSE_64_TIB, io1: PROVISIONED_IOPS_64_TIB, io2: PROVISIONED_IOPS_64_TIB },
  oracle: { gp2: GENERAL_PURPOSE_64_TIB, gp3: GENERAL_PURPOSE_64_TIB, io1: PROVISIONED_IOPS_64_TIB, io2: PROVISIONED_IOPS_64_TIB },
  sqlserver: {
    gp2: { minGiB: 20, maxGiB: 16384 },
    gp3: { minGiB: 20, maxGiB: 16384 },
    io1: { minGiB: 100, maxGiB: 16384 },
    io2: { minGiB: 100, maxGiB: 16384 },
  },
};

/**
 * The storage autoscaling ceiling (MaxAllocatedStorage) must be at least 10% above the allocated storage: RDS user
 * guide, "Managing capacity automatically with Amazon RDS storage autoscaling" (USER_PIOPS.Autoscaling): "set the
 * maximum storage threshold to at least 10% more than the current allocated storage" (1000 GiB allocated → at least
 * 1100 GiB), else "Invalid max storage size for engine_name".
 */
export const AUTOSCALING_MARGIN_PERCENT = 10;

/** The smallest autoscaling ceiling RDS accepts above `allocatedGiB` (whole GiB). */
export const minimumAutoscalingCeiling = (allocatedGiB: number) => Math.ceil((allocatedGiB * (100 + AUTOSCALING_MARGIN_PERCENT)) / 100);
