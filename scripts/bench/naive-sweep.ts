/**
 * The approach SPEC §2 forbids, for contrast: a sweep that walks the Tickets sheet row by row with its
 * own getRange calls (one read per row, one write per changed cell). It runs inside the emulator as
 * script code appended to the bundle, so its calls and time are measured exactly like the product's.
 */
import { type MessageKey, t } from '../../src/i18n';
import { BENCH_LANG } from './fixtures';

export const NAIVE_SWEEP = 'benchNaiveSweep';

export function naiveSweepSource(): string {
  const text = (key: string) => JSON.stringify(t(BENCH_LANG, key as MessageKey));
  return `
function ${NAIVE_SWEEP}() {
  var sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName(${text('sheet.tickets')});
  var width = sheet.getLastColumn();
  var header = sheet.getRange(1, 1, 1, width).getValues()[0];
  var status = header.indexOf(${text('col.tickets.status')});
  var due = header.indexOf(${text('col.tickets.resolveDue')});
  var state = header.indexOf(${text('col.tickets.slaState')});
  var done = [${text('enum.status.resolved')}, ${text('enum.status.closed')}, ${text('enum.status.cancelled')}];
  var now = Date.now();
  var last = sheet.getLastRow();
  for (var r = 2; r <= last; r++) {
    var row = sheet.getRange(r, 1, 1, width).getValues()[0];
    if (done.indexOf(row[status]) >= 0) continue;
    var next = row[due] instanceof Date && row[due].getTime() < now ? ${text('enum.slaState.breached')} : ${text('enum.slaState.pending')};
    if (row[state] !== next) sheet.getRange(r, state + 1).setValue(next);
  }
}
`;
}
