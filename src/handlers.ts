/**
 * Names of the top-level functions that Google calls by name: installed triggers and menu items.
 * The build checks that each is exported from src/index.ts.
 */
export const TRIGGER_HANDLERS = {
  formSubmit: 'onFormSubmit',
  edit: 'onEdit',
  hourly: 'runScheduler',
  change: 'onChange',
} as const;

export const MENU_HANDLERS = {
  setup: 'menuSetup',
  checkSetup: 'menuCheckSetup',
  runNow: 'menuRunScheduler',
  reportLastWeek: 'menuReportLastWeek',
  reportLastMonth: 'menuReportLastMonth',
  reportLastQuarter: 'menuReportLastQuarter',
  reportLastYear: 'menuReportLastYear',
  openPanel: 'menuOpenPanel',
  auditSample: 'menuAuditSample',
  calibrateAudit: 'menuCalibrateAudit',
  assessLastMonth: 'menuAssessLastMonth',
} as const;

/** Server functions the ticket panel calls with google.script.run (src/ui/panel). */
export const PANEL_HANDLERS = {
  open: 'panelOpen',
  selected: 'panelSelected',
  ticket: 'panelTicket',
  queue: 'panelQueue',
  act: 'panelAct',
} as const;

export function referencedHandlerNames(): string[] {
  return [
    ...Object.values(TRIGGER_HANDLERS),
    ...Object.values(MENU_HANDLERS),
    ...Object.values(PANEL_HANDLERS),
  ];
}
