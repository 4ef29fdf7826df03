/**
 * `npm run sheets -- <command>`: the googleapis tools for a department with a Google account (SPEC §12,
 * issue 18). Never needed by `npm test` or `npm start`; their tests forbid the network.
 *
 *   import FILE --spreadsheet ID [--sheet NAME] [--dry-run] [--map map.json] [--date-order mdy|dmy]
 *   export --spreadsheet ID --out DIR [--format xlsx|csv]
 *   rollup --sites sites.csv --dataset PROJECT.DATASET [--no-views]
 *   logout
 *
 * Exit codes: 0 done, 1 failed (the message says why), 2 bad usage or no credentials.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runExport } from './export';
import { authorize, logout } from './google/auth';
import { Google } from './google/clients';
import { ToolError } from './google/errors';
import { runImport } from './import';
import type { DateOrder } from './import/cells';
import { IMPORT_FIELDS, type MapOverrides, MappingError } from './import/mapping';
import { SourceFileError } from './import/read-file';
import { parseSites, runRollup } from './rollup';

const USAGE = `Usage: npm run sheets -- <command> [options]

  import FILE --spreadsheet ID [--sheet NAME] [--dry-run] [--map map.json] [--date-order mdy|dmy]
      Load a historic register (.xlsx or .csv) into the hidden Import sheet; the add-on turns the rows
      into tickets on its next hourly runs. --dry-run prints the mapping and every row it would reject.
  export --spreadsheet ID --out DIR [--format xlsx|csv]
      Back up every sheet (Drive export to .xlsx when Google allows it, else the values of each sheet),
      with a manifest (sheet, rows, columns, SHA-256) that is checked after writing.
  rollup --sites sites.csv --dataset PROJECT.DATASET [--no-views]
      Load each site's registers into BigQuery (a table per register and site, partitioned by month,
      each month replaced), then create the group KPI views of sql/.
  logout
      Forget the cached Google sign-in token.

Common options: --client-secret FILE (OAuth desktop client JSON). A service account is used instead
when GOOGLE_APPLICATION_CREDENTIALS names its key file.`;

export interface ParsedArgs {
  command: string;
  positional: string[];
  flags: Record<string, string | true>;
}

const BOOLEAN_FLAGS = new Set(['dry-run', 'help', 'no-views']);

export function parseArgs(argv: readonly string[]): ParsedArgs {
  const [command = '', ...rest] = argv;
  const positional: string[] = [];
  const flags: Record<string, string | true> = {};
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    if (!arg.startsWith('--')) {
      positional.push(arg);
      continue;
    }
    const [name, inline] = arg.slice(2).split(/=(.*)/s, 2);
    if (BOOLEAN_FLAGS.has(name)) flags[name] = true;
    else {
      const value = inline ?? rest[++i];
      if (value === undefined || value.startsWith('--'))
        throw new ToolError(`--${name} needs a value\n\n${USAGE}`, 2);
      flags[name] = value;
    }
  }
  return { command, positional, flags };
}

function required(args: ParsedArgs, name: string): string {
  const value = args.flags[name];
  if (typeof value !== 'string') throw new ToolError(`--${name} is required\n\n${USAGE}`, 2);
  return value;
}

/** A spreadsheet URL or its ID. */
function spreadsheetIdOf(text: string): string {
  return /\/spreadsheets\/d\/([a-zA-Z0-9_-]+)/.exec(text)?.[1] ?? text;
}

function readMap(path: string): MapOverrides {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new ToolError(`--map ${path}: ${(error as Error).message}`, 2);
  }
  const map: MapOverrides = {};
  for (const [header, field] of Object.entries(data as Record<string, unknown>)) {
    if (field !== null && !IMPORT_FIELDS.includes(field as never))
      throw new ToolError(
        `--map ${path}: “${header}” → “${String(field)}” is not a field (${IMPORT_FIELDS.join(', ')}, or null to skip)`,
        2,
      );
    map[header] = field as MapOverrides[string];
  }
  return map;
}

export async function main(
  argv: readonly string[],
  print: (line: string) => void = console.log,
): Promise<number> {
  try {
    const args = parseArgs(argv);
    if (args.command === '' || args.flags.help) {
      print(USAGE);
      return args.command === '' ? 2 : 0;
    }
    const clientSecret =
      typeof args.flags['client-secret'] === 'string' ? args.flags['client-secret'] : undefined;
    switch (args.command) {
      case 'import': {
        const file = args.positional[0];
        if (!file) throw new ToolError(`import needs a FILE\n\n${USAGE}`, 2);
        const order = args.flags['date-order'];
        if (order !== undefined && order !== 'mdy' && order !== 'dmy')
          throw new ToolError('--date-order is mdy or dmy', 2);
        const dryRun = args.flags['dry-run'] === true;
        const spreadsheetId = spreadsheetIdOf(required(args, 'spreadsheet'));
        const credentials = await authorize(dryRun ? 'import-dry-run' : 'import', { clientSecret });
        const google = new Google(credentials.auth, undefined, credentials.serviceAccount);
        await runImport(google, {
          file,
          spreadsheetId,
          sheet: typeof args.flags.sheet === 'string' ? args.flags.sheet : undefined,
          dryRun,
          map: typeof args.flags.map === 'string' ? readMap(args.flags.map) : undefined,
          dateOrder: order as DateOrder | undefined,
          print,
        });
        return 0;
      }
      case 'export': {
        const format = args.flags.format ?? 'xlsx';
        if (format !== 'xlsx' && format !== 'csv') throw new ToolError('--format is xlsx or csv', 2);
        const spreadsheetId = spreadsheetIdOf(required(args, 'spreadsheet'));
        const out = required(args, 'out');
        const credentials = await authorize('export', { clientSecret });
        const google = new Google(credentials.auth, undefined, credentials.serviceAccount);
        await runExport(google, { spreadsheetId, out, format, print });
        return 0;
      }
      case 'rollup': {
        const sites = parseSites(required(args, 'sites'));
        const [project, dataset, extra] = required(args, 'dataset').split('.');
        if (!project || !dataset || extra !== undefined)
          throw new ToolError('--dataset is PROJECT.DATASET', 2);
        const credentials = await authorize('rollup', { clientSecret });
        const google = new Google(credentials.auth, undefined, credentials.serviceAccount);
        await runRollup(google, {
          sites,
          project,
          dataset,
          sqlDir: args.flags['no-views'] ? null : join(__dirname, '../../sql'),
          pollMs: 2000,
          print,
        });
        return 0;
      }
      case 'logout':
        print(`Removed ${logout()}`);
        return 0;
      default:
        throw new ToolError(`Unknown command “${args.command}”\n\n${USAGE}`, 2);
    }
  } catch (error) {
    if (error instanceof ToolError || error instanceof MappingError || error instanceof SourceFileError) {
      process.stderr.write(`${error.message}\n`);
      return error instanceof ToolError ? error.exitCode : 1;
    }
    throw error;
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
