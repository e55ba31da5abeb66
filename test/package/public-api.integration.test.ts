/**
 * The package's public API, entry point by entry point (package.json `exports`): the exported names with their kind,
 * read from the sources by the TypeScript compiler, so adding, removing or renaming a public name is a visible diff in
 * the snapshot. And what each entry loads: the AWS entry nothing of cdktf, the Google entry nothing of aws-cdk-lib.
 */
import { spawnSync } from 'child_process';
import * as path from 'path';
import * as ts from 'typescript';

const ROOT = path.join(__dirname, '..', '..');
import manifest from '../../package.json';

/** Entry name → source file, from `exports` (`./dist/<source>.js` is built from `<source>.ts`). */
const entries: Array<[string, string]> = Object.entries(manifest.exports as Record<string, string | { default: string }>)
  .filter(([, target]) => typeof target !== 'string')
  .map(([name, target]) => [name, path.join(ROOT, (target as { default: string }).default.replace(/^\.\/dist\//, '').replace(/\.js$/, '.ts'))]);

/**
 * One program for every entry, built on first use: each entry pulls in the declarations of aws-cdk-lib or cdktf, and
 * checking them once instead of once per entry is most of this file's time (same exports either way).
 */
let program: ts.Program | undefined;

function exportedNames(file: string): string[] {
  program ??= ts.createProgram(
    entries.map(([, source]) => source),
    { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, strict: true, skipLibCheck: true, noEmit: true },
  );
  const checker = program.getTypeChecker();
  const moduleSymbol = checker.getSymbolAtLocation(program.getSourceFile(file)!)!;
  return checker
    .getExportsOfModule(moduleSymbol)
    .map((symbol) => {
      const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
      const kind =
        target.flags & ts.SymbolFlags.Class
          ? 'class'
          : target.flags & ts.SymbolFlags.Function
            ? 'function'
            : target.flags & ts.SymbolFlags.Variable
              ? 'const'
              : 'type';
      return `${kind} ${symbol.getName()}`;
    })
    .sort((a, b) => a.split(' ')[1].localeCompare(b.split(' ')[1]));
}

test('the package has the entry points the README documents', () => {
  expect(entries.map(([name]) => name)).toEqual(['./aws', './gcp', './config', './testing', './testing/snapshot-serializer']);
});

test.each(entries)('the public API of %s', (_name, file) => {
  expect(exportedNames(file)).toMatchSnapshot();
});

/** Package names a module loads, as `require` resolves them (run in a fresh process: jest has its own loader). */
function packagesLoadedBy(file: string): string[] {
  const script = `require(${JSON.stringify(file)});
    const names = Object.keys(require.cache).filter((f) => f.includes('/node_modules/')).map((f) => {
      const parts = f.split('/node_modules/').pop().split('/');
      return parts[0].startsWith('@') ? parts[0] + '/' + parts[1] : parts[0];
    });
    console.log(JSON.stringify([...new Set(names)]));`;
  const result = spawnSync(process.execPath, ['-r', 'ts-node/register/transpile-only', '-e', script], { cwd: ROOT, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(result.stderr);
  return JSON.parse(result.stdout.trim().split('\n').pop()!);
}

const source = (name: string) => entries.find(([entry]) => entry === name)![1];

test('the AWS entry loads aws-cdk-lib and nothing of cdktf', () => {
  const loaded = packagesLoadedBy(source('./aws'));
  expect(loaded).toContain('aws-cdk-lib');
  expect(loaded.filter((name) => name.includes('cdktf'))).toEqual([]);
});

test('the Google entry loads cdktf and nothing of aws-cdk-lib', () => {
  const loaded = packagesLoadedBy(source('./gcp'));
  expect(loaded).toContain('@cdktf/provider-google');
  expect(loaded.filter((name) => name.startsWith('aws-cdk') || name === 'cdk-nag')).toEqual([]);
});

test('the config and testing entries load neither cloud library until an environment needs it', () => {
  for (const entry of ['./config', './testing']) {
    expect(packagesLoadedBy(source(entry)).filter((name) => name.startsWith('aws-cdk') || name.includes('cdktf') || name === 'cdk-nag')).toEqual([]);
  }
});
