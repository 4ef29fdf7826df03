/**
 * An inspection form response becomes one Inspections row and one Inspection items row per item
 * (SPEC §9). Under the document lock, in one step: skip a response already recorded, score it on the
 * rubric engine, number it IN-YYYY-NNNNN, open a rectification ticket per newly failed item (the intake
 * ticket writer), close the tickets of items a re-inspection passes, carry the fail streak and its
 * consequence into the merits ledger, mark repeat findings, enqueue the rectification notice to the
 * inspector and the owner, and keep the schedule's state.
 *
 * Nothing lost, nothing twice, if the execution is killed at any call (the crash-point test proves it):
 * a journal of the submission in flight per schedule (./state.ts `InFlight`, a document property),
 * written in this locked step before anything else is — the time, the inspection number, the ticket
 * number of each failed item (journaled before the counters move, so no number is skipped) and the
 * statuses the closes will overwrite. The next attempt at the same response (Google's duplicate fire,
 * or the inbox's hourly retry) decides everything again from the same inputs and writes only what is
 * missing: a step leaves a mark it can look for (a Tickets or Inspections row with its ID, items with
 * the inspection ID, a resolution naming this re-inspection, mail keys) or is marked in the journal
 * (History, the fault entry). The last write — the schedule's new state, with the response remembered
 * — is one property write, so the step is either finished or resumable; the journal is dropped after it. One
 * journal per schedule rather than per response: the next inspection of the same area depends on this
 * one's streak and open items, so it waits until this one is finished.
 *
 * Nothing here reads the Inspections register or the Tickets sheet as a whole: the schedule's state
 * says what the previous inspection left open, so a submission costs the same at 10 and at 10,000
 * inspections; the searches above are made only when resuming.
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
  HISTORY,
  type HistoryRow,
  INSPECTION_ITEMS,
  INSPECTIONS,
  type InspectionItemRow,
  type InspectionRow,
  TICKETS,
  type TicketRow,
} from '../../workbook/schemas';
import type { JobContext } from '../context';
import { appendHistory, type HistoryEntry } from '../history';
import { enqueueMail } from '../mail';
import { inspectionFault } from '../merits/automatic';
import { entriesWhere } from '../merits/ledger';
import { queuedEntryIds } from '../merits/queue';
import {
  appendTicketRows,
  createdHistory,
  peekTicketIds,
  prepareNewTickets,
  storeTicketCounters,
  writeTicketNotes,
} from '../new-tickets';
import { loadSettings } from '../settings';
import { publishedVersions } from './forms';
import { rectificationNotices } from './notice';
import { planCloses, rectificationTickets } from './rectification';
import { clearJournal, type InFlight, loadJournal, loadState, saveJournal, saveState } from './state';
import { answeredVersion, templateCopy } from './versions';

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

/**
 * An earlier submission for the same area and template was cut short and is not finished yet: this one
 * waits (the inbox retries it), since its streak, open items and tickets follow from the earlier one's.
 */
export class InspectionBusyError extends AppError {
  constructor(area: string, template: string) {
    super(
      'inspections.error.busy',
      { area, template },
      `an earlier inspection of ${area} / ${template} is unfinished`,
    );
  }
}

/**
 * Whether an attempt cut short already appended this submission's History: the first entry's record
 * (a ticket ID) with the same field and new value, logged since the submission started.
 */
function historyWritten(ctx: JobContext, entry: HistoryEntry, since: Date): boolean {
  const table = ctx.table<HistoryRow>(HISTORY);
  const rows = table.findRows(['recordId'], entry.recordId, { exact: true });
  return table
    .readRowList(rows, ['at', 'field', 'newValue'])
    .rows.some(
      ({ values }) =>
        values.field === entry.field &&
        values.newValue === entry.newValue &&
        values.at instanceof Date &&
        values.at.getTime() >= since.getTime(),
    );
}

/** The fault entries an attempt cut short already made for this inspection: queued, or appended since. */
function faultEntriesOf(ctx: JobContext, inspectionId: string): string[] {
  const queued = queuedEntryIds(ctx, inspectionId);
  if (queued.length > 0) return queued;
  return entriesWhere(ctx, 'evidence', inspectionId).map((entry) => entry.entryId);
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
  const current: ChecklistTemplate | null = findTemplate(settings.checklists, templateName);
  if (!current) throw new UnknownTemplateError(templateName);
  // The version the response answered (./versions.ts): the current one unless the checklist changed
  // after it was sent; a resumed attempt takes the one its journal names.
  let template = answeredVersion(
    ports.store,
    current,
    publishedVersions(ports, current.name),
    submission.namedValues,
    submission.submittedAt,
  );
  let form = readInspectionAnswers(template, submission.namedValues);
  const area =
    settings.areas.find(
      (candidate) =>
        areaKey(candidate.area) === areaKey(form.area) && candidate.templates.includes(template.name),
    ) ?? null;
  const areaName = area?.area ?? form.area;

  const outcome = ports.lock.withDocumentLock(settings.general.lockTimeoutSeconds * 1000, () => {
    const state = loadState(ports.store, areaName, template.name);
    let inFlight = loadJournal(ports.store, areaName, template.name);
    // A journal of a response the state remembers was left by a kill after the last step: stale.
    if (inFlight && state.recentResponses.includes(inFlight.responseId)) {
      clearJournal(ports.store, areaName, template.name);
      inFlight = null;
    }
    if (state.recentResponses.includes(responseId)) return { kind: 'duplicate' as const, responseId };
    // One submission per schedule at a time: the streak, the open items and the tickets of the next
    // depend on this one's. The inbox retries the later one after the hourly run finished the earlier.
    if (inFlight && inFlight.responseId !== responseId)
      throw new InspectionBusyError(areaName, template.name);
    const resumed = inFlight;
    if (resumed?.version !== undefined && resumed.version !== template.version) {
      template = templateCopy(ports.store, current, resumed.version) ?? template;
      form = readInspectionAnswers(template, submission.namedValues);
    }
    const inspections = ctx.table<InspectionRow>(INSPECTIONS);
    const items = ctx.table<InspectionItemRow>(INSPECTION_ITEMS);
    // Before anything is numbered or written (no Sheets call with the header maps cached).
    inspections.requireColumnsForAppend();
    items.requireColumnsForAppend();

    // Everything below is decided from the same inputs on every attempt: the response, the schedule's
    // state (unchanged until the last step) and what the journal pinned — the time, the numbers.
    const now = resumed ? new Date(resumed.at) : ctx.now();
    const evaluation = evaluateInspection(template, form.answers);
    const zone = settings.calendar.zone;
    const year = Number(new Date(now.getTime() + zone.offsetAt(now.getTime())).toISOString().slice(0, 4));
    const counter = inspectionCounterKey(year);
    const counted = nextCounter(ports.store.get(counter)) - 1;
    const n = resumed ? resumed.n : counted + 1;
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

    // The rectification tickets, numbered before anything is written (a journaled number is kept).
    const failures = area && carry ? carry.newFailures : [];
    const drafts = area
      ? rectificationTickets(ctx, settings, {
          inspectionId: id,
          area,
          inspector: form.inspector,
          at: now,
          failures,
          notes: form.notes,
          repeats,
        })
      : [];
    const numbered = resumed?.tickets ?? {};
    const fresh = peekTicketIds(
      ctx,
      settings,
      drafts.filter((_, i) => !(failures[i].item.key in numbered)).map((draft) => draft.fields),
    );
    let next = 0;
    const ticketIds: Record<string, string> = Object.fromEntries(
      failures.map((failure) => [failure.item.key, numbered[failure.item.key] ?? fresh.ids[next++]]),
    );
    const prepared = prepareNewTickets(
      ctx,
      settings,
      drafts.map((draft, i) => ({ ...draft, id: ticketIds[failures[i].item.key] })),
      actor,
      now,
    );
    const closing = carry
      ? planCloses(ctx, carry.closes, id, actor, now, resumed?.closes ?? null)
      : { closed: [], before: {}, changes: [], history: [] };

    // The journal first (one property write), then the counters: a kill at any call after it is
    // finished by the next attempt with the same numbers; a kill before it left nothing to finish.
    const journal: InFlight = {
      responseId,
      n,
      version: template.version,
      at: now.getTime(),
      tickets: ticketIds,
      closes: closing.before,
      done: resumed?.done ?? [],
      faultEntries: resumed?.faultEntries ?? [],
    };
    const keepJournal = () => saveJournal(ports.store, areaName, template.name, journal);
    if (!resumed || fresh.ids.length > 0) keepJournal();
    if (n > counted) ports.store.set(counter, String(n));
    storeTicketCounters(ctx, Object.values(ticketIds));

    // Each step below either tells by itself whether an earlier attempt did it (a row with its ID, a
    // resolution naming this re-inspection, the same notes written again) or is marked in the journal.
    let ticketRow = 0;
    if (prepared.length > 0) {
      const found = resumed ? ctx.table<TicketRow>(TICKETS).rowOf('id', prepared[0].id) : null;
      ticketRow = found ?? appendTicketRows(ctx, prepared);
      writeTicketNotes(ctx, ticketRow, prepared);
    }
    if (closing.changes.length > 0) ctx.table<TicketRow>(TICKETS).updateRows(closing.changes);
    const history = [...createdHistory(ctx, prepared), ...closing.history];
    if (history.length > 0 && !journal.done.includes('history')) {
      if (!(resumed && historyWritten(ctx, history[0], now))) appendHistory(ctx, 'form', history);
      journal.done = [...journal.done, 'history'];
      keepJournal();
    }

    const opened: OpenRectification[] = failures.map((failure, i) => ({
      itemKey: failure.item.key,
      ticketId: prepared[i].id,
      ticketRow: ticketRow + i,
      due: (prepared[i].record.resolveDue as Date).getTime(),
      inspectionId: id,
    }));
    const stillOpen = carry?.stillOpen ?? [];
    const open = [...stillOpen, ...opened];
    const due = recheckDue(open);
    const ticketOf = new Map(open.map((entry) => [entry.itemKey, entry.ticketId]));

    const streak = carry?.streak ?? 0;
    const consequence = carry?.consequence ?? '';
    // The consequence is the owner's fault in the merits ledger (SPEC §8.2); its Entry ID goes on the row.
    const fault = area ? faultHookOf(area, streak, consequence, id) : null;
    if (fault && !journal.done.includes('fault')) {
      const earlier = resumed ? faultEntriesOf(ctx, id) : [];
      journal.faultEntries = earlier.length > 0 ? earlier : inspectionFault(ctx, settings, fault, actor);
      journal.done = [...journal.done, 'fault'];
      keepJournal();
    }
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
      faultEntry: journal.faultEntries.join(', '),
      state: open.some((entry) => entry.inspectionId === id) ? 'awaitingRecheck' : 'closed',
      repeatFindings: [...repeats].map(titleOf).join(', '),
      needsReview: reviews.length > 0,
      reviewNote: reviews.join('\n'),
      formResponseId: responseId,
    };
    // Items first, the Inspections row last: the row is what tells the inbox the response is recorded.
    if (!(resumed && items.has('inspectionId', id)))
      items.appendRecords(
        evaluation.items.map((outcome) => {
          const note = form.notes[outcome.item.key] ?? form.unreadable[outcome.item.key] ?? '';
          return {
            inspectionId: id,
            section: outcome.item.section,
            item: outcome.item.item,
            weight: outcome.item.weight,
            answer:
              answerText(lang, evaluation, outcome.item.key) || (form.unreadable[outcome.item.key] ?? ''),
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
    const firstRow =
      (resumed ? inspections.rowOf('id', id) : null) ?? inspections.appendRecords([row]).firstRow;

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

    // The notice (限期整改通知单) in this same step, keyed by the inspection: sent once, whichever
    // attempt gets here first.
    if (area)
      enqueueMail(
        ctx,
        rectificationNotices(ctx, settings, {
          inspectionId: id,
          template: template.name,
          area,
          inspector: form.inspector,
          scoreText: evaluation.scorePercent === null ? '—' : `${evaluation.scorePercent} %`,
          resultText: enumLabel(lang, 'inspectionResult', evaluation.passed ? 'pass' : 'fail'),
          consequence,
          streak,
          // Every item failed now: new ones with their new tickets, those still open with theirs.
          lines: evaluation.failedItems.flatMap((failed) => {
            const entry = open.find((candidate) => candidate.itemKey === failed.item.key);
            if (!entry) return [];
            return [
              {
                item: `${failed.item.section} / ${failed.item.item}`,
                note: form.notes[failed.item.key] ?? '',
                ticketId: entry.ticketId,
                due: new Date(entry.due),
                repeat: repeats.has(failed.item.key),
                openSince: entry.inspectionId === id ? '' : entry.inspectionId,
              },
            ];
          }),
          recheckDue: due === null ? null : new Date(due),
        }),
      );

    // The last step: the schedule's new state with the response remembered — one write; then the
    // journal goes (one left by a kill in between is recognised as stale above).
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
    clearJournal(ports.store, areaName, template.name);
    ports.workbook.flush();
    return {
      kind: 'recorded' as const,
      id,
      evaluation,
      streak,
      tickets: prepared.map((ticket) => ticket.id),
      closed: closing.closed,
      fault,
    };
  });
  ctx.rememberHeaders();
  if (outcome.kind === 'duplicate') return outcome;
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
