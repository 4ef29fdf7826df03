import { MENU_HANDLERS } from '../handlers';
import { type Lang, langFromLocale, t } from '../i18n';
import type { Ports } from '../ports';
import { spreadsheetLang } from './entry';

/**
 * The add-on menu in the spreadsheet's language. Before the add-on is enabled for a document
 * (AuthMode.NONE) the document cannot be read, so the user's own locale decides.
 */
export function addMenu(ports: Ports): void {
  const lang: Lang = ports.session.documentAccess()
    ? spreadsheetLang(ports)
    : langFromLocale(ports.session.userLocale());
  ports.ui.addMenu([
    { label: t(lang, 'menu.setup'), handler: MENU_HANDLERS.setup },
    { label: t(lang, 'menu.checkSetup'), handler: MENU_HANDLERS.checkSetup },
    { label: t(lang, 'menu.runNow'), handler: MENU_HANDLERS.runNow },
    { label: t(lang, 'reports.menu.lastWeek'), handler: MENU_HANDLERS.reportLastWeek },
    { label: t(lang, 'reports.menu.lastMonth'), handler: MENU_HANDLERS.reportLastMonth },
    { label: t(lang, 'reports.menu.lastQuarter'), handler: MENU_HANDLERS.reportLastQuarter },
    { label: t(lang, 'reports.menu.lastYear'), handler: MENU_HANDLERS.reportLastYear },
    { label: t(lang, 'panel.menu.open'), handler: MENU_HANDLERS.openPanel },
    { label: t(lang, 'audits.menu.sample'), handler: MENU_HANDLERS.auditSample },
    { label: t(lang, 'audits.menu.calibrate'), handler: MENU_HANDLERS.calibrateAudit },
    { label: t(lang, 'menu.assessLastMonth'), handler: MENU_HANDLERS.assessLastMonth },
  ]);
}
