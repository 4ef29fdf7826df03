/**
 * Acknowledging and appealing audits (申诉, SPEC §8.1). The audited person answers the one appeal form
 * (pre-filled from the result mail): acknowledge, or appeal within N working days of the audit (⚙
 * General, on the business calendar) naming the items and why. An appeal gets a row in Audit appeals and
 * a reviewer who is not the auditor (the CS manager; the GM when the manager audited). The reviewer
 * decides in the sheet — Decision accept / partly (with "Item: points" lines) / reject — and the edit
 * re-scores the audit with the version it was scored with: the Audits row shows the revised score,
 * History keeps both; a rejected or late appeal makes the audit final.
 */

import { parseNewScores, rescore, type Scorecard } from '../../core/audits';
import { addWorkingDays } from '../../core/calendar';
import { type MailSection, renderMail } from '../../core/mail-html';
import { formatLocalDateTime } from '../../core/sla';
import { sanitizeUserText } from '../../core/text';
import { appealFormSpec, readAppealAnswers } from '../../forms/audit';
import { registeredForm } from '../../forms/registry';
import { enumLabel, type MessageKey, t } from '../../i18n';
import { render } from '../../i18n/render';
import type { CellEdit, FormInfo, FormSubmission, StorePort } from '../../ports';
import {
  AUDIT_APPEALS,
  AUDIT_ITEMS,
  AUDITS,
  type AuditAppealRow,
  type AuditItemRow,
  type AuditRow,
} from '../../workbook/schemas';
import type { JobContext } from '../context';
import { appendHistory, type HistoryEntry } from '../history';
import { ensureLinkedForm } from '../linked-form';
import { enqueueMail, type Mail, spreadsheetLink, staffEmail } from '../mail';
import { type DeskSettings, loadSettings } from '../settings';
import { scorecardVersion } from './forms';

const FORM_KEY = 'form.auditAppeal';
/** Where the appeal form was kept before it joined the registry (adopted once by setup). */
const LEGACY_KEY = 'forms.auditAppeal';
const AUDIT_KEYS = [
  'auditId',
  'at',
  'staff',
  'auditor',
  'scorecard',
  'version',
  'finalPercent',
  'state',
] as const;
/** Items of one audit are appended together: they lie within this many rows of the first. */
const ITEMS_WINDOW = 200;
const TEXT_MAX = 2000;

export function appealForm(store: StorePort): FormInfo | null {
  return registeredForm(store, FORM_KEY);
}

/** Creates or updates the appeal form (in place, by item id). */
export function syncAppealForm(ctx: JobContext, settings: DeskSettings): FormInfo {
  const { store } = ctx.ports;
  const legacy = store.get(LEGACY_KEY);
  if (legacy && !appealForm(store)) store.set(FORM_KEY, legacy);
  if (legacy) store.delete(LEGACY_KEY);
  return ensureLinkedForm(ctx.ports, FORM_KEY, appealFormSpec(ctx.lang, settings.staff));
}

/** The last moment an audit made at `at` may be appealed. */
export function appealDue(settings: DeskSettings, at: Date): Date {
  return new Date(addWorkingDays(settings.calendar, at.getTime(), settings.general.qaAppealWorkingDays));
}

function sameName(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

/** The CS manager decides, unless they audited; then the GM (never the auditor). */
function reviewerFor(settings: DeskSettings, auditor: string): string {
  const active = settings.staff.filter((s) => s.active && !sameName(s.name, auditor));
  return (active.find((s) => s.role === 'manager') ?? active.find((s) => s.role === 'gm'))?.name ?? '';
}

function scoreText(value: number | ''): string {
  return value === '' ? '—' : `${value} %`;
}

export function handleAppealSubmission(
  ctx: JobContext,
  submission: FormSubmission,
  responseId: string,
): string {
  const { ports, lang } = ctx;
  const settings = loadSettings(ctx);
  const answers = readAppealAnswers(submission.namedValues);
  const items = sanitizeUserText(answers.items, TEXT_MAX).text;
  const reason = sanitizeUserText(answers.reason, TEXT_MAX).text;
  const outcome = ports.lock.withDocumentLock(settings.general.lockTimeoutSeconds * 1000, () => {
    const appeals = ctx.table<AuditAppealRow>(AUDIT_APPEALS);
    if (appeals.has('formResponseId', responseId)) return { kind: 'duplicate' as const };
    const audits = ctx.table<AuditRow>(AUDITS);
    const row = audits.rowOf('auditId', answers.auditId);
    const audit = row === null ? null : (audits.readRowsAt(row, 1, AUDIT_KEYS).rows[0]?.values ?? null);
    const now = ctx.now();
    const history: HistoryEntry[] = [];
    const setState = (state: AuditRow['state']) => {
      if (row === null || !audit || audit.state === state) return;
      audits.updateRows([{ row, values: { state } }]);
      history.push({
        actor: answers.staff,
        recordId: audit.auditId,
        field: t(lang, 'audits.history.state'),
        oldValue: audit.state === '' ? '' : enumLabel(lang, 'auditState', audit.state),
        newValue: state === '' ? '' : enumLabel(lang, 'auditState', state),
      });
    };
    if (answers.response === 'acknowledge') {
      if (
        audit &&
        sameName(audit.staff, answers.staff) &&
        (audit.state === 'scored' || audit.state === 'needsReview')
      )
        setState('acknowledged');
      appendHistory(ctx, 'form', history);
      ports.workbook.flush();
      return { kind: 'acknowledged' as const };
    }
    const notes: string[] = [];
    let decision: AuditAppealRow['decision'] = 'pending';
    const due = audit && audit.at instanceof Date ? appealDue(settings, audit.at) : null;
    if (!audit) notes.push(t(lang, 'audits.appeal.note.unknownAudit', { id: answers.auditId }));
    else if (!sameName(audit.staff, answers.staff))
      notes.push(t(lang, 'audits.appeal.note.notTheirs', { id: audit.auditId, name: answers.staff }));
    else if (audit.state === 'locked' || audit.state === 'revised')
      notes.push(t(lang, 'audits.appeal.note.closed', { id: audit.auditId }));
    else if (due && now > due) {
      decision = 'expired';
      notes.push(
        t(lang, 'audits.appeal.note.late', {
          due: render(lang, formatLocalDateTime(settings.calendar, due.getTime())),
        }),
      );
      setState('locked');
    } else setState('appealed');
    if (items === '' && reason === '') notes.push(t(lang, 'audits.appeal.note.noReason'));
    const reviewer = audit ? reviewerFor(settings, audit.auditor) : '';
    // The reviewer's notice before the row that marks the response recorded (key appeal:<audit>:filed):
    // a kill in between redoes the response, whose enqueue is then a no-op.
    if (audit && decision === 'pending' && due)
      enqueueMail(
        ctx,
        filedMail(ctx, settings, { staff: answers.staff, items, reason }, audit, reviewer, due),
      );
    appeals.appendRecord({
      at: now,
      auditId: audit?.auditId ?? answers.auditId,
      staff: answers.staff,
      items,
      reason,
      due: due ?? '',
      reviewer,
      decision,
      newScores: '',
      decidedAt: decision === 'expired' ? now : '',
      finalBefore: audit?.finalPercent ?? '',
      finalAfter: '',
      note: notes.join('\n'),
      formResponseId: responseId,
    });
    appendHistory(ctx, 'form', history);
    ports.workbook.flush();
    return { kind: 'appealed' as const };
  });
  ctx.rememberHeaders();
  return outcome.kind;
}

/** The reviewer's notice of a new appeal, with its items and reason. */
function filedMail(
  ctx: JobContext,
  settings: DeskSettings,
  appeal: { staff: string; items: string; reason: string },
  audit: Pick<AuditRow, 'auditId' | 'finalPercent' | 'auditor'>,
  reviewer: string,
  due: Date,
): Mail[] {
  const { lang } = ctx;
  const to = staffEmail(settings.staff, reviewer);
  if (!to) return [];
  const subject = t(lang, 'audits.appeal.mail.subject', { id: audit.auditId });
  const body = t(lang, 'audits.appeal.mail.intro', {
    name: appeal.staff,
    id: audit.auditId,
    score: scoreText(audit.finalPercent),
    auditor: audit.auditor,
    due: render(lang, formatLocalDateTime(settings.calendar, due.getTime())),
  });
  return [
    auditNotice(ctx, `appeal:${audit.auditId}:filed`, [to], subject, [
      body,
      `${t(lang, 'col.auditAppeals.items')}: ${appeal.items}`,
      `${t(lang, 'col.auditAppeals.reason')}: ${appeal.reason}`,
    ]),
  ];
}

/** A short audit notice: first line the intro, the rest paragraphs, then any sections; a link to the sheet. */
export function auditNotice(
  ctx: JobContext,
  key: string,
  to: string[],
  subject: string,
  lines: string[],
  {
    reason = 'audits.appeal.mail.reason',
    sections = [],
  }: { reason?: MessageKey; sections?: MailSection[] } = {},
): Mail {
  const link = spreadsheetLink(ctx);
  const rendered = renderMail({
    title: subject,
    intro: lines[0] ?? '',
    sections: [{ paragraphs: lines.slice(1) }, ...sections],
    link: link ? { href: link, text: t(ctx.lang, 'notify.openSheet') } : undefined,
    footer: t(ctx.lang, 'notify.footer'),
  });
  return {
    keys: [key],
    to,
    subject,
    htmlBody: rendered.html,
    textBody: rendered.text,
    reason: t(ctx.lang, reason),
  };
}

const APPEAL_KEYS = [
  'auditId',
  'staff',
  'reviewer',
  'decision',
  'newScores',
  'decidedAt',
  'finalBefore',
  'finalAfter',
  'note',
] as const;

/** The reviewer set a Decision in Audit appeals: the audit is revised, or made final. */
export function handleAppealEdit(ctx: JobContext, edit: CellEdit): void {
  const { ports, lang } = ctx;
  const settings = loadSettings(ctx);
  ports.lock.withDocumentLock(settings.general.lockTimeoutSeconds * 1000, () => {
    const appeals = ctx.table<AuditAppealRow>(AUDIT_APPEALS);
    const rows = appeals.readRowsAt(edit.row, edit.numRows, APPEAL_KEYS).rows;
    const decided: Array<{
      appeal: Pick<AuditAppealRow, (typeof APPEAL_KEYS)[number]>;
      before: number | '';
      after: number | '';
    }> = [];
    for (const { row, values } of rows) {
      if (values.decidedAt instanceof Date) continue;
      const decision = values.decision;
      if (decision !== 'accept' && decision !== 'partly' && decision !== 'reject') continue;
      const audits = ctx.table<AuditRow>(AUDITS);
      const auditRow = audits.rowOf('auditId', values.auditId);
      if (auditRow === null) continue;
      const audit = audits.readRowsAt(auditRow, 1, AUDIT_KEYS).rows[0]?.values;
      if (!audit) continue;
      const actor = edit.user || values.reviewer;
      if (
        sameName(audit.auditor, values.reviewer) ||
        (edit.user !== '' && staffEmail(settings.staff, audit.auditor) === edit.user)
      ) {
        appeals.updateRows([{ row, values: { note: t(lang, 'audits.appeal.note.reviewerIsAuditor') } }]);
        continue;
      }
      const history: HistoryEntry[] = [];
      let after: number | '' = audit.finalPercent;
      const change: Partial<AuditRow> = {};
      const notes: string[] = [];
      if (decision === 'reject') change.state = 'locked';
      else {
        const scorecard: Scorecard | null = scorecardVersion(
          ports.store,
          audit.scorecard,
          Number(audit.version) || 0,
        );
        if (scorecard) {
          const points = itemPointsOf(ctx, audit.auditId, scorecard);
          const fresh = parseNewScores(values.newScores, scorecard);
          if (fresh.unread.length > 0)
            notes.push(t(lang, 'audits.appeal.note.unread', { lines: fresh.unread.join('; ') }));
          for (const [key, value] of fresh.points) points.set(key, value);
          const revised = rescore(scorecard, points, settings.general);
          after = revised.finalPercent ?? '';
          Object.assign(change, {
            rawPercent: revised.rawPercent ?? '',
            finalPercent: after,
            criticalFail: revised.result.criticalFail,
            grade: revised.grade,
          });
        }
        change.state = 'revised';
      }
      audits.updateRows([{ row: auditRow, values: change }]);
      if (after !== audit.finalPercent)
        history.push({
          actor,
          recordId: audit.auditId,
          field: t(lang, 'audits.history.final'),
          oldValue: String(audit.finalPercent),
          newValue: String(after),
        });
      history.push({
        actor,
        recordId: audit.auditId,
        field: t(lang, 'audits.history.state'),
        oldValue: audit.state === '' ? '' : enumLabel(lang, 'auditState', audit.state),
        newValue: enumLabel(lang, 'auditState', change.state ?? 'revised'),
      });
      appeals.updateRows([
        {
          row,
          values: {
            decidedAt: ctx.now(),
            finalBefore: audit.finalPercent,
            finalAfter: after,
            note: notes.join('\n'),
          },
        },
      ]);
      appendHistory(ctx, 'edit', history);
      decided.push({ appeal: values, before: audit.finalPercent, after });
    }
    ports.workbook.flush();
    // The decisions mailed in the step that records them.
    enqueueMail(ctx, decisionMails(ctx, settings, decided));
  });
  ctx.rememberHeaders();
}

/** The decision mails to the people whose appeals were decided (key appeal:<audit>:decided). */
function decisionMails(
  ctx: JobContext,
  settings: DeskSettings,
  results: ReadonlyArray<{
    appeal: Pick<AuditAppealRow, 'auditId' | 'staff' | 'decision' | 'reviewer'>;
    before: number | '';
    after: number | '';
  }>,
): Mail[] {
  const { lang } = ctx;
  const mails: Mail[] = [];
  for (const { appeal, before, after } of results) {
    const to = staffEmail(settings.staff, appeal.staff);
    if (!to || appeal.decision === '') continue;
    const decision = enumLabel(lang, 'appealDecision', appeal.decision);
    mails.push(
      auditNotice(
        ctx,
        `appeal:${appeal.auditId}:decided`,
        [to],
        t(lang, 'audits.appeal.mail.decidedSubject', { id: appeal.auditId, decision }),
        [
          t(lang, 'audits.appeal.mail.decided', {
            id: appeal.auditId,
            reviewer: appeal.reviewer,
            decision,
            before: scoreText(before),
            after: scoreText(after),
          }),
        ],
      ),
    );
  }
  return mails;
}

/** The points each item of an audit earned, from its Audit items rows (one search, one bounded read). */
function itemPointsOf(ctx: JobContext, auditId: string, scorecard: Scorecard): Map<string, number | null> {
  const items = ctx.table<AuditItemRow>(AUDIT_ITEMS);
  const points = new Map<string, number | null>();
  const first = items.rowOf('auditId', auditId);
  if (first === null) return points;
  const rows = items.readRowsAt(first, ITEMS_WINDOW, ['auditId', 'section', 'item', 'points', 'na']).rows;
  for (const { values } of rows) {
    if (values.auditId !== auditId) continue;
    const item = scorecard.items.find((i) => i.section === values.section && i.text === values.item);
    if (!item) continue;
    if (values.na === true) points.set(item.key, null);
    else if (typeof values.points === 'number') points.set(item.key, values.points);
  }
  return points;
}
