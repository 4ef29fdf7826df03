/**
 * Routes a form-submit event (one trigger serves every linked form, SPEC §2) to the job of the form
 * whose response sheet received the row. Forms are registered in document properties by setup.
 */

import { FORM_KEYS, type FormKey, registeredForm } from '../forms/registry';
import { t } from '../i18n';
import type { FormSubmission, Ports } from '../ports';
import { handleAppealSubmission, isAppealForm } from './audits/appeals';
import { auditFormOf } from './audits/forms';
import { handleAuditSubmission } from './audits/submit';
import { handleCallback } from './callbacks';
import { JobContext } from './context';
import { spreadsheetLang } from './entry';
import { handleInspection } from './inspections';
import { inspectionTemplateOf } from './inspections/forms';
import { handleIntake } from './intake';

function formOf(ports: Ports, sheetId: number): FormKey | null {
  return FORM_KEYS.find((key) => registeredForm(ports.store, key)?.responseSheetId === sheetId) ?? null;
}

/** The response row identifies a response for good: code never edits or deletes response sheets. */
export function responseIdOf(submission: FormSubmission): string {
  return `${submission.sheetId}:${submission.row}`;
}

export function handleFormSubmit(ports: Ports, submission: FormSubmission): void {
  const lang = spreadsheetLang(ports);
  const ctx = new JobContext(ports, lang);
  const form = formOf(ports, submission.sheetId);
  const responseId = responseIdOf(submission);
  switch (form) {
    case 'form.intake':
    case 'form.customer': {
      const origin = form === 'form.customer' ? 'customer' : 'staff';
      const outcome = handleIntake(ctx, submission, responseId, t(lang, 'history.actor.form'), origin);
      ports.log.info(
        outcome.kind === 'created' ? `intake: created ${outcome.id}` : `intake: duplicate ${responseId}`,
      );
      return;
    }
    case 'form.callback': {
      const outcome = handleCallback(ctx, submission, responseId, t(lang, 'history.actor.form'));
      ports.log.info(
        outcome.kind === 'recorded'
          ? `callback: attempt ${outcome.attemptNo} on ${outcome.ticketId} (${outcome.valid ? 'valid' : 'not valid'})`
          : `callback: duplicate ${responseId}`,
      );
      return;
    }
    case null: {
      const template = inspectionTemplateOf(ports, submission.sheetId);
      if (template !== null) {
        const outcome = handleInspection(
          ctx,
          submission,
          responseId,
          template,
          t(lang, 'history.actor.form'),
        );
        ports.log.info(
          outcome.kind === 'recorded'
            ? `inspection: ${outcome.id} ${outcome.passed ? 'passed' : 'failed'}, tickets ${outcome.tickets.join(' ') || 'none'}, closed ${outcome.closed.join(' ') || 'none'}${outcome.fault ? `, fault for the merits ledger: ${outcome.fault.staff} (${outcome.fault.streak})` : ''}`
            : `inspection: duplicate ${responseId}`,
        );
        return;
      }
      if (isAppealForm(ports.store, submission.sheetId)) {
        ports.log.info(`audit appeal form: ${handleAppealSubmission(ctx, submission, responseId)}`);
        return;
      }
      const audit = auditFormOf(ports.store, submission.sheetId);
      if (audit) {
        const outcome = handleAuditSubmission(ctx, submission, responseId, audit);
        ports.log.info(
          outcome.kind === 'recorded'
            ? `audit: recorded ${outcome.auditId}`
            : `audit: duplicate ${responseId}`,
        );
        return;
      }
      ports.log.info(`form submit from an unknown response sheet ${submission.sheetId}: ignored`);
      return;
    }
  }
}
