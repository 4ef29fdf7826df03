/**
 * The ticket panel (issue 19): a sidebar for working one ticket and the signed-in person's queue. The
 * sidebar (src/ui/panel, built into dist/Panel.html) calls these through google.script.run; each call
 * is one execution, entered through src/index.ts.
 */
import { SATISFACTION_SCALE } from '../../core/callbacks';
import { ENUMS } from '../../core/enums';
import { satisfactionLabel } from '../../forms/callback';
import { CATALOGS, enumLabel, LANGS, t } from '../../i18n';
import type { Ports } from '../../ports';
import { TICKETS } from '../../workbook/schemas';
import { JobContext } from '../context';
import { spreadsheetLang } from '../entry';
import { type DeskSettings, loadSettings } from '../settings';
import { applyAction } from './actions';
import { myQueue } from './queue';
import {
  explanationsOf,
  type FoundTicket,
  findTicket,
  historyOf,
  normalizeId,
  ticketAtRow,
  ticketView,
} from './read';
import { type RememberedTicket, recall, remember } from './recall';
import type { ActionRequest, ActionResult, PanelBoot, PanelOptions, QueueView, TicketView } from './view';

/** The project HTML file of the sidebar (scripts/build.mjs writes dist/Panel.html). */
export const PANEL_FILE = 'Panel';

function contextOf(ports: Ports): JobContext {
  return new JobContext(ports, spreadsheetLang(ports));
}

/** Menu "Open ticket panel". */
export function showPanel(ports: Ports): void {
  const lang = spreadsheetLang(ports);
  ports.ui.showSidebar(t(lang, 'panel.title'), PANEL_FILE);
}

function strings(ctx: JobContext): Record<string, string> {
  const catalog = CATALOGS[ctx.lang];
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(catalog)) if (key.startsWith('panel.')) out[key] = value;
  return out;
}

function options(ctx: JobContext, settings: DeskSettings): PanelOptions {
  const { lang } = ctx;
  const departments = [
    ...new Set([...settings.categories.map((c) => c.department), ...settings.staff.map((s) => s.department)]),
  ]
    .filter((name) => name !== '')
    .sort((a, b) => a.localeCompare(b));
  return {
    departments,
    staff: settings.staff
      .filter((member) => member.active)
      .map((member) => ({
        name: member.name,
        department: member.department,
        onLeave: member.onLeave,
        note: member.onLeave
          ? t(lang, 'panel.staff.onLeave')
          : member.dailyCap !== null || member.weeklyCap !== null
            ? t(lang, 'panel.staff.caps', {
                daily: member.dailyCap ?? '—',
                weekly: member.weeklyCap ?? '—',
              })
            : '',
      })),
    methods: ENUMS.callbackMethod.map((code) => ({ code, label: enumLabel(lang, 'callbackMethod', code) })),
    satisfaction: SATISFACTION_SCALE.map((value) => ({ value, label: satisfactionLabel(lang, value) })),
    yesNo: ENUMS.yesNo.map((code) => ({ code, label: enumLabel(lang, 'yesNo', code) })),
  };
}

/**
 * The view of the ticket found, with its timeline and deadline explanations, read from what the panel
 * remembers of it where that still holds (./recall); what was read is remembered for the next read.
 */
function view(
  ctx: JobContext,
  settings: DeskSettings,
  found: FoundTicket | null,
  remembered: RememberedTicket | null = null,
): TicketView | null {
  if (!found) return null;
  const id = normalizeId(found.values.id);
  const known = remembered && remembered.id === id ? remembered : recall(ctx.ports.cache, id);
  const history = historyOf(ctx, found.values.id, known);
  const explanations = explanationsOf(ctx, settings, found, known?.notes);
  remember(
    ctx.ports.cache,
    {
      id,
      row: found.row,
      through: history.through,
      tail: history.tail,
      total: history.older + history.rows.length,
      history: history.rows,
      ...(explanations.read ? { notes: explanations.read } : {}),
    },
    known,
  );
  return ticketView(ctx, settings, found, history, explanations.text);
}

/** Whether the user's selection is a row of the Tickets sheet: its row, else null. */
function selectedTicketRow(ctx: JobContext): number | null {
  const selection = ctx.ports.workbook.selection();
  if (!selection) return null;
  const isTickets = LANGS.some((lang) => t(lang, TICKETS.title) === selection.sheetName);
  return isTickets && selection.row >= 2 ? selection.row : null;
}

/** What the sidebar asks for when it opens: its texts, lists, the queue and the selected ticket. */
export function openPanel(ports: Ports): PanelBoot {
  const ctx = contextOf(ports);
  const settings = loadSettings(ctx);
  const row = selectedTicketRow(ctx);
  const ticket = row === null ? null : view(ctx, settings, ticketAtRow(ctx, row));
  const boot: PanelBoot = {
    lang: ctx.lang,
    strings: strings(ctx),
    options: options(ctx, settings),
    queue: myQueue(ctx, settings),
    ticket,
    notice: ticket ? '' : t(ctx.lang, 'panel.notice.noSelection'),
  };
  ctx.rememberHeaders();
  return boot;
}

/** "Open the selected row". */
export function selectedTicket(ports: Ports): { ticket: TicketView | null; notice: string } {
  const ctx = contextOf(ports);
  const settings = loadSettings(ctx);
  const row = selectedTicketRow(ctx);
  const ticket = row === null ? null : view(ctx, settings, ticketAtRow(ctx, row));
  ctx.rememberHeaders();
  return { ticket, notice: ticket ? '' : t(ctx.lang, 'panel.notice.noSelection') };
}

/** One ticket by ID (the row it was last seen in is tried first); `select` also selects its row. */
export function loadTicket(
  ports: Ports,
  id: string,
  rowHint: number | null,
  select: boolean,
): { ticket: TicketView | null; notice: string } {
  const ctx = contextOf(ports);
  const settings = loadSettings(ctx);
  const remembered = recall(ctx.ports.cache, normalizeId(String(id ?? '')));
  const found = findTicket(ctx, String(id ?? ''), rowHint ?? undefined, remembered?.row);
  if (found && select) {
    const width = ctx.table(TICKETS).knownHeaderMap()?.headers.length ?? 1;
    ctx.findSheet(TICKETS)?.select(found.row, 1, 1, Math.max(1, width));
  }
  const ticket = view(ctx, settings, found, remembered);
  ctx.rememberHeaders();
  return { ticket, notice: ticket ? '' : t(ctx.lang, 'panel.error.notFound', { id: String(id ?? '') }) };
}

export function loadQueue(ports: Ports): QueueView {
  const ctx = contextOf(ports);
  const queue = myQueue(ctx, loadSettings(ctx));
  ctx.rememberHeaders();
  return queue;
}

export function actOnTicket(ports: Ports, request: ActionRequest): ActionResult {
  return applyAction(contextOf(ports), request);
}
