/**
 * An inspection form response becomes one Inspections row and one Inspection items row per item
 * (SPEC §9). Under the document lock, in one step: skip a response already recorded, score it on the
 * rubric engine, number it IN-YYYY-NNNNN, open a rectification ticket per newly failed item (the intake
 * ticket writer), close the tickets of items a re-inspection passes, carry the fail streak and its
 * consequence, mark repeat findings, and keep the schedule's state. After the lock: the rectification
 * notice to the inspector and the owner.
 *
 * Nothing here reads the Inspections register or the Tickets sheet as a whole: the schedule's state
 * (./state.ts) says what the previous inspection left open, so a submission costs the same at 10 and at
 * 10,000 inspections.
 */
import { AppError } from '../../core/errors';
import {
  type AreaSetting,
  areaKey,
  type ChecklistTemplate,
  carryOver,
  evaluateInspection,
  type FaultHook,
  findTemplate,
  formatInspectionId,
  type InspectionEvaluation,
  type InspectionGrade,
  inspectionCounterKey,
  nextState,
  type OpenRectification,
  recheckDue,
} from '../../core/inspections';
import { nextCounter } from '../../core/tickets';
import { evidenceLinks, readInspectionAnswers } from '../../forms/inspection';
import { enumLabel, type Lang, t } from '../../i18n';
import type { FormSubmission } from '../../ports';
import {
  INSPECTION_ITEMS,
  INSPECTIONS,
  type InspectionItemRow,
  type InspectionRow,
} from '../../workbook/schemas';
import type { JobContext } from '../context';
import { appendHistory } from '../history';
import { enqueueMail } from '../mail';
import { inspectionFault } from '../merits/automatic';
import { writeNewTickets } from '../new-tickets';
import { loadSettings } from '../settings';
import { rectificationNotices } from './notice';
import { closeRectifications, rectificationTickets } from './rectification';
import { loadState, saveState } from './state';

export type InspectionOutcome =
  | {
      kind: 'recorded';
      id: string;
      passed: boolean;
      score: number | null;
      tickets: string[];
      closed: string[];
      streak: number;
      /** The fault the consequence stands for, waiting for the merits ledger (issue 16). */
      fault: FaultHook | null;
    }
  | { kind: 'duplicate'; responseId: string };

/** The template a form was made from no longer exists in ⚙ Checklists. */
export class UnknownTemplateError extends AppError {
  constructor(template: string) {
    super('inspections.error.unknownTemplate', { template }, `no template "${template}"`);
  }
}

export function gradeText(lang: Lang, grade: InspectionGrade): string {
  return grade.kind === 'band' ? grade.label : t(lang, `inspections.grade.${grade.kind}`);
}

function answerText(lang: Lang, evaluation: InspectionEvaluation, key: string): string {
  const outcome = evaluation.items.find((item) => item.item.key === key);
  const answer = outcome?.answer;
  if (!answer) return '';
  switch (answer.type) {
    case 'pass':
    case 'fail':
    case 'na':
      return enumLabel(lang, 'inspectionAnswer', answer.type);
    case 'score':
      return String(answer.points);
    case 'passRate':
      return `${answer.percent} %`;
  }
}

/** The fault the consequence stands for, for the points ledger of the merits issue (16). */
function faultHookOf(area: AreaSetting, streak: number, consequence: string, id: string): FaultHook | null {
  return consequence === '' ? null : { staff: area.owner, streak, consequence, inspectionId: id };
}

export function handleInspection(
  ctx: JobContext,
  submission: FormSubmission,
  responseId: string,
  templateName: string,
  actor: string,
): InspectionOutcome {
  const { ports, lang } = ctx;
  const settings = loadSettings(ctx);
  const template: ChecklistTemplate | null = findTemplate(settings.checklists, templateName);
  if (!template) throw new UnknownTemplateError(templateName);
  const form = readInspectionAnswers(template, submission.namedValues);
  const area =
    settings.areas.find(
      (candidate) =>
        areaKey(candidate.area) === areaKey(form.area) && candidate.templates.includes(template.name),
    ) ?? null;
  const areaName = area?.area ?? form.area;

  const outcome = ports.lock.withDocumentLock(settings.general.lockTimeoutSeconds * 1000, () => {
    const state = loadState(ports.store, areaName, template.name);
    if (state.recentResponses.includes(responseId)) return { kind: 'duplicate' as const, responseId };
    const inspections = ctx.table<InspectionRow>(INSPECTIONS);
    const items = ctx.table<InspectionItemRow>(INSPECTION_ITEMS);
    // Before anything is numbered or written (no Sheets call with the header maps cached).
    inspections.requireColumnsForAppend();
    items.requireColumnsForAppend();

    const now = ctx.now();
    const evaluation = evaluateInspection(template, form.answers);
    const zone = settings.calendar.zone;
    const year = Number(new Date(now.getTime() + zone.offsetAt(now.getTime())).toISOString().slice(0, 4));
    const counter = inspectionCounterKey(year);
    const n = nextCounter(ports.store.get(counter));
    ports.store.set(counter, String(n));
    const id = formatInspectionId(year, n);

    const reviews: string[] = [];
    if (!area) reviews.push(t(lang, 'inspections.review.unknownArea', { value: form.area }));
    const titleOf = (key: string) => template.items.find((item) => item.key === key)?.item ?? key;
    if (evaluation.unanswered.length > 0)
      reviews.push(
        t(lang, 'inspections.review.unanswered', { items: evaluation.unanswered.map(titleOf).join(', ') }),
      );
    const noNote = evaluation.failedItems.filter((item) => (form.notes[item.item.key] ?? '') === '');
    if (noNote.length > 0)
      reviews.push(
        t(lang, 'inspections.review.noteMissing', { items: noNote.map((item) => item.item.item).join(', ') }),
      );

    // An unknown area has no owner to put things right: recorded for review, no tickets, no streak.
    const carry = area ? carryOver(template, state, evaluation.items, evaluation.passed) : null;
    if (
      form.recheckOf !== '' &&
      carry &&
      form.recheckOf !== carry.recheckOf &&
      !state.open.some((o) => o.inspectionId === form.recheckOf)
    )
      reviews.push(t(lang, 'inspections.review.unknownRecheck', { value: form.recheckOf }));
    const repeats = new Set(carry?.repeats ?? []);

    const written =
      area && carry
        ? writeNewTickets(
            ctx,
            settings,
            rectificationTickets(ctx, settings, {
              inspectionId: id,
              area,
              inspector: form.inspector,
              at: now,
              failures: carry.newFailures,
              notes: form.notes,
              repeats,
            }),
            'form',
            actor,
          )
        : [];
    const opened: OpenRectification[] = (carry?.newFailures ?? []).map((failure, i) => ({
      itemKey: failure.item.key,
      ticketId: written[i].id,
      ticketRow: written[i].row,
      due: (written[i].record.resolveDue as Date).getTime(),
      inspectionId: id,
    }));
    const closing = carry ? closeRectifications(ctx, carry.closes, id, actor) : { closed: [], history: [] };
    const stillOpen = carry?.stillOpen ?? [];
    const open = [...stillOpen, ...opened];
    const due = recheckDue(open);
    const ticketOf = new Map(open.map((entry) => [entry.itemKey, entry.ticketId]));

    const streak = carry?.streak ?? 0;
    const consequence = carry?.consequence ?? '';
    // The consequence is the owner's fault in the merits ledger (SPEC §8.2); its Entry ID goes on the row.
    const fault = area ? faultHookOf(area, streak, consequence, id) : null;
    const faultEntry = fault ? inspectionFault(ctx, settings, fault, actor).join(', ') : '';
    const row: Partial<InspectionRow> = {
      id,
      at: now,
      template: template.name,
      version: template.version,
      area: areaName,
      inspector: form.inspector,
      owner: area?.owner ?? '',
      rawPercent: evaluation.rawPercent ?? '',
      scorePercent: evaluation.scorePercent ?? '',
      grade: gradeText(lang, evaluation.grade),
      failedItems: evaluation.failedItems.length,
      criticalFail: evaluation.criticalFail,
      result: evaluation.passed ? 'pass' : 'fail',
      recheckOf: carry?.recheckOf || form.recheckOf,
      failStreak: streak,
      rectificationDue: due === null ? '' : new Date(due),
      rectificationTickets: evaluation.failedItems
        .map((item) => ticketOf.get(item.item.key))
        .filter((ticket): ticket is string => ticket !== undefined)
        .join(', '),
      consequence,
      faultEntry,
      state: open.some((entry) => entry.inspectionId === id) ? 'awaitingRecheck' : 'closed',
      repeatFindings: [...repeats].map(titleOf).join(', '),
      needsReview: reviews.length > 0,
      reviewNote: reviews.join('\n'),
      formResponseId: responseId,
    };
    const { firstRow } = inspections.appendRecords([row]);
    items.appendRecords(
      evaluation.items.map((outcome) => {
        const note = form.notes[outcome.item.key] ?? form.unreadable[outcome.item.key] ?? '';
        return {
          inspectionId: id,
          section: outcome.item.section,
          item: outcome.item.item,
          weight: outcome.item.weight,
          answer: answerText(lang, evaluation, outcome.item.key) || (form.unreadable[outcome.item.key] ?? ''),
          score: outcome.earned === null ? '' : Math.round(outcome.earned * 1000) / 1000,
          passRate: outcome.percent ?? '',
          failed: outcome.failed,
          repeat: repeats.has(outcome.item.key),
          note,
          evidence: evidenceLinks(note).join(' '),
          ticketId: outcome.failed ? (ticketOf.get(outcome.item.key) ?? '') : '',
        };
      }),
    );

    // The inspections whose last open item this one closed are now re-inspected and put right.
    const settled = new Set(carry?.closes.map((entry) => entry.inspectionId) ?? []);
    for (const entry of open) settled.delete(entry.inspectionId);
    const settledRows: Array<{ row: number; values: Partial<InspectionRow> }> = [];
    for (const original of settled) {
      const hint = state.inspectionRows[original];
      if (hint === undefined) continue;
      const [hit] = inspections.readRowsAt(hint, 1, ['id']).rows;
      if (hit && hit.values.id === original)
        settledRows.push({ row: hit.row, values: { state: 'rechecked' } });
    }
    if (settledRows.length > 0) inspections.updateRows(settledRows);

    appendHistory(ctx, 'form', closing.history);
    const newState = nextState(
      id,
      now.getTime(),
      carry ?? {
        streak: 0,
        consequence: '',
        repeats: [],
        closes: [],
        stillOpen: [],
        newFailures: [],
        recheckOf: '',
      },
      evaluation.items,
      opened,
    );
    saveState(ports.store, areaName, template.name, {
      ...(area ? newState : state),
      recentResponses: [...state.recentResponses, responseId],
      recentAt: [...state.recentAt, now.getTime()],
      inspectionRows: { ...state.inspectionRows, ...(opened.length > 0 ? { [id]: firstRow } : {}) },
    });
    ports.workbook.flush();
    const lines = carry
      ? carry.newFailures.map((failure, i) => ({
          item: `${failure.item.section} / ${failure.item.item}`,
          note: form.notes[failure.item.key] ?? '',
          ticketId: written[i].id,
          due: written[i].record.resolveDue as Date,
          repeat: repeats.has(failure.item.key),
        }))
      : [];
    return {
      kind: 'recorded' as const,
      id,
      evaluation,
      streak,
      consequence,
      tickets: written.map((ticket) => ticket.id),
      closed: closing.closed,
      lines,
      due,
      fault,
    };
  });
  ctx.rememberHeaders();
  if (outcome.kind === 'duplicate') return outcome;
  if (area) {
    enqueueMail(
      ctx,
      rectificationNotices(ctx, settings, {
        inspectionId: outcome.id,
        template: template.name,
        area,
        inspector: form.inspector,
        scoreText: outcome.evaluation.scorePercent === null ? '—' : `${outcome.evaluation.scorePercent} %`,
        resultText: enumLabel(lang, 'inspectionResult', outcome.evaluation.passed ? 'pass' : 'fail'),
        consequence: outcome.consequence,
        lines: outcome.lines,
        recheckDue: outcome.due === null ? null : new Date(outcome.due),
      }),
    );
  }
  return {
    kind: 'recorded',
    id: outcome.id,
    passed: outcome.evaluation.passed,
    score: outcome.evaluation.scorePercent,
    tickets: outcome.tickets,
    closed: outcome.closed,
    streak: outcome.streak,
    fault: outcome.fault,
  };
}
