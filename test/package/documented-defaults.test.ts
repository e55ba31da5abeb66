/**
 * Every optional prop of a public construct's props documents its default (`@default`), so what a team gets by leaving
 * a prop out is written where their editor shows it. Read from the sources by the TypeScript compiler.
 */
import * as path from 'path';
import * as ts from 'typescript';

const ROOT = path.join(__dirname, '..', '..');
const ENTRIES = ['constructs/aws/index.ts', 'constructs/gcp/index.ts'].map((file) => path.join(ROOT, file));

/** `Interface.prop` for every optional property without a `@default` tag, of every exported *Props / *Options type. */
function undocumentedDefaults(): string[] {
  const program = ts.createProgram(ENTRIES, { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, strict: true, skipLibCheck: true, noEmit: true });
  const checker = program.getTypeChecker();
  const missing = new Set<string>();
  for (const entry of ENTRIES) {
    for (const exported of checker.getExportsOfModule(checker.getSymbolAtLocation(program.getSourceFile(entry)!)!)) {
      if (!/(Props|Options)$/.test(exported.getName())) continue;
      const symbol = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
      for (const property of checker.getPropertiesOfType(checker.getDeclaredTypeOfSymbol(symbol))) {
        const declaration = property.valueDeclaration ?? property.declarations?.[0];
        if (!declaration || !(property.flags & ts.SymbolFlags.Optional)) continue;
        // Props of aws-cdk-lib or cdktf types that ours extend document themselves.
        if (!declaration.getSourceFile().fileName.startsWith(ROOT) || declaration.getSourceFile().fileName.includes('node_modules')) continue;
        if (!property.getJsDocTags(checker).some((tag) => tag.name === 'default')) missing.add(`${exported.getName()}.${property.getName()}`);
      }
    }
  }
  return [...missing].sort();
}

test('every optional prop of the public constructs documents its default', () => {
  expect(undocumentedDefaults()).toEqual([]);
});
