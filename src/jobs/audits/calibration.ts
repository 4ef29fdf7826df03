/**
 * Blind calibration (校准, SPEC §8.1). A supervisor selects an audit in the Audits sheet and picks
 * "Calibrate this audit": the CS manager (the benchmark) and up to N supervisors (⚙ General) are each
 * mailed a pre-filled link to the scorecard's own form for the same ticket. Their submissions are
 * recorded as calibration audits with the score sealed — the Audits row says Sealed and shows no score,
 * no items are written, nobody is mailed a result — until everyone has scored or the deadline (⚙ General
 * working days) passes. Then the session closes: each form response (the durable record) is read again
 * and scored, the Audits rows and Audit items get their scores, and the Calibration sheets show each
 * person's final %, alignment with the benchmark and strictness, and each item's spread
 * (core/audits/calibration.ts). Calibration audits never count in anyone's QA average.
 *
 * The session lives in one document property while open (who was asked, which audit each one made,
 * where its response row is); the hourly run costs no Sheets call until a session is due.
 */
import {
  type AuditAnswers,
  type AuditPlan,
  type CalibrationScore,
  calibrationCounterKey,
  planAudit,
  type Scorecard,
  summariseCalibration,
} from '../../core/audits';
import { addWorkingDays } from '../../core/calendar';
import { errorText } from '../../core/errors';
import type { MailSection } from '../../core/mail-html';
import { formatLocalDateTime } from '../../core/sla';
import { formatTicketId, nextCounter } from '../../core/tickets';
import { calibrationPrefill } from '../../forms/audit';
import { enumLabel, LANGS, t } from '../../i18n';
import { render } from '../../i18n/render';
import type { Ports, StorePort } from '../../ports';
import {
  AUDIT_ITEMS,
  AUDITS,
  type AuditItemRow,
  type AuditRow,
  CALIBRATION,
  CALIBRATION_ITEMS,
  type CalibrationItemRow,
  type CalibrationRow,
} from '../../workbook/schemas';
import { JobContext } from '../context';
import { spreadsheetLang } from '../entry';
import { readResponse } from '../inbox/responses';
import { enqueueMail, type Mail, staffEmail } from '../mail';
import { type DeskSettings, loadSettings } from '../settings';
import { auditItemRows, auditRules, readCleanAnswers } from './answers';
import { auditNotice } from './appeals';
import { type AuditFormEntry, auditForms, scorecardVersion } from './forms';

const OPEN_KEY = 'calibration.open';
const PREFIX = 'CAL';

interface Participant {
  name: string;
  role: 'benchmark' | 'calibrator';
  /** Their calibration audit, once they scored. */
  auditId: string;
  /** `sheetId:row` of their form response. */
  responseId: string;
}

interface Session {
  id: string;
  auditId: string;
  ticketId: string;
  staff: string;
  scorecard: string;
  version: number;
  openedAt: number;
  due: number;
  /** The Calibration row of the first participant; the others follow in order. */
  firstRow: number;
  participants: Participant[];
}

function sessionKey(id: string): string {
  return `calibration.session.${id}`;
}

function openSessions(store: StorePort): string[] {
  try {
    const parsed = JSON.parse(store.get(OPEN_KEY) ?? '[]') as unknown;
    return Array.isArray(parsed) ? parsed.filter((id): id is string => typeof id === 'string') : [];
  } catch {
    return [];
  }
}

function readSession(store: StorePort, id: string): Session | null {
  try {
    const parsed = JSON.parse(store.get(sessionKey(id)) ?? 'null') as Session | null;
    return parsed && typeof parsed.id === 'string' && Array.isArray(parsed.participants) ? parsed : null;
  } catch {
    return null;
  }
}

function writeSession(store: StorePort, session: Session): void {
  store.set(sessionKey(session.id), JSON.stringify(session));
}

function sameName(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

/**
 * The benchmark is the CS manager (the GM without one); the calibrators are active supervisors on duty,
 * those of the audited person's department first, never the person audited, nor the original auditor
 * (who cannot score blind what they scored already).
 */
function participantsFor(settings: DeskSettings, audit: Pick<AuditRow, 'staff' | 'auditor'>): Participant[] {
  const available = settings.staff.filter(
    (s) => s.active && !s.onLeave && !sameName(s.name, audit.staff) && s.email !== '',
  );
  const benchmark = available.find((s) => s.role === 'manager') ?? available.find((s) => s.role === 'gm');
  if (!benchmark) return [];
  const department = settings.staff.find((s) => sameName(s.name, audit.staff))?.department ?? '';
  const supervisors = available
    .filter((s) => s.role === 'supervisor' && !sameName(s.name, audit.auditor) && s !== benchmark)
    .sort((a, b) => Number(b.department === department) - Number(a.department === department));
  const calibrators = supervisors.slice(0, settings.general.qaCalibrationGraders);
  if (calibrators.length === 0) return [];
  const person = (name: string, role: Participant['role']): Participant => ({
    name,
    role,
    auditId: '',
    responseId: '',
  });
  return [person(benchmark.name, 'benchmark'), ...calibrators.map((s) => person(s.name, 'calibrator'))];
}

function when(settings: DeskSettings, lang: JobContext['lang'], ms: number): string {
  return render(lang, formatLocalDateTime(settings.calendar, ms));
}

function localYear(settings: DeskSettings, instant: number): number {
  return Number(new Date(instant + settings.calendar.zone.offsetAt(instant)).toISOString().slice(0, 4));
}

/** The invitations of a new session: each calibrator's pre-filled link (key calibration:<session>:invite). */
function invitations(
  ctx: JobContext,
  settings: DeskSettings,
  session: Session,
  form: AuditFormEntry,
): Mail[] {
  const { ports, lang } = ctx;
  const due = when(settings, lang, session.due);
  return session.participants.flatMap((p): Mail[] => {
    const to = staffEmail(settings.staff, p.name);
    if (!to) return [];
    const href = ports.forms.prefilledUrl(
      form.formId,
      calibrationPrefill(lang, session.staff, session.ticketId, p.name, session.id),
    );
    const ticket = session.ticketId || session.auditId;
    return [
      auditNotice(
        ctx,
        `calibration:${session.id}:invite`,
        [to],
        t(lang, 'calibration.mail.subject', { id: session.id, ticket, due }),
        [
          t(lang, 'calibration.mail.intro', {
            ticket,
            staff: session.staff,
            scorecard: session.scorecard,
            due,
          }),
        ],
        {
          reason: 'calibration.mail.reason',
          sections: [
            {
              table: {
                columns: [t(lang, 'col.calibration.ticketId'), t(lang, 'col.calibration.due'), ''],
                rows: [[ticket, due, { text: t(lang, 'calibration.mail.link'), href }]],
              },
            },
          ],
        },
      ),
    ];
  });
}

const AUDIT_KEYS = ['auditId', 'staff', 'auditor', 'scorecard', 'ticketId', 'kind'] as const;

type Started =
  | { kind: 'refused'; message: string }
  | { kind: 'started'; session: Session; form: AuditFormEntry };

/** The menu action "Calibrate this audit", on the selected row of the Audits sheet. */
export function startCalibration(ports: Ports): void {
  const ctx = new JobContext(ports, spreadsheetLang(ports));
  const { lang } = ctx;
  const settings = loadSettings(ctx);
  const selection = ports.workbook.selection();
  const onAudits =
    selection !== null && selection.row >= 2 && LANGS.some((l) => t(l, AUDITS.title) === selection.sheetName);
  const started: Started = !onAudits
    ? { kind: 'refused', message: t(lang, 'calibration.menu.selectAudit') }
    : ports.lock.withDocumentLock(settings.general.lockTimeoutSeconds * 1000, (): Started => {
        const audits = ctx.table<AuditRow>(AUDITS);
        const audit = audits.readRowsAt(selection.row, 1, AUDIT_KEYS).rows[0]?.values;
        if (!audit || audit.auditId === '')
          return { kind: 'refused', message: t(lang, 'calibration.menu.selectAudit') };
        if (audit.kind === 'calibration')
          return { kind: 'refused', message: t(lang, 'calibration.menu.ofCalibration') };
        const form = auditForms(ports.store).find((f) => f.scorecard === audit.scorecard);
        if (!form)
          return {
            kind: 'refused',
            message: t(lang, 'calibration.menu.noForm', { scorecard: audit.scorecard }),
          };
        const participants = participantsFor(settings, audit);
        if (participants.length === 0)
          return { kind: 'refused', message: t(lang, 'calibration.menu.noPeople') };
        const now = ctx.now().getTime();
        const year = localYear(settings, now);
        const n = nextCounter(ports.store.get(calibrationCounterKey(year)));
        ports.store.set(calibrationCounterKey(year), String(n));
        const due = addWorkingDays(settings.calendar, now, settings.general.qaCalibrationWorkingDays);
        const id = formatTicketId(PREFIX, year, n);
        const { firstRow } = ctx.table<CalibrationRow>(CALIBRATION).appendRecords(
          participants.map((p) => ({
            session: id,
            auditId: audit.auditId,
            ticketId: audit.ticketId,
            staff: audit.staff,
            scorecard: audit.scorecard,
            version: form.version,
            openedAt: new Date(now),
            due: new Date(due),
            calibrator: p.name,
            role: p.role,
            state: 'invited' as const,
            calibrationAudit: '',
            finalPercent: '' as const,
            alignment: '' as const,
            strictness: '' as const,
            note: '',
          })),
        );
        const session: Session = {
          id,
          auditId: audit.auditId,
          ticketId: audit.ticketId,
          staff: audit.staff,
          scorecard: audit.scorecard,
          version: form.version,
          openedAt: now,
          due,
          firstRow,
          participants,
        };
        writeSession(ports.store, session);
        ports.store.set(OPEN_KEY, JSON.stringify([...openSessions(ports.store), id]));
        ports.workbook.flush();
        // The invitations in the session's locked step: a session never exists without them.
        enqueueMail(ctx, invitations(ctx, settings, session, form));
        return { kind: 'started', session, form };
      });
  ctx.rememberHeaders();
  if (started.kind === 'refused') {
    ports.ui.alert(t(lang, 'menu.title'), started.message);
    return;
  }
  const { session } = started;
  const due = when(settings, lang, session.due);
  ports.ui.alert(
    t(lang, 'menu.title'),
    t(lang, 'calibration.menu.started', {
      id: session.id,
      audit: session.auditId,
      names: session.participants.map((p) => p.name).join(', '),
      ticket: session.ticketId || session.auditId,
      due,
    }),
  );
}

/** What a submission naming a session means for its audit. */
export type CalibrationCheck =
  | { kind: 'sealed'; session: Session; index: number }
  | {
      kind: 'aside';
      review: {
        key:
          | 'audits.review.calibrationUnknown'
          | 'audits.review.calibrationNotInvited'
          | 'audits.review.calibrationTwice';
        params: Record<string, string>;
      };
    };

/** Whether `auditor` may score session `id` now (called under the document lock). */
export function checkCalibration(
  store: StorePort,
  id: string,
  auditor: string,
  responseId: string,
): CalibrationCheck {
  const session = openSessions(store).includes(id) ? readSession(store, id) : null;
  if (!session) return { kind: 'aside', review: { key: 'audits.review.calibrationUnknown', params: { id } } };
  const index = session.participants.findIndex((p) => sameName(p.name, auditor));
  if (index < 0)
    return {
      kind: 'aside',
      review: { key: 'audits.review.calibrationNotInvited', params: { id, name: auditor } },
    };
  const done = session.participants[index];
  // The same response again (a retry) is the same score; another response is a second score.
  if (done.responseId !== '' && done.responseId !== responseId)
    return {
      kind: 'aside',
      review: { key: 'audits.review.calibrationTwice', params: { id, name: auditor } },
    };
  return { kind: 'sealed', session, index };
}

/**
 * Records a sealed calibration score in its session (under the document lock, after the Audits row was
 * appended); closes the session when everyone has scored. Returns the mails of a close.
 */
export function recordCalibrationScore(
  ctx: JobContext,
  settings: DeskSettings,
  check: Extract<CalibrationCheck, { kind: 'sealed' }>,
  auditId: string,
  responseId: string,
): Mail[] {
  const { session, index } = check;
  const participants = session.participants.map((p, i) => (i === index ? { ...p, auditId, responseId } : p));
  const updated = { ...session, participants };
  writeSession(ctx.ports.store, updated);
  const row = calibrationRowOf(ctx, updated, index);
  if (row !== null)
    ctx
      .table<CalibrationRow>(CALIBRATION)
      .updateRows([{ row, values: { state: 'submitted', calibrationAudit: auditId } }]);
  if (participants.every((p) => p.auditId !== '')) return closeSession(ctx, settings, updated);
  return [];
}

/** The Calibration row of a participant: where the session put it, checked; else searched for. */
function calibrationRowOf(ctx: JobContext, session: Session, index: number): number | null {
  const rows = sessionRows(ctx, session);
  return rows[index] ?? null;
}

/** The Calibration rows of a session by participant index (checked by session and name). */
function sessionRows(ctx: JobContext, session: Session): Array<number | null> {
  const table = ctx.table<CalibrationRow>(CALIBRATION);
  const count = session.participants.length;
  const block = table.readRowsAt(session.firstRow, count, ['session', 'calibrator']).rows;
  const found = session.participants.map((p) => {
    const hit = block.find((r) => r.values.session === session.id && sameName(r.values.calibrator, p.name));
    return hit ? hit.row : null;
  });
  if (found.every((row) => row !== null)) return found;
  // Rows moved (sorted by hand): find the session's rows by its ID.
  const first = table.rowOf('session', session.id);
  if (first === null) return found;
  const moved = table.readRowsAt(first, count, ['session', 'calibrator']).rows;
  return session.participants.map(
    (p) =>
      moved.find((r) => r.values.session === session.id && sameName(r.values.calibrator, p.name))?.row ??
      null,
  );
}

interface ScoredParticipant {
  participant: Participant;
  plan: AuditPlan | null;
  answers: AuditAnswers | null;
  problem: string;
}

/** Reads each participant's response again and scores it with the session's scorecard version. */
function scoreParticipants(
  ctx: JobContext,
  settings: DeskSettings,
  session: Session,
  scorecard: Scorecard,
): ScoredParticipant[] {
  const form = auditForms(ctx.ports.store).find((f) => f.scorecard === session.scorecard);
  return session.participants.map((participant): ScoredParticipant => {
    if (participant.responseId === '') return { participant, plan: null, answers: null, problem: '' };
    try {
      const [sheetId, row] = participant.responseId.split(':').map(Number);
      const submission =
        form && form.responseSheetId === sheetId
          ? readResponse(ctx, { responseSheetId: sheetId, responseSheetName: form.responseSheetName }, row)
          : null;
      if (!submission) throw new Error(`response ${participant.responseId} not found`);
      const answers = readCleanAnswers(settings, scorecard, submission.namedValues);
      const plan = planAudit(scorecard, answers, {
        staff: settings.staff,
        ticketFound: null,
        runBelowBefore: 0,
        rules: auditRules(settings),
      });
      return { participant, plan, answers, problem: '' };
    } catch (error) {
      ctx.ports.log.error(`calibration ${session.id}: ${participant.name}'s answers`, error);
      return { participant, plan: null, answers: null, problem: errorText(error) };
    }
  });
}

/**
 * Closes a session (under the document lock): scores revealed on the Audits rows, their items written,
 * the Calibration rows and items filled in, the session forgotten. Returns the result mails.
 */
function closeSession(ctx: JobContext, settings: DeskSettings, session: Session): Mail[] {
  const { ports, lang } = ctx;
  const scorecard =
    scorecardVersion(ports.store, session.scorecard, session.version) ??
    settings.scorecards.find((card) => card.name === session.scorecard) ??
    null;
  const scored = scorecard ? scoreParticipants(ctx, settings, session, scorecard) : [];
  const scores: CalibrationScore[] = scored.flatMap(({ participant, plan }) =>
    plan
      ? [
          {
            name: participant.name,
            role: participant.role,
            finalPercent: plan.finalPercent,
            items: plan.result.items,
          },
        ]
      : [],
  );
  const summary = summariseCalibration(scorecard?.items ?? [], scores);

  const audits = ctx.table<AuditRow>(AUDITS);
  const itemRows: Array<Partial<AuditItemRow>> = [];
  for (const { participant, plan } of scored) {
    if (!plan || participant.auditId === '') continue;
    const row = audits.rowOf('auditId', participant.auditId);
    if (row !== null)
      audits.updateRows([
        {
          row,
          values: {
            rawPercent: plan.rawPercent ?? '',
            finalPercent: plan.finalPercent ?? '',
            criticalFail: plan.result.criticalFail,
            grade: plan.grade,
            state: 'locked',
          },
        },
      ]);
    itemRows.push(...auditItemRows(participant.auditId, plan));
  }
  if (itemRows.length > 0) ctx.table<AuditItemRow>(AUDIT_ITEMS).appendRecords(itemRows);

  const benchmarkScored = scores.some((s) => s.role === 'benchmark');
  const rows = sessionRows(ctx, session);
  const changes = scored.flatMap(({ participant, plan, problem }, i) => {
    const row = rows[i];
    if (row === null || row === undefined) return [];
    const result = summary.participants.find((p) => p.name === participant.name);
    const notes = [
      participant.auditId === '' ? t(lang, 'calibration.note.missed') : '',
      problem ? t(lang, 'calibration.note.unreadable', { reason: problem }) : '',
      participant.role === 'calibrator' && participant.auditId !== '' && !benchmarkScored
        ? t(lang, 'calibration.note.noBenchmark')
        : '',
    ].filter((n) => n !== '');
    return [
      {
        row,
        values: {
          state: participant.auditId === '' ? ('missed' as const) : ('closed' as const),
          finalPercent: plan?.finalPercent ?? ('' as const),
          alignment: result?.alignment ?? ('' as const),
          strictness: result?.strictness ?? ('' as const),
          note: notes.join('\n'),
        },
      },
    ];
  });
  ctx.table<CalibrationRow>(CALIBRATION).updateRows(changes);
  const itemResults: Array<Partial<CalibrationItemRow>> = summary.items.map((item) => ({
    session: session.id,
    section: item.item.section,
    item: item.item.text,
    max: item.item.max,
    benchmark: item.benchmark ?? '',
    lowest: item.lowest ?? '',
    highest: item.highest ?? '',
    spread: item.spread ?? '',
    alignment: item.alignment ?? '',
  }));
  if (itemResults.length > 0) ctx.table<CalibrationItemRow>(CALIBRATION_ITEMS).appendRecords(itemResults);
  ports.store.set(OPEN_KEY, JSON.stringify(openSessions(ports.store).filter((id) => id !== session.id)));
  ports.store.delete(sessionKey(session.id));
  ports.workbook.flush();
  return resultMails(ctx, settings, session, summary);
}

function percentText(value: number | null): string {
  return value === null ? '—' : `${value} %`;
}

function resultMails(
  ctx: JobContext,
  settings: DeskSettings,
  session: Session,
  summary: ReturnType<typeof summariseCalibration>,
): Mail[] {
  const { lang } = ctx;
  const to = session.participants.flatMap((p) => staffEmail(settings.staff, p.name) ?? []);
  if (to.length === 0) return [];
  const benchmark = session.participants.find((p) => p.role === 'benchmark')?.name ?? '';
  const table: MailSection = {
    table: {
      columns: [
        t(lang, 'col.calibration.calibrator'),
        t(lang, 'col.calibration.role'),
        t(lang, 'col.calibration.finalPercent'),
        t(lang, 'col.calibration.alignment'),
        t(lang, 'col.calibration.strictness'),
      ],
      rows: session.participants.map((p) => {
        const result = summary.participants.find((r) => r.name === p.name);
        return [
          p.name,
          enumLabel(lang, 'calibrationRole', p.role),
          result ? percentText(result.finalPercent) : t(lang, 'enum.calibrationState.missed'),
          result ? percentText(result.alignment) : '',
          result?.strictness === null || result?.strictness === undefined ? '' : String(result.strictness),
        ];
      }),
    },
  };
  const apart = summary.items
    .filter((item) => (item.spread ?? 0) > 0)
    .sort((a, b) => (b.spread ?? 0) / b.item.max - (a.spread ?? 0) / a.item.max)
    .slice(0, 3);
  const sections: MailSection[] = [table];
  if (apart.length > 0)
    sections.push({
      heading: t(lang, 'calibration.mail.lowest'),
      table: {
        columns: [
          t(lang, 'col.calibrationItems.item'),
          t(lang, 'col.calibrationItems.benchmark'),
          t(lang, 'col.calibrationItems.lowest'),
          t(lang, 'col.calibrationItems.highest'),
        ],
        rows: apart.map((item) => [
          `${item.item.section} — ${item.item.text}`,
          item.benchmark === null ? '' : String(item.benchmark),
          String(item.lowest ?? ''),
          String(item.highest ?? ''),
        ]),
      },
    });
  return [
    auditNotice(
      ctx,
      `calibration:${session.id}:closed`,
      to,
      t(lang, 'calibration.mail.closedSubject', { id: session.id }),
      [
        t(lang, 'calibration.mail.closed', {
          id: session.id,
          ticket: session.ticketId || session.auditId,
          benchmark,
          alignment: percentText(summary.alignment),
        }),
      ],
      { reason: 'calibration.mail.reason', sections },
    ),
  ];
}

/** The hourly run: sessions whose deadline passed close with the scores they have (no call until one is due). */
export function closeDueCalibrations(
  ctx: JobContext,
  settings: DeskSettings,
): { closed: number; mailed: number } | null {
  const { store } = ctx.ports;
  const now = ctx.now().getTime();
  const due = openSessions(store).filter((id) => (readSession(store, id)?.due ?? 0) <= now);
  if (due.length === 0) return null;
  const mails = ctx.ports.lock.withDocumentLock(settings.general.lockTimeoutSeconds * 1000, () =>
    due.flatMap((id) => {
      const session = readSession(store, id);
      if (!session) {
        store.set(OPEN_KEY, JSON.stringify(openSessions(store).filter((open) => open !== id)));
        return [];
      }
      // Each session's results mailed in the step that closes it (keys of the session).
      const closing = closeSession(ctx, settings, session);
      enqueueMail(ctx, closing);
      return closing;
    }),
  );
  ctx.rememberHeaders();
  return { closed: due.length, mailed: mails.length };
}
