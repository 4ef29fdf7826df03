/**
 * The form-submit trigger (one serves every linked form, SPEC §2): the response goes to the inbox,
 * which routes it to the handler of the form whose response sheet received the row.
 */
import type { FormSubmission, Ports } from '../ports';
import { JobContext } from './context';
import { spreadsheetLang } from './entry';
import { receiveResponse } from './inbox';

export function handleFormSubmit(ports: Ports, submission: FormSubmission): void {
  const ctx = new JobContext(ports, spreadsheetLang(ports));
  const outcome = receiveResponse(ctx, submission);
  if (outcome.kind === 'processed') ports.log.info(outcome.log);
  else if (outcome.kind === 'duplicate') ports.log.info(`form submit: duplicate ${outcome.responseId}`);
  else ports.log.info(`form submit from an unknown response sheet ${submission.sheetId}: ignored`);
}
