/** Driving the ticket panel's server endpoints the way its sidebar does: google.script.run calls. */
import type { Emulator } from '../../scripts/emulator';
import type { ActionResult, PanelAction, PanelBoot, TicketView } from '../../src/jobs/panel/view';
import { rowsOf } from './desk';

/** The staff member a ticket is assigned to, with their ⚙ Staff email (the panel's signed-in person). */
export function staffEmail(emu: Emulator, name: string): string {
  const sheet = emu.spreadsheet.sheetNames().find((n) => n === '⚙ Staff' || n === '⚙ 人员') ?? '⚙ Staff';
  const member = rowsOf(emu, sheet).find((row) => Object.values(row)[0] === name);
  if (!member) throw new Error(`no staff member ${name}`);
  return String(Object.values(member)[1]);
}

export class PanelDriver {
  constructor(
    readonly emu: Emulator,
    readonly user: string,
  ) {}

  open(): PanelBoot {
    return this.emu.scriptRun('panelOpen', [], { user: this.user }) as PanelBoot;
  }

  ticket(
    id: string,
    row: number | null = null,
    select = false,
  ): { ticket: TicketView | null; notice: string } {
    return this.emu.scriptRun('panelTicket', [id, row, select], { user: this.user }) as {
      ticket: TicketView | null;
      notice: string;
    };
  }

  act(view: TicketView, action: PanelAction): ActionResult {
    return this.emu.scriptRun('panelAct', [{ id: view.id, row: view.row, version: view.version, action }], {
      user: this.user,
    }) as ActionResult;
  }
}
