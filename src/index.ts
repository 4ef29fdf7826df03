/**
 * The only surface Apps Script sees: every export becomes a top-level function of dist/Code.js
 * (scripts/build.mjs). Each entry point builds the ports of this execution and calls one job; no logic
 * lives here.
 */

import { createGasPorts } from './gas';
import { cellEditOf, formSubmissionOf, sheetChangeOf, whenInstalledTrigger } from './gas/events';
import { menuAssessLastMonth as menuAssessLastMonthJob } from './jobs/assessment';
import { startCalibration } from './jobs/audits/calibration';
import { drawLastWeekSample } from './jobs/audits/sampling';
import { handleEdit } from './jobs/edit';
import { runEntry } from './jobs/entry';
import { handleFormSubmit } from './jobs/form-submit';
import { showHealthCheck } from './jobs/health';
import { addMenu } from './jobs/menu';
import { actOnTicket, loadQueue, loadTicket, openPanel, selectedTicket, showPanel } from './jobs/panel';
import type { ActionRequest } from './jobs/panel/view';
import { buildLastReport } from './jobs/reports';
import { runScheduler as runSchedulerJob } from './jobs/scheduler';
import { handleSheetChange } from './jobs/settings';
import { menuSetup as menuSetupJob } from './jobs/setup';

type OpenEvent = { authMode?: GoogleAppsScript.Script.AuthMode };

export function onOpen(e?: OpenEvent): void {
  runEntry('onOpen', 'background', createGasPorts(e?.authMode), addMenu);
}

export function onInstall(e?: OpenEvent): void {
  runEntry('onInstall', 'background', createGasPorts(e?.authMode), addMenu);
}

export function onFormSubmit(e: GoogleAppsScript.Events.SheetsOnFormSubmit): void {
  runEntry('onFormSubmit', 'background', createGasPorts(e.authMode), (ports) =>
    handleFormSubmit(ports, formSubmissionOf(e)),
  );
}

/** Also Google's simple-trigger name: only the installed run works (gas/events.ts). */
export function onEdit(e: GoogleAppsScript.Events.SheetsOnEdit): void {
  whenInstalledTrigger(e, () =>
    runEntry('onEdit', 'background', createGasPorts(e.authMode), (ports) => handleEdit(ports, cellEditOf(e))),
  );
}

/** Installed onChange: a ⚙ sheet's rows deleted, inserted or sorted make the next run read ⚙ again. */
export function onChange(e: GoogleAppsScript.Events.SheetsOnChange): void {
  runEntry('onChange', 'background', createGasPorts(e.authMode), (ports) =>
    handleSheetChange(ports, sheetChangeOf(e)),
  );
}

export function runScheduler(): void {
  runEntry('runScheduler', 'background', createGasPorts(), runSchedulerJob);
}

export function menuSetup(): void {
  runEntry('menuSetup', 'interactive', createGasPorts(), menuSetupJob);
}

export function menuCheckSetup(): void {
  runEntry('menuCheckSetup', 'interactive', createGasPorts(), showHealthCheck);
}

export function menuRunScheduler(): void {
  runEntry('menuRunScheduler', 'interactive', createGasPorts(), runSchedulerJob);
}

export function menuReportLastWeek(): void {
  runEntry('menuReportLastWeek', 'interactive', createGasPorts(), (ports) =>
    buildLastReport(ports, 'weekly'),
  );
}

export function menuAuditSample(): void {
  runEntry('menuAuditSample', 'interactive', createGasPorts(), drawLastWeekSample);
}

export function menuAssessLastMonth(): void {
  runEntry('menuAssessLastMonth', 'interactive', createGasPorts(), menuAssessLastMonthJob);
}

export function menuCalibrateAudit(): void {
  runEntry('menuCalibrateAudit', 'interactive', createGasPorts(), startCalibration);
}

export function menuReportLastMonth(): void {
  runEntry('menuReportLastMonth', 'interactive', createGasPorts(), (ports) =>
    buildLastReport(ports, 'monthly'),
  );
}

export function menuReportLastQuarter(): void {
  runEntry('menuReportLastQuarter', 'interactive', createGasPorts(), (ports) =>
    buildLastReport(ports, 'quarterly'),
  );
}

export function menuReportLastYear(): void {
  runEntry('menuReportLastYear', 'interactive', createGasPorts(), (ports) =>
    buildLastReport(ports, 'annual'),
  );
}

export function menuOpenPanel(): void {
  runEntry('menuOpenPanel', 'interactive', createGasPorts(), showPanel);
}

// The ticket panel's google.script.run endpoints (src/ui/panel): failures go back to the sidebar.

export function panelOpen() {
  return runEntry('panelOpen', 'sidebar', createGasPorts(), openPanel);
}

export function panelSelected() {
  return runEntry('panelSelected', 'sidebar', createGasPorts(), selectedTicket);
}

export function panelTicket(id: string, rowHint: number | null, select: boolean) {
  return runEntry('panelTicket', 'sidebar', createGasPorts(), (ports) =>
    loadTicket(ports, id, rowHint, select),
  );
}

export function panelQueue() {
  return runEntry('panelQueue', 'sidebar', createGasPorts(), loadQueue);
}

export function panelAct(request: ActionRequest) {
  return runEntry('panelAct', 'sidebar', createGasPorts(), (ports) => actOnTicket(ports, request));
}
