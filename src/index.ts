/**
 * The only surface Apps Script sees: every export becomes a top-level function of dist/Code.js.
 * Each entry point is one call into src/jobs; no logic lives here.
 */
export { onInstall, onOpen } from './jobs/menu';
