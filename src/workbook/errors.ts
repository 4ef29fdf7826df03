import { AppError } from '../core/errors';

/**
 * A column a job needs is not in the sheet (deleted, or its header renamed to something unknown).
 * Thrown before anything is written, so nothing lands in the wrong place (SPEC §3, §14).
 */
export class MissingColumnError extends AppError {
  constructor(
    readonly sheet: string,
    readonly column: string,
    readonly columnKey: string,
  ) {
    super(
      'sheet.error.missingColumn',
      { sheet, column },
      `missing column "${column}" (${columnKey}) in "${sheet}"`,
    );
  }
}
