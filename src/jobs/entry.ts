import { AppError, errorText } from '../core/errors';
import { isLang, type Lang, langFromLocale, type MessageKey, t } from '../i18n';
import type { Ports } from '../ports';
import { JobContext } from './context';
import { type JobName, RunLog } from './run-log';

/**
 * How an entry point reports a failure: to a person at the keyboard (an alert), only to the logs, or
 * to the sidebar that called it (re-thrown in the user's language, for google.script.run's failure handler).
 */
export type Audience = 'interactive' | 'background' | 'sidebar';

/** The language of this spreadsheet: the one chosen at setup, else from its locale (SPEC §1). */
export function spreadsheetLang(ports: Ports): Lang {
  const chosen = ports.store.get('lang');
  if (chosen !== null && isLang(chosen)) return chosen;
  return langFromLocale(ports.workbook.locale());
}

function userMessage(lang: Lang, error: unknown): string {
  if (error instanceof AppError) {
    return t(lang, error.messageKey as MessageKey, error.params);
  }
  return t(lang, 'common.error', { message: error instanceof Error ? error.message : String(error) });
}

/**
 * Runs one entry point: the job gets the ports; any error is logged with the entry point's name and,
 * for interactive entry points, shown to the user in their language. Background runs (triggers) record
 * the error in the Run log and throw it on, so Google marks the execution failed (and its failure
 * emails say so); nothing is lost by that: a form response waits in the inbox for the next hourly run.
 */
export function runEntry<T>(
  name: string,
  audience: Audience,
  ports: Ports,
  job: (ports: Ports) => T,
): T | undefined {
  const startedAt = ports.clock.now();
  try {
    return job(ports);
  } catch (error) {
    ports.log.error(`${name} failed`, error);
    recordFailure(ports, name, startedAt, error);
    if (audience === 'interactive') {
      const lang = safeLang(ports);
      ports.ui.alert(t(lang, 'menu.title'), userMessage(lang, error));
      return undefined;
    }
    if (audience === 'sidebar') throw new Error(userMessage(safeLang(ports), error));
    throw error;
  }
}

function jobOfEntry(name: string): JobName {
  if (name === 'onFormSubmit') return 'formSubmit';
  if (name === 'onEdit') return 'edit';
  if (name === 'runScheduler' || name === 'menuRunScheduler') return 'scheduler';
  return 'menu';
}

/**
 * The failure goes to the Run log the health check shows (SPEC §6). Writing it is best effort: if the
 * log itself cannot be written (its sheet is the problem, say), that is logged too, and the original
 * error has already been logged above.
 */
function recordFailure(ports: Ports, name: string, startedAt: Date, error: unknown): void {
  try {
    const log = new RunLog(new JobContext(ports, safeLang(ports)), startedAt);
    log.record({
      job: jobOfEntry(name),
      period: name,
      startedAt,
      endedAt: ports.clock.now(),
      result: 'error',
      counts: {},
      error: errorText(error),
    });
    log.flush();
  } catch (logError) {
    ports.log.error(`${name}: the failure could not be written to the run log`, logError);
  }
}

function safeLang(ports: Ports): Lang {
  try {
    return spreadsheetLang(ports);
  } catch {
    // The store itself may be what failed (e.g. AuthMode.NONE); English is the neutral fallback.
    return 'en';
  }
}
