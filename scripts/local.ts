/**
 * `npm start`: runs the built bundle (dist/Code.js) on the emulator for a simulated month of a
 * customer-service department and writes out/service-desk.xlsx, out/mail/ and a summary (SPEC §11).
 * Bad options exit with code 2.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseOptions, runLocal, type SimOptions, USAGE, UsageError } from './sim';

function options(): SimOptions {
  try {
    return parseOptions(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`npm start: ${error.message}\n\n${USAGE}`);
    process.exit(2);
  }
}

async function main(): Promise<void> {
  const chosen = options();
  const bundle = readFileSync(join(__dirname, '..', 'dist', 'Code.js'), 'utf8');
  console.log(
    `Service Desk for Sheets: ${chosen.days} days from ${chosen.start}, ~${chosen.perDay} contacts a working day, ${chosen.lang}, seed ${chosen.seed}`,
  );
  const run = await runLocal(bundle, chosen, (line) => console.log(`  ${line}`));
  console.log(`\n${run.text}\n`);
  console.log(`Wrote ${run.xlsxPath} (${run.simulation.emu.spreadsheet.sheetNames().length} sheets)`);
  console.log(`Wrote ${join(chosen.out, 'mail', 'index.html')} and ${run.mailFiles.length} emails`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
