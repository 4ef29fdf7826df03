/** Inspection IDs `IN-YYYY-NNNNN` (issue 17), numbered per year like tickets, from a counter that never goes back. */
import { formatTicketId } from '../tickets/ids';

export const INSPECTION_PREFIX = 'IN';

/** Document-property key of the year's counter (advanced by the job under the document lock). */
export function inspectionCounterKey(year: number): string {
  return `inspectionCounter.${year}`;
}

export function formatInspectionId(year: number, n: number): string {
  return formatTicketId(INSPECTION_PREFIX, year, n);
}
