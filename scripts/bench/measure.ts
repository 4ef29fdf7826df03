/** One measured operation: Sheets service calls (the emulator's counter) and CPU time of this process. */
import type { Emulator } from '../emulator';

export interface Measurement {
  sheetsCalls: number;
  totalCalls: number;
  cpuMs: number;
  /** CPU of the script itself: the process's CPU less the emulator's serving of calls (Google's side). */
  scriptCpuMs: number;
  wallMs: number;
  /** Cells returned by Range reads (SPEC §15 bounds them too). */
  cellsRead: number;
}

export function measure(emu: Emulator, operation: () => void): Measurement {
  emu.counts.reset();
  const cpu = process.cpuUsage();
  const host = emu.counts.hostCpuMs();
  const began = performance.now();
  operation();
  const wallMs = performance.now() - began;
  const used = process.cpuUsage(cpu);
  const hostMs = emu.counts.hostCpuMs() - host;
  return {
    sheetsCalls: emu.counts.sheets(),
    totalCalls: emu.counts.total(),
    cpuMs: Math.round((used.user + used.system) / 100) / 10,
    scriptCpuMs: Math.round(Math.max(0, (used.user + used.system) / 1000 - hostMs) * 10) / 10,
    wallMs: Math.round(wallMs * 10) / 10,
    cellsRead: emu.counts.cells().read,
  };
}
