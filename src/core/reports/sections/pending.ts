/**
 * Sections the audit (§8), assessment (§8) and inspection (§9) registers will fill. Until a register
 * exists its section is in the report and says it is not set up, so managers see where the figures
 * will go and the engineers of those issues have a place to put them.
 *
 * How to fill one: write a SectionBuilder `(context: ReportContext) => ReportSection | null` in
 * ./sections/<name>.ts that returns a section with the same `id` ('audits', 'assessment' or
 * 'inspections'), add what it reads to ReportInput (read in jobs/reports/read.ts with one batched read),
 * and replace `pendingSection(...)` in REPORT_SECTIONS (../build.ts) with it. Return null for a period
 * the section does not belong to (the assessment is monthly only). The sheet and the mail render any
 * section generically (title, columns with formats, rows; `mailRows` to show it in the mail).
 */
import type { ReportContext } from '../input';
import { label, type ReportSection } from '../model';
import type { ReportKind } from '../period';

export type PendingSectionId = 'audits' | 'assessment' | 'inspections';

export function pendingSection(id: PendingSectionId, kinds: readonly ReportKind[]) {
  return (context: ReportContext): ReportSection | null =>
    kinds.includes(context.period.kind)
      ? {
          id,
          title: `reports.section.${id}`,
          columns: [{ header: 'reports.col.state', format: 'text' }],
          rows: [[label(`reports.notSetUp.${id}`)]],
        }
      : null;
}
