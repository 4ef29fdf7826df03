/**
 * `npm start` as a library: simulate, then write the workbook, the mails and the summary. The CLI
 * (scripts/local.ts) and the end-to-end test both call `runLocal`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeMail } from './export-mail';
import { workbookXlsx } from './export-xlsx';
import type { SimOptions } from './options';
import { type Simulation, simulate } from './simulate';
import { formatSummary, type Summary, summarize } from './summary';

export { DEFAULT_OPTIONS, parseOptions, type SimOptions, USAGE, UsageError } from './options';

export interface LocalRun {
  simulation: Simulation;
  summary: Summary;
  xlsxPath: string;
  mailFiles: string[];
  text: string;
}

export async function runLocal(
  bundle: string,
  options: SimOptions,
  progress: (line: string) => void = () => {},
): Promise<LocalRun> {
  const began = performance.now();
  const cpu = process.cpuUsage();
  const simulation = await simulate(bundle, options, progress);
  const { emu } = simulation;
  mkdirSync(options.out, { recursive: true });
  const xlsxPath = join(options.out, 'service-desk.xlsx');
  writeFileSync(xlsxPath, await workbookXlsx(emu, simulation.ended));
  const mailFiles = writeMail(emu.mail.outbox, join(options.out, 'mail'), emu.spreadsheet.timeZone);
  const summary = summarize(simulation, options.days);
  const used = process.cpuUsage(cpu);
  const text = formatSummary(summary, (performance.now() - began) / 1000, (used.user + used.system) / 1e6);
  return { simulation, summary, xlsxPath, mailFiles, text };
}
