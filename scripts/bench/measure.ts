/** One measured operation: Sheets service calls (the emulator's counter) and CPU time of this process. */
import type { Emulator } from '../emulator';

export interface Measurement {
  sheetsCalls: number;
  totalCalls: number;
  cpuMs: number;
  wallMs: number;
  /** Cells returned by Range reads (SPEC §15 bounds them too). */
  cellsRead: number;
}

export function measure(emu: Emulator, operation: () => void): Measurement {
  emu.counts.reset();
  const cpu = process.cpuUsage();
  const began = performance.now();
  operation();
  const wallMs = performance.now() - began;
  const used = process.cpuUsage(cpu);
  return {
    sheetsCalls: emu.counts.sheets(),
    totalCalls: emu.counts.total(),
    cpuMs: Math.round((used.user + used.system) / 100) / 10,
    wallMs: Math.round(wallMs * 10) / 10,
    cellsRead: emu.counts.cells().read,
  };
}
