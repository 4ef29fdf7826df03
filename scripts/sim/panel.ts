/**
 * Staff who work their tickets in the ticket panel (the sidebar) instead of typing into cells: each
 * action is what the sidebar sends through google.script.run — the ticket read (panelTicket), then the
 * action with the version it showed (panelAct) — and once a working day they open My queue.
 */
import type { ActionResult, PanelAction, TicketView } from '../../src/jobs/panel/view';
import type { World } from './world';

export class PanelUse {
  constructor(private readonly world: World) {}

  /**
   * Whether this person works in the panel: every other member of staff in ⚙ Staff order, so each
   * department has people of both kinds.
   */
  usedBy(name: string): boolean {
    const staff = this.world.staff.filter((member) => member.role === 'staff');
    return staff.findIndex((member) => member.name === name) % 2 === 1;
  }

  /** Opens the ticket in its row and sends one action as `name`; false when the panel refused it. */
  act(name: string, ticket: { id: string; row: number }, action: PanelAction): boolean {
    const user = this.emailOf(name);
    if (!user) return false;
    const { emu, activity } = this.world;
    const read = emu.scriptRun('panelTicket', [ticket.id, ticket.row, false], { user }) as {
      ticket: TicketView | null;
    };
    if (!read.ticket) return false;
    const result = emu.scriptRun(
      'panelAct',
      [{ id: ticket.id, row: read.ticket.row, version: read.ticket.version, action }],
      { user },
    ) as ActionResult;
    activity.panelActions++;
    if (!result.ok) activity.panelRefused++;
    return result.ok;
  }

  /** `name` opens My queue (what needs them next). */
  openQueue(name: string): void {
    const user = this.emailOf(name);
    if (!user) return;
    this.world.emu.scriptRun('panelQueue', [], { user });
    this.world.activity.panelQueues++;
  }

  private emailOf(name: string): string | undefined {
    return this.world.staff.find((member) => member.name === name)?.email;
  }
}
