/**
 * The attributes of a google provider resource type as @cdktf/provider-google (generated from the 6.50 provider
 * schema) writes them into cdk.tf.json: dotted paths, blocks included. Read from the generated bindings'
 * `synthesizeAttributes()` and `<struct>ToTerraform()` functions, so that a rule in lib/guard/terraform-force-new.ts
 * naming an attribute 6.50 does not have (a typo, or one from another provider version) fails a test.
 */
import * as fs from 'fs';
import * as path from 'path';

/** The prebuilt bindings of each provider whose resources we emit, by the resource type's prefix. */
const BINDINGS: Readonly<Record<string, string>> = {
  google: path.dirname(require.resolve('@cdktf/provider-google/package.json')),
  random: path.dirname(require.resolve('@cdktf/provider-random/package.json')),
};

/** google_sql_database_instance → <provider-google>/lib/sql-database-instance/index.js; random_password → <provider-random>/lib/password/index.js */
function bindingFile(type: string): string {
  const [prefix, ...rest] = type.split('_');
  const dir = BINDINGS[prefix];
  if (!dir) throw new Error(`no bindings for resource type ${type}`);
  return path.join(dir, 'lib', rest.join('-'), 'index.js');
}

/** `key: converter(...)` lines of a function body, with the struct converter a block's key goes through. */
function keysOf(body: string): Array<[string, string | undefined]> {
  return [...body.matchAll(/^\s+(\w+): ([^\n]+)$/gm)].map(([, key, expression]) => {
    const block = expression.match(/listMapper\((\w+)ToTerraform/) ?? expression.match(/^(\w+)ToTerraform\(/);
    return [key, block?.[1]];
  });
}

export function googleResourceAttributes(type: string): Set<string> {
  const source = fs.readFileSync(bindingFile(type), 'utf8');
  const structs = new Map([...source.matchAll(/function (\w+)ToTerraform\(struct\) \{([\s\S]*?)\n\}/g)].map(([, name, body]) => [name, body]));
  const top = source.match(/synthesizeAttributes\(\) \{([\s\S]*?)\n {4}\}/);
  if (!top) throw new Error(`${bindingFile(type)}: no synthesizeAttributes() found; has the bindings' layout changed?`);
  const attributes = new Set<string>();
  const walk = (body: string, prefix: string) => {
    for (const [key, struct] of keysOf(body)) {
      attributes.add(prefix + key);
      const structBody = struct ? structs.get(struct) : undefined;
      if (structBody) walk(structBody, `${prefix}${key}.`);
    }
  };
  walk(top[1], '');
  return attributes;
}
