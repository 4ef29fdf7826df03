/** The hourly scheduler (SPEC §6): decides which jobs are due and runs them. */
import type { Ports } from '../ports';
import { Desk } from './desk';
import { spreadsheetLang } from './entry';
import { flushOutbox } from './mailer';

export function runScheduler(ports: Ports): void {
  const desk = new Desk(ports, spreadsheetLang(ports));
  flushOutbox(desk);
}
