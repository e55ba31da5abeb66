/**
 * jest globalSetup: one temporary directory for the whole run, removed by temp-root-teardown.js. Every App a test
 * synthesizes without an outdir writes a cloud assembly (with its assets) under os.tmpdir(), and tests make their own
 * temporary config folders and server data: a unit run left 235 entries (130 MB) in /tmp. Pointing TMPDIR at the
 * run's directory (workers and the processes tests start inherit it) lets the teardown remove them all.
 * Set KEEP_TEST_TMP=1 to keep the directory for a look after the run (its path is printed).
 */
const fs = require('fs');
const os = require('os');
const path = require('path');

module.exports = async () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'databases-tests-'));
  // Sticky and world-writable like /tmp: the PostgreSQL test servers run as an unprivileged user.
  fs.chmodSync(root, 0o1777);
  process.env.DATABASES_TEST_TMP_ROOT = root;
  process.env.TMPDIR = root;
};
