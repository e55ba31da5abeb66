/**
 * The contrib modules a config may declare (lib/config/database-access/postgres-extensions.ts) against the real thing:
 * each is an extension of every PostgreSQL major we support, as the server builds from npm (devDependencies pg14–pg18)
 * ship them — a `<name>.control` file in share/postgresql/extension. A name PostgreSQL does not ship fails here.
 */
import { existsSync } from 'fs';
import { dirname, join } from 'path';
import { CONTRIB } from '../../lib/config/database-access/postgres-extensions';
import { POSTGRES_SERVER_MAJORS } from '../support/postgres-servers';

const extensionDir = (major: string) => join(dirname(require.resolve(`pg${major}`)), '..', 'native', 'share', 'postgresql', 'extension');

test.each(POSTGRES_SERVER_MAJORS)('GIVEN PostgreSQL %s as built THEN every contrib module we accept is one of its extensions', (major) => {
  expect(CONTRIB.filter((name) => !existsSync(join(extensionDir(major), `${name}.control`)))).toEqual([]);
});
