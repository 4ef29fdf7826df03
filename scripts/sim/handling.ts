/**
 * Staff working the ticket list: a few times a day they open the Tickets sheet and move tickets on by
 * editing cells, as people do — assign what routing left unassigned, pick up, transfer, wait on the
 * customer, type the resolution and then set Resolved, close what the callback rules allow. Every other
 * member of staff does the same in the ticket panel instead (./panel.ts): Done now for the stages they
 * record, the status with its text in one action, and My queue each working morning. Each ticket gets a
 * plan when first seen: most are handled in time, some late, a few forgotten.
 */
import type { TicketStatus } from '../../src/core/enums';
import { type MessageKey, t } from '../../src/i18n';
import type { TicketRow } from '../../src/workbook/schemas';
import type { TicketSheet, TicketView } from './desk-view';
import { PanelUse } from './panel';
import { cancelReason, resolution, waitingNote } from './stories';
import { emailOf, type SimEvent, type World } from './world';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Local times (minutes) at which staff go through the list on a working day. */
const WORKING_ROUNDS = [9 * 60 + 30, 11 * 60 + 15, 14 * 60 + 10, 16 * 60 + 20, 17 * 60 + 40];
/** On a day off one person on duty answers the quick ones. */
const DUTY_ROUNDS = [10 * 60 + 30];
/** When the panel's users look at My queue on a working day. */
const QUEUE_MINUTE = 9 * 60 + 20;

interface Plan {
  /** When someone first acts on the ticket. */
  pickupAt: number;
  /** When the work is done; null = forgotten (stays open, breaches). */
  doneAt: number | null;
  cancel: boolean;
  /** Answered on the spot (inquiries, praise): New → Resolved directly. */
  onTheSpot: boolean;
  /** Handed to the department first (New → Transferred → In progress). */
  transfer: boolean;
  waitsForCustomer: boolean;
  waitUntil: number | null;
  /** Sets Resolved before typing the resolution once: the product refuses and notes why. */
  forgetsResolution: boolean;
}

export class Staff {
  private readonly plans = new Map<string, Plan>();
  private readonly nextByDepartment = new Map<string, number>();
  private readonly panel: PanelUse;

  constructor(private readonly world: World) {
    this.panel = new PanelUse(world);
  }

  rounds(dayNumber: number, working: boolean): SimEvent[] {
    const { zone } = this.world.calendar;
    const rounds = (working ? WORKING_ROUNDS : DUTY_ROUNDS).map((minute) => ({
      at: zone.toInstant(dayNumber, minute * 60_000),
      act: () => this.round(working),
    }));
    if (!working) return rounds;
    const queues = {
      at: zone.toInstant(dayNumber, QUEUE_MINUTE * 60_000),
      act: () => {
        for (const member of this.world.staff)
          if (this.panel.usedBy(member.name)) this.panel.openQueue(member.name);
      },
    };
    return [queues, ...rounds];
  }

  private round(working: boolean): void {
    const sheet = this.world.view.tickets();
    const now = this.world.emu.clock.ms();
    for (const ticket of sheet.tickets) {
      if (ticket.status === null || ticket.status === 'closed' || ticket.status === 'cancelled') continue;
      const plan = this.planFor(ticket);
      if (!working && !plan.onTheSpot) continue;
      this.work(sheet, ticket, plan, now);
    }
  }

  private planFor(ticket: TicketView): Plan {
    const existing = this.plans.get(ticket.id);
    if (existing) return existing;
    const { random } = this.world;
    const received = ticket.receivedAt?.getTime() ?? this.world.emu.clock.ms();
    const ackWindow = (ticket.ackDue?.getTime() ?? received + DAY) - received;
    const resolveWindow = (ticket.resolveDue?.getTime() ?? received + DAY) - received;
    const quick = ticket.type === 'praise' || (ticket.type === 'inquiry' && random.chance(0.6));
    const lateness = random.weighted<[number, number] | null>([
      [[0.1, 0.8], 70],
      [[0.8, 1], 18],
      [[1.05, 2.2], 10],
      [null, 2],
    ]);
    const plan: Plan = {
      pickupAt: received + ackWindow * random.between(0.02, 0.5),
      doneAt: lateness === null ? null : received + resolveWindow * random.between(lateness[0], lateness[1]),
      cancel: random.chance(0.02),
      onTheSpot: quick,
      transfer: ticket.type === 'complaint' && random.chance(0.7),
      waitsForCustomer: !quick && random.chance(0.12),
      waitUntil: null,
      forgetsResolution: random.chance(0.05),
    };
    this.plans.set(ticket.id, plan);
    return plan;
  }

  private work(sheet: TicketSheet, ticket: TicketView, plan: Plan, now: number): void {
    if (ticket.assignee === '' && ticket.status !== 'resolved') {
      this.assign(sheet, ticket);
      return;
    }
    if (now < plan.pickupAt) return;
    switch (ticket.status) {
      case 'new':
        if (plan.cancel) this.cancel(sheet, ticket);
        else if (plan.onTheSpot) this.resolve(sheet, ticket, plan);
        else if (plan.transfer) this.setStatus(sheet, ticket, 'transferred');
        else this.startWork(sheet, ticket);
        return;
      case 'transferred':
        this.startWork(sheet, ticket);
        return;
      case 'inProgress':
      case 'reopened':
        this.progress(sheet, ticket, plan, now);
        return;
      case 'waitingOnCustomer':
        if (plan.waitUntil !== null && now >= plan.waitUntil) this.setStatus(sheet, ticket, 'inProgress');
        return;
      case 'resolved':
        if (
          ticket.callbackState === 'done' ||
          ticket.callbackState === 'unreachable' ||
          ticket.callbackState === 'notRequired'
        ) {
          this.setStatus(sheet, ticket, 'closed');
        }
        return;
      default:
        return;
    }
  }

  private progress(sheet: TicketSheet, ticket: TicketView, plan: Plan, now: number): void {
    if (ticket.status === 'reopened') {
      // A reopened ticket gets another go within a day or two.
      plan.doneAt = now + this.world.random.between(0.5, 2) * DAY;
      this.setStatus(sheet, ticket, 'inProgress');
      return;
    }
    if (
      plan.waitsForCustomer &&
      plan.waitUntil === null &&
      plan.doneAt !== null &&
      now >= (plan.pickupAt + plan.doneAt) / 2
    ) {
      const waited = this.world.random.between(0.5, 3) * DAY;
      plan.waitUntil = now + waited;
      plan.doneAt += waited;
      this.setStatus(sheet, ticket, 'waitingOnCustomer');
      return;
    }
    if (plan.doneAt !== null && now >= plan.doneAt) this.resolve(sheet, ticket, plan);
  }

  /** A supervisor names someone of the department for a ticket routing could not assign (caps, leave). */
  private assign(sheet: TicketSheet, ticket: TicketView): void {
    const { staff } = this.world;
    const team = staff.filter((member) => member.department === ticket.department && member.role === 'staff');
    const supervisor = staff.find(
      (member) => member.department === ticket.department && member.role === 'supervisor',
    );
    const pool = team.length > 0 ? team : staff.filter((member) => member.role === 'staff');
    if (pool.length === 0) return;
    const next = this.nextByDepartment.get(ticket.department) ?? 0;
    this.nextByDepartment.set(ticket.department, next + 1);
    this.edit(sheet, ticket.row, 'assignee', pool[next % pool.length].name, supervisor?.email);
    this.world.activity.assignments++;
  }

  private startWork(sheet: TicketSheet, ticket: TicketView): void {
    if (this.panel.usedBy(ticket.assignee)) {
      if (ticket.ackDue && !ticket.ackAt)
        this.panel.act(ticket.assignee, ticket, { kind: 'stage', stage: 'ack' });
      this.setStatus(sheet, ticket, 'inProgress');
      return;
    }
    this.edit(
      sheet,
      ticket.row,
      'ackAt',
      new Date(this.world.emu.clock.ms()),
      emailOf(this.world, ticket.assignee),
    );
    this.setStatus(sheet, ticket, 'inProgress');
  }

  private resolve(sheet: TicketSheet, ticket: TicketView, plan: Plan): void {
    if (this.panel.usedBy(ticket.assignee)) {
      if (ticket.feedbackDue && !ticket.feedbackAt)
        this.panel.act(ticket.assignee, ticket, { kind: 'stage', stage: 'feedback' });
      // Forgetting the resolution: the panel refuses before writing anything; next round they type it.
      const text = plan.forgetsResolution
        ? ''
        : ticket.resolution || resolution(this.world.lang, ticket.type ?? 'inquiry', this.world.random);
      plan.forgetsResolution = false;
      this.panel.act(ticket.assignee, ticket, { kind: 'status', to: 'resolved', text });
      return;
    }
    const user = emailOf(this.world, ticket.assignee);
    if (ticket.resolution === '' && !plan.forgetsResolution) {
      this.edit(
        sheet,
        ticket.row,
        'resolution',
        resolution(this.world.lang, ticket.type ?? 'inquiry', this.world.random),
        user,
      );
    }
    // Forgetting once is enough: the refusal note tells them, and next round they type it first.
    plan.forgetsResolution = false;
    // The department's feedback is recorded when the work is done (the report counts only recorded stages).
    if (ticket.type === 'complaint' || ticket.type === 'repair' || ticket.type === 'suggestion') {
      this.edit(sheet, ticket.row, 'feedbackAt', new Date(this.world.emu.clock.ms()), user);
    }
    this.setStatus(sheet, ticket, 'resolved');
  }

  private cancel(sheet: TicketSheet, ticket: TicketView): void {
    if (this.panel.usedBy(ticket.assignee)) {
      const text = cancelReason(this.world.lang, this.world.random);
      this.panel.act(ticket.assignee, ticket, { kind: 'status', to: 'cancelled', text });
      return;
    }
    const user = emailOf(this.world, ticket.assignee);
    this.edit(sheet, ticket.row, 'resolution', cancelReason(this.world.lang, this.world.random), user);
    this.setStatus(sheet, ticket, 'cancelled');
  }

  private setStatus(sheet: TicketSheet, ticket: TicketView, status: TicketStatus): void {
    if (this.panel.usedBy(ticket.assignee)) {
      const text = status === 'waitingOnCustomer' ? waitingNote(this.world.lang, this.world.random) : '';
      this.panel.act(ticket.assignee, ticket, { kind: 'status', to: status, text });
      return;
    }
    const label = t(this.world.lang, `enum.status.${status}` as MessageKey);
    this.edit(sheet, ticket.row, 'status', label, emailOf(this.world, ticket.assignee));
    if (sheet.valueAt(ticket.row, 'status') !== label) this.world.activity.refusedEdits++;
  }

  private edit(
    sheet: TicketSheet,
    row: number,
    key: keyof TicketRow,
    value: unknown,
    user: string | undefined,
  ): void {
    this.world.emu.editCells(this.world.view.ticketsSheet, sheet.cellOf(row, key), [[value]], { user });
    this.world.activity.edits++;
  }
}
