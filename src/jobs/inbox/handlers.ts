/**
 * One inbox handler per form kind. To plug in a new form (an audit form…): register it in
 * forms/registry (a fixed key in FORM_KEYS, or a family of keys like `form.inspection.<template>` listed
 * by `linkedFormKeys`), and add a handler here that writes the record of one response (with the response
 * id in a column of its register) and finds records by response id. The inbox does the rest:
 * exactly-once, retries, the hourly reconciliation and the health check's "responses waiting".
 */
import { FORM_KEYS, type FormKey, registeredForm } from '../../forms/registry';
import { t } from '../../i18n';
import type { FormSubmission, StorePort } from '../../ports';
import type { SheetSchema } from '../../workbook/schema';
import {
  ASSESSMENT_APPEALS,
  AUDIT_APPEALS,
  AUDITS,
  CALLBACKS,
  INSPECTIONS,
  MERITS,
  TICKETS,
} from '../../workbook/schemas';
import { handleAssessmentAppealSubmission } from '../assessment/appeals';
import { handleAppealSubmission } from '../audits/appeals';
import { type AuditFormEntry, auditFormKey, auditForms } from '../audits/forms';
import { handleAuditSubmission } from '../audits/submit';
import { handleCallback } from '../callbacks';
import type { JobContext } from '../context';
import { handleInspection } from '../inspections';
import { inspectionFormKeys } from '../inspections/forms';
import { completeIntake, handleIntake } from '../intake';
import { handleMeritSubmission } from '../merits/submit';

export interface InboxResponse {
  key: string;
  submission: FormSubmission;
  responseId: string;
}

export interface InboxHandler {
  /**
   * Writes the record of one response; runs under the document lock, after the inbox claimed the row.
   * Returns a line for the execution log. Throws when the record cannot be written (the row waits).
   */
  process(ctx: JobContext, response: InboxResponse): string;
  /** Whether a record of this response exists (asked only after an attempt that did not finish). */
  hasRecord(ctx: JobContext, responseId: string): boolean;
  /**
   * Finishes what an attempt that wrote the record and then died left undone (notes, History…), when
   * the register can tell; without it the record stands as written.
   */
  complete?(ctx: JobContext, response: InboxResponse): void;
  /** Every response id that has a record (read once, to start the ledger of an older form). */
  recordedResponseIds(ctx: JobContext): Set<string>;
}

/**
 * Registers that keep their own journal of responses (callbacks, inspections, audits) finish an
 * interrupted step by processing the response again: their journal makes that a no-op, or the rest
 * of the step.
 */
function finishesByReprocessing(handler: InboxHandler): InboxHandler {
  return {
    ...handler,
    complete: (ctx, response) => {
      handler.process(ctx, response);
    },
  };
}

/** Records that keep the response id in their `formResponseId` column. */
function byResponseIdColumn(schema: SheetSchema<'formResponseId'>) {
  const recordedResponseIds = (ctx: JobContext): Set<string> => {
    if (!ctx.findSheet(schema)) return new Set();
    const table = ctx.table<{ formResponseId: string }>(schema);
    return new Set(table.readRows(['formResponseId']).rows.map((row) => row.values.formResponseId));
  };
  return {
    recordedResponseIds,
    hasRecord: (ctx: JobContext, responseId: string) => {
      if (!ctx.findSheet(schema)) return false;
      return (
        ctx
          .table<{ formResponseId: string }>(schema)
          .findRows(['formResponseId'], responseId, { exact: true, limit: 1 }).length > 0
      );
    },
  };
}

/** Titles of the response sheet's column of respondents' emails, when the form collects them. */
const EMAIL_TITLES = ['Email Address', '电子邮件地址'];

/**
 * Who submitted, as Google tells it: the respondent's email when the form collects emails (Google
 * then adds the "Email Address" column), else "form".
 */
function formActor(ctx: JobContext, submission: FormSubmission): string {
  for (const title of EMAIL_TITLES) {
    const email = String(submission.namedValues[title]?.[0] ?? '').trim();
    if (email !== '') return email;
  }
  return t(ctx.lang, 'history.actor.form');
}

const intake = (origin: 'staff' | 'customer'): InboxHandler => ({
  process: (ctx, { submission, responseId }) => {
    const outcome = handleIntake(ctx, submission, responseId, formActor(ctx, submission), origin);
    return `intake: created ${outcome.id} from ${responseId}`;
  },
  complete: (ctx, { submission, responseId }) => completeIntake(ctx, responseId, formActor(ctx, submission)),
  ...byResponseIdColumn(TICKETS as unknown as SheetSchema<'formResponseId'>),
});

const callback: InboxHandler = {
  process: (ctx, { submission, responseId }) => {
    const outcome = handleCallback(ctx, submission, responseId, formActor(ctx, submission));
    return outcome.kind === 'recorded'
      ? `callback: attempt ${outcome.attemptNo} on ${outcome.ticketId} (${outcome.valid ? 'valid' : 'not valid'})`
      : `callback: duplicate ${responseId}`;
  },
  ...byResponseIdColumn(CALLBACKS as unknown as SheetSchema<'formResponseId'>),
};

const inspection = (template: string): InboxHandler => ({
  process: (ctx, { submission, responseId }) => {
    const outcome = handleInspection(
      ctx,
      submission,
      responseId,
      template,
      t(ctx.lang, 'history.actor.form'),
    );
    return outcome.kind === 'recorded'
      ? `inspection: ${outcome.id} ${outcome.passed ? 'passed' : 'failed'}, tickets ${outcome.tickets.join(' ') || 'none'}, closed ${outcome.closed.join(' ') || 'none'}${outcome.fault ? `, fault for the merits ledger: ${outcome.fault.staff} (${outcome.fault.streak})` : ''}`
      : `inspection: duplicate ${responseId}`;
  },
  ...byResponseIdColumn(INSPECTIONS as unknown as SheetSchema<'formResponseId'>),
});

const appeal: InboxHandler = {
  process: (ctx, { submission, responseId }) =>
    `audit appeal form: ${handleAppealSubmission(ctx, submission, responseId)}`,
  ...byResponseIdColumn(AUDIT_APPEALS as unknown as SheetSchema<'formResponseId'>),
};

const merit: InboxHandler = {
  process: (ctx, { submission, responseId }) => handleMeritSubmission(ctx, submission, responseId),
  ...byResponseIdColumn(MERITS as unknown as SheetSchema<'formResponseId'>),
};

const HANDLERS: Partial<Record<FormKey, InboxHandler>> = {
  'form.intake': intake('staff'),
  'form.customer': intake('customer'),
  'form.callback': finishesByReprocessing(callback),
  'form.auditAppeal': finishesByReprocessing(appeal),
  'form.merit': merit,
  'form.assessmentAppeal': {
    process: (ctx, { submission, responseId }) =>
      handleAssessmentAppealSubmission(ctx, submission, responseId),
    ...byResponseIdColumn(ASSESSMENT_APPEALS as unknown as SheetSchema<'formResponseId'>),
  },
};

const INSPECTION_PREFIX = 'form.inspection.';

function inboxHandler(key: FormKey): InboxHandler | null {
  if (key.startsWith(INSPECTION_PREFIX))
    return finishesByReprocessing(inspection(key.slice(INSPECTION_PREFIX.length)));
  return HANDLERS[key] ?? null;
}

const audit = (form: AuditFormEntry): InboxHandler => ({
  process: (ctx, { submission, responseId }) => {
    const outcome = handleAuditSubmission(ctx, submission, responseId, form);
    return outcome.kind === 'recorded'
      ? `audit: recorded ${outcome.auditId}`
      : `audit: duplicate ${responseId}`;
  },
  ...byResponseIdColumn(AUDITS as unknown as SheetSchema<'formResponseId'>),
});

/** A form linked to this spreadsheet: where its responses land and who makes their records. */
export interface LinkedForm {
  /** 'form.intake', 'form.inspection.<template>', 'form.audit.<scorecard>'… */
  key: string;
  /** The Google Form's id (the hourly run asks it how many responses it holds). */
  formId: string;
  responseSheetId: number;
  /** '' when only the id is known (the sheet is then found by id). */
  responseSheetName: string;
  handler: InboxHandler;
}

/**
 * The document properties as one getProperties returned them, to read from: the registry is a property
 * per form (six fixed forms, one per inspection template and per scorecard, and their lists), which
 * getProperty would read one call at a time.
 */
function registrySnapshot(store: StorePort): StorePort {
  const all = store.entries();
  const readOnly = (): never => {
    throw new Error('the form registry snapshot is read-only');
  };
  return {
    get: (key) => all[key] ?? null,
    keys: () => Object.keys(all),
    entries: () => ({ ...all }),
    set: readOnly,
    setAll: readOnly,
    delete: readOnly,
  };
}

/**
 * Every form linked to this spreadsheet, from the form registry in document properties (one
 * getProperties, no Sheets call): the fixed forms, the inspection forms of ⚙ Checklists and the audit
 * forms of ⚙ Scorecards.
 */
export function linkedForms(ctx: JobContext): LinkedForm[] {
  const store = registrySnapshot(ctx.ports.store);
  const registered = [...FORM_KEYS, ...inspectionFormKeys({ store })].flatMap((key): LinkedForm[] => {
    const info = registeredForm(store, key);
    const handler = inboxHandler(key);
    return info && handler && info.responseSheetId
      ? [
          {
            key,
            formId: info.id,
            responseSheetId: info.responseSheetId,
            responseSheetName: info.responseSheetName,
            handler,
          },
        ]
      : [];
  });
  const audits = auditForms(store)
    .filter((form) => form.responseSheetId)
    .map((form) => ({
      key: auditFormKey(form.scorecard),
      formId: form.formId,
      responseSheetId: form.responseSheetId,
      responseSheetName: form.responseSheetName,
      handler: finishesByReprocessing(audit(form)),
    }));
  return [...registered, ...audits];
}
