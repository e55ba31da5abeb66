/**
 * Every optional prop of a public construct's props documents its default (`@default`), so what a team gets by leaving
 * a prop out is written where their editor shows it; and where a construct takes the default from a defaults table,
 * the documented value is the table's. Read from the sources by the TypeScript compiler.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as ts from 'typescript';
import { DYNAMODB_DEFAULTS } from '../../constructs/aws/dynamodb/tables/dynamodb-defaults';
import { RDS_DEFAULTS } from '../../constructs/aws/rds/tables/rds-defaults';

const ROOT = path.join(__dirname, '..', '..');
const ENTRIES = ['constructs/aws/index.ts', 'constructs/gcp/index.ts'].map((file) => path.join(ROOT, file));

/** `Interface.prop` → its `@default` text (undefined when it has none), for every optional property of every exported *Props / *Options type. */
/** Every source file under constructs/: the props and everything they extend that is ours. */
function constructSources(dir = path.join(ROOT, 'constructs')): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => (entry.isDirectory() ? constructSources(path.join(dir, entry.name)) : entry.name.endsWith('.ts') ? [path.join(dir, entry.name)] : []));
}

function documentedDefaults(): Map<string, string | undefined> {
  // noResolve: the program holds our construct sources only, not the aws-cdk-lib/cdktf declarations they import
  // (about 3,000 files, 90% of the time); props inherited from those are skipped below anyway.
  const program = ts.createProgram(constructSources(), {
    module: ts.ModuleKind.CommonJS,
    target: ts.ScriptTarget.ES2022,
    strict: true,
    skipLibCheck: true,
    noEmit: true,
    noResolve: true,
  });
  const checker = program.getTypeChecker();
  const found = new Map<string, string | undefined>();
  for (const entry of ENTRIES) {
    for (const exported of checker.getExportsOfModule(checker.getSymbolAtLocation(program.getSourceFile(entry)!)!)) {
      if (!/(Props|Options)$/.test(exported.getName())) continue;
      const symbol = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
      for (const property of checker.getPropertiesOfType(checker.getDeclaredTypeOfSymbol(symbol))) {
        const declaration = property.valueDeclaration ?? property.declarations?.[0];
        if (!declaration || !(property.flags & ts.SymbolFlags.Optional)) continue;
        // Props of aws-cdk-lib or cdktf types that ours extend document themselves.
        if (!declaration.getSourceFile().fileName.startsWith(ROOT) || declaration.getSourceFile().fileName.includes('node_modules')) continue;
        const tag = property.getJsDocTags(checker).find((t) => t.name === 'default');
        found.set(`${exported.getName()}.${property.getName()}`, tag && ts.displayPartsToString(tag.text).trim());
      }
    }
  }
  return found;
}

const documented = documentedDefaults();

test('every optional prop of the public constructs documents its default', () => {
  expect(
    [...documented]
      .filter(([, text]) => text === undefined)
      .map(([name]) => name)
      .sort(),
  ).toEqual([]);
});

/** A table value as a `@default` writes it: strings quoted, numbers and booleans as they are. */
const asDocumented = (value: unknown) => (typeof value === 'string' ? `'${value}'` : String(value));

/** The props whose construct applies a defaults table, and the table (constructs/aws/<kind>/tables/*-defaults.ts). */
const TABLES: ReadonlyArray<readonly [string, Readonly<Record<string, unknown>>]> = [
  ['RdsInstanceBaseProps', RDS_DEFAULTS],
  ['RdsDatabaseProps', RDS_DEFAULTS],
  ['RdsReadReplicaProps', RDS_DEFAULTS],
  ['AuroraClusterProps', RDS_DEFAULTS],
  ['DynamoDbGlobalTableProps', DYNAMODB_DEFAULTS],
];

/** `Interface.prop: documented → table` for every prop with a plain-value table default; each checked pair. */
function compare() {
  const checked: string[] = [];
  const different: string[] = [];
  for (const [props, table] of TABLES) {
    for (const [field, value] of Object.entries(table)) {
      const text = documented.get(`${props}.${field}`);
      // Not a prop of this interface, or a default that is no plain value (billing: '- on-demand without …').
      if (text === undefined || typeof value === 'object') continue;
      checked.push(`${props}.${field}`);
      // The value, alone or followed by when it applies (`35 when point-in-time recovery is on`).
      if (text !== asDocumented(value) && !text.startsWith(`${asDocumented(value)} `))
        different.push(`${props}.${field}: @default ${text}, table ${asDocumented(value)}`);
    }
  }
  return { checked, different };
}

test("each prop's @default states the value its construct takes from the defaults table", () => {
  const { checked, different } = compare();
  expect(different).toEqual([]);
  // The comparison covers the props it should (a renamed table key would silently drop out of it).
  expect(checked).toEqual(
    expect.arrayContaining([
      'RdsDatabaseProps.allocatedStorageGiB',
      'RdsDatabaseProps.backupRetentionDays',
      'RdsDatabaseProps.multiAz',
      'RdsDatabaseProps.preferredBackupWindow',
      'RdsDatabaseProps.preferredMaintenanceWindow',
      'RdsDatabaseProps.masterUsername',
      'RdsDatabaseProps.passwordRotationDays',
      'RdsDatabaseProps.proxy',
      'RdsInstanceBaseProps.deletionProtection',
      'RdsInstanceBaseProps.slowQueryThresholdMs',
      'RdsInstanceBaseProps.performanceInsightsRetentionDays',
      'RdsInstanceBaseProps.monitoringIntervalSeconds',
      'RdsInstanceBaseProps.logRetentionDays',
      'AuroraClusterProps.backupRetentionDays',
      'AuroraClusterProps.preferredBackupWindow',
      'AuroraClusterProps.preferredMaintenanceWindow',
      'AuroraClusterProps.passwordRotationDays',
      'AuroraClusterProps.deletionProtection',
      'DynamoDbGlobalTableProps.tableClass',
      'DynamoDbGlobalTableProps.pointInTimeRecovery',
      'DynamoDbGlobalTableProps.pointInTimeRecoveryDays',
      'DynamoDbGlobalTableProps.deletionProtection',
      'DynamoDbGlobalTableProps.contributorInsights',
      'DynamoDbGlobalTableProps.multiRegionConsistency',
      'DynamoDbGlobalTableProps.enforceTls',
    ]),
  );
});
