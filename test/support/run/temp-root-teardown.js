/** jest globalTeardown: removes the run's temporary directory (see temp-root-setup.js), unless KEEP_TEST_TMP=1. */
const fs = require('fs');

module.exports = async () => {
  const root = process.env.DATABASES_TEST_TMP_ROOT;
  if (!root) return;
  if (process.env.KEEP_TEST_TMP === '1') {
    console.log(`Test files kept in ${root}`);
    return;
  }
  fs.rmSync(root, { recursive: true, force: true });
};
