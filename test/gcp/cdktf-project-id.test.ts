/**
 * `cdktf diff`/`deploy` must leave the tree clean. cdktf-cli 0.21.0 asks for the project id for its telemetry
 * (ReportRequest, skipped only under CHECKPOINT_DISABLE) and its crash reports; `getId` in @cdktf/commons 0.21.0
 * (src/checkpoint.js, bundled unchanged into cdktf-cli's bundle/bin/cmds/handlers.js) returns cdktf.json's
 * `projectId` when there is one and otherwise writes a fresh UUID into the file. So cdktf.json commits one.
 * Seen on this machine: with the entry removed, an offline `npx cdktf diff qa-foundation` (failing at terraform init)
 * rewrote cdktf.json with a new projectId; with the committed entry, the file stayed unchanged.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
// The module itself, not the package index: loading the index starts a `terraform version` probe that prints
// warnings after the tests.
import { getProjectId } from '@cdktf/commons/src/checkpoint';

const ROOT = path.join(__dirname, '..', '..');
const committed = fs.readFileSync(path.join(ROOT, 'cdktf.json'), 'utf8');

/** A project folder holding `cdktf` as its cdktf.json; what cdktf's project-id lookup returns and leaves in the file. */
function lookUpProjectId(cdktfJson: string): { id: string; fileAfter: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cdktf-project-'));
  try {
    fs.writeFileSync(path.join(dir, 'cdktf.json'), cdktfJson);
    const id = getProjectId(dir);
    return { id, fileAfter: fs.readFileSync(path.join(dir, 'cdktf.json'), 'utf8') };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

test('cdktf.json commits a projectId, so cdktf reads it and writes nothing', () => {
  expect(JSON.parse(committed).projectId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  const { id, fileAfter } = lookUpProjectId(committed);
  expect(id).toBe(JSON.parse(committed).projectId);
  expect(fileAfter).toBe(committed);
});

test('without a projectId, cdktf writes one into cdktf.json (what dirtied the tree)', () => {
  const { projectId: _removed, ...withoutId } = JSON.parse(committed);
  const { id, fileAfter } = lookUpProjectId(JSON.stringify(withoutId, null, 2));
  expect(JSON.parse(fileAfter)).toEqual({ ...withoutId, projectId: id });
});
