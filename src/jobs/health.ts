/** The health check (menu "Check setup", SPEC §6). */
import { escapeHtml } from '../core/text';
import { t } from '../i18n';
import type { Ports } from '../ports';
import { Desk } from './desk';
import { spreadsheetLang } from './entry';
import { loadSettings } from './settings';

export function showHealthCheck(ports: Ports): void {
  const desk = new Desk(ports, spreadsheetLang(ports));
  const settings = loadSettings(desk);
  const triggers = ports.triggers.list().map((trigger) => `<li>${escapeHtml(`${trigger.kind}: ${trigger.handler}`)}</li>`);
  const issues = settings.issues.map((issue) => `<li>${escapeHtml(`${issue.sheet} #${issue.row}: ${issue.reason}`)}</li>`);
  ports.ui.showHtml(t(desk.lang, 'menu.checkSetup'), `<ul>${triggers.join('')}</ul><ul>${issues.join('')}</ul>`);
}
