/**
 * The health check (menu "Check setup", SPEC §6, §13, §14): a dialog with the triggers and whose
 * authority they run with, authorization, the last run of each job, mail quota and Outbox, holiday-data
 * coverage of this and next year, missing sheets and columns, and bad ⚙ settings rows (sheet, row,
 * reason). Repair is the Set up / repair menu, which the dialog names. All text is escaped (renderMail).
 */

import { missingHolidayYears } from '../core/calendar';
import { yearOf } from '../core/calendar/civil';
import type { CellValue } from '../core/cells';
import { type MailSection, renderMail } from '../core/mail-html';
import { formatLocalDateTime } from '../core/sla';
import { TRIGGER_HANDLERS } from '../handlers';
import { type Lang, type MessageKey, t } from '../i18n';
import { render } from '../i18n/render';
import type { Ports, TriggerKind } from '../ports';
import { columnLabel } from '../workbook/schema';
import { SCHEMAS } from '../workbook/schemas';
import { JobContext } from './context';
import { spreadsheetLang } from './entry';
import { waitingResponses } from './inbox';
import { outboxSize } from './mail';
import { FAILURE_LOGGED_JOBS, LOGGED_JOBS, lastRuns } from './run-log';
import { type DeskSettings, loadSettings } from './settings';

const TRIGGER_KINDS: readonly TriggerKind[] = ['formSubmit', 'edit', 'hourly', 'change'];

function triggerSection(ctx: JobContext): MailSection {
  const { ports, lang } = ctx;
  const installed = ports.triggers.list();
  const paragraphs = TRIGGER_KINDS.map((kind) => {
    const label = t(lang, `health.trigger.kind.${kind}` as MessageKey);
    const ours = installed.find(
      (trigger) => trigger.kind === kind && trigger.handler === TRIGGER_HANDLERS[kind],
    );
    return ours
      ? t(lang, 'health.trigger.present', { kind: label, handler: ours.handler })
      : t(lang, 'health.trigger.missing', { kind: label });
  });
  const owner = ports.store.get('setup.owner');
  paragraphs.push(t(lang, 'health.owner', { owner: owner || t(lang, 'health.owner.unknown') }));
  return { heading: t(lang, 'health.section.triggers'), paragraphs };
}

function runsSection(ctx: JobContext, settings: DeskSettings): MailSection {
  const { lang } = ctx;
  const runs = lastRuns(ctx.ports.store);
  const shown = [...LOGGED_JOBS, ...FAILURE_LOGGED_JOBS.filter((job) => runs[job] !== undefined)];
  const rows = shown.map((job) => {
    const run = runs[job];
    const name = t(lang, `scheduler.job.${job}` as MessageKey);
    if (!run) return [name, t(lang, 'health.never'), '', ''];
    const detail =
      run.error !== ''
        ? run.error
        : [run.period, JSON.stringify(run.counts)].filter((part) => part !== '').join(' ');
    return [
      name,
      render(lang, formatLocalDateTime(settings.calendar, Date.parse(run.startedAt))),
      t(lang, `scheduler.result.${run.result}` as MessageKey),
      detail,
    ];
  });
  const columns = ['job', 'lastRun', 'result', 'detail'].map((key) =>
    t(lang, `health.col.${key}` as MessageKey),
  );
  return { heading: t(lang, 'health.section.runs'), table: { columns, rows } };
}

function calendarSection(ctx: JobContext, settings: DeskSettings): MailSection {
  const now = ctx.now().getTime();
  const year = yearOf(settings.calendar.zone.toLocal(now).dayNumber);
  const missing = new Set(missingHolidayYears(settings.calendar, now));
  const paragraphs = [year, year + 1].map((wanted) =>
    t(ctx.lang, missing.has(wanted) ? 'health.calendar.missing' : 'health.calendar.covered', {
      year: wanted,
    }),
  );
  return { heading: t(ctx.lang, 'health.section.calendar'), paragraphs };
}

/** Every register and ⚙ sheet: missing sheets, and each missing required column by name (SPEC §3). */
function columnsSection(ctx: JobContext): MailSection {
  const { lang } = ctx;
  const problems: string[] = [];
  for (const schema of Object.values(SCHEMAS)) {
    const sheet = t(lang, schema.title);
    if (!ctx.findSheet(schema)) {
      problems.push(t(lang, 'health.columns.sheet', { sheet }));
      continue;
    }
    const map = ctx.table<Record<string, CellValue>>(schema).headerMap();
    for (const column of schema.columns) {
      if (column.required && map.columns[column.key] === undefined) {
        problems.push(t(lang, 'health.columns.column', { sheet, column: columnLabel(column, lang) }));
      }
    }
  }
  return {
    heading: t(lang, 'health.section.columns'),
    paragraphs: problems.length > 0 ? problems : [t(lang, 'health.columns.none')],
  };
}

function settingsSection(ctx: JobContext, settings: DeskSettings): MailSection {
  const { lang } = ctx;
  const heading = t(lang, 'health.section.settings');
  if (settings.issues.length === 0) return { heading, paragraphs: [t(lang, 'health.settings.none')] };
  const columns = ['sheet', 'row', 'reason'].map((key) => t(lang, `health.col.${key}` as MessageKey));
  return {
    heading,
    table: { columns, rows: settings.issues.map((issue) => [issue.sheet, String(issue.row), issue.reason]) },
  };
}

/** Shown rows of the waiting responses (the count says how many in all). */
const WAITING_SHOWN = 50;

function formLabel(lang: Lang, form: string): string {
  const inspection = /^form\.inspection\.(.+)$/.exec(form);
  if (inspection) return t(lang, 'health.inbox.form.inspection', { template: inspection[1] });
  if (form === 'audit.appeal') return t(lang, 'health.inbox.form.appeal');
  const audit = /^audit\.(.+)\.v\d+$/.exec(form);
  if (audit) return t(lang, 'health.inbox.form.audit', { scorecard: audit[1] });
  return t(lang, `health.inbox.${form}` as MessageKey);
}

/** Form responses without their record yet, with the reason per row (SPEC §14 inbox). */
function inboxSection(ctx: JobContext): MailSection {
  const { lang } = ctx;
  const heading = t(lang, 'health.section.inbox');
  const waiting = waitingResponses(ctx);
  if (waiting.length === 0) return { heading, paragraphs: [t(lang, 'health.inbox.none')] };
  const columns = ['form', 'row', 'attempts', 'reason'].map((key) =>
    t(lang, `health.inbox.col.${key}` as MessageKey),
  );
  const rows = waiting
    .slice(0, WAITING_SHOWN)
    .map((response) => [
      formLabel(lang, response.form),
      String(response.row),
      String(response.attempts),
      response.reason === '' ? t(lang, 'health.inbox.notRun') : response.reason,
    ]);
  return {
    heading,
    paragraphs: [t(lang, 'health.inbox.waiting', { count: waiting.length })],
    table: { columns, rows },
  };
}

/** Google's limit for one spreadsheet (Google Workspace Updates, 2022-03-14: "Google Sheets doubles cell limit"). */
const CELL_LIMIT = 10_000_000;

/** Digits in groups of three (10,000,000): the same in both languages. */
function grouped(n: number): string {
  return String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** Cells used of Google's 10,000,000, with a warning from ⚙ General's percentage (SPEC §17). */
function capacitySection(ctx: JobContext, settings: DeskSettings): MailSection {
  const { lang } = ctx;
  const used = ctx.ports.workbook.cellCount();
  const percent = Math.floor((used * 100) / CELL_LIMIT);
  const warn = settings.general.capacityWarnPercent;
  const paragraphs = [
    t(lang, 'health.capacity.used', { used: grouped(used), limit: grouped(CELL_LIMIT), percent }),
  ];
  if (percent >= warn) paragraphs.push(t(lang, 'health.capacity.warning', { percent, warn }));
  return { heading: t(lang, 'health.section.capacity'), paragraphs };
}

export function healthReport(ports: Ports): { title: string; html: string } {
  const ctx = new JobContext(ports, spreadsheetLang(ports));
  const { lang } = ctx;
  const settings = loadSettings(ctx);
  const sections: MailSection[] = [
    triggerSection(ctx),
    {
      heading: t(lang, 'health.section.authorization'),
      paragraphs: [
        t(lang, ports.triggers.authorizationRequired() ? 'health.auth.required' : 'health.auth.ok'),
      ],
    },
    runsSection(ctx, settings),
    inboxSection(ctx),
    capacitySection(ctx, settings),
    {
      heading: t(lang, 'health.section.mail'),
      paragraphs: [
        t(lang, 'health.mail.quota', { quota: ports.mail.remainingDailyQuota() }),
        t(lang, 'health.mail.outbox', { count: outboxSize(ctx) }),
      ],
    },
    calendarSection(ctx, settings),
    columnsSection(ctx),
    settingsSection(ctx, settings),
  ];
  const title = t(lang, 'health.title');
  const rendered = renderMail({
    title,
    intro: t(lang, 'health.intro', {
      at: render(lang, formatLocalDateTime(settings.calendar, ctx.now().getTime())),
    }),
    sections,
    footer: t(lang, 'health.repair'),
  });
  return { title, html: rendered.html };
}

export function showHealthCheck(ports: Ports): void {
  const report = healthReport(ports);
  ports.ui.showHtml(report.title, report.html);
}
