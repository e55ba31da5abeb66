/**
 * Ports RDS refuses for an engine's listener, beyond the 1150–65535 range every engine has (the config schema checks
 * that). Source: RDS API reference, CreateDBInstance `Port` (botocore 1.43.11 data/rds/2014-10-31/service-2.json):
 * "For RDS for Microsoft SQL Server, the value can't be 1234, 1434, 3260, 3343, 3389, 47001, or 49152-49156."
 * No other engine has such a list there. An engine whose option listens on its own port (Oracle SSL: 2484, RDS user
 * guide "Oracle Secure Sockets Layer": a second port for SSL) cannot take that port for the database as well.
 */
import type { PathProblem } from '../../../common/path-problem';
import type { RdsEngineRow, RdsParameterFamily } from './rds-engine-table';

const SQL_SERVER_RESERVED_PORTS = [1234, 1434, 3260, 3343, 3389, 47001, 49152, 49153, 49154, 49155, 49156];

export const RDS_RESERVED_PORTS: Readonly<Record<RdsParameterFamily, readonly number[]>> = {
  postgres: [],
  mysql: [],
  mariadb: [],
  oracle: [],
  sqlserver: SQL_SERVER_RESERVED_PORTS,
};

export function portProblems(row: RdsEngineRow, port: number | undefined): PathProblem[] {
  if (port === undefined) return [];
  const reserved = RDS_RESERVED_PORTS[row.parameterFamily];
  if (reserved.includes(port)) {
    return [
      {
        path: ['port'],
        value: port,
        message: `is reserved on ${row.displayName}; RDS refuses ${reserved.join(', ')}`,
        fix: `use another port from 1150 to 65535, such as the default ${row.defaultPort}`,
      },
    ];
  }
  const option = row.options.find((o) => o.port === port);
  if (option) {
    return [
      {
        path: ['port'],
        value: port,
        message: `is the port of the ${option.name} option on ${row.displayName}; the database listens on another port`,
        fix: `use another port from 1150 to 65535, such as the default ${row.defaultPort}`,
      },
    ];
  }
  return [];
}
