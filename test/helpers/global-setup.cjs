// Builds dist/Code.js once per test run, so end-to-end tests always load the current bundle.
const { pathToFileURL } = require('node:url');
const { join } = require('node:path');

module.exports = async () => {
  const { buildBundle } = await import(pathToFileURL(join(__dirname, '../../scripts/build.mjs')).href);
  await buildBundle();
};
