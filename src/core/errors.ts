/**
 * Typed errors thrown inside the app. Each carries an i18n key and params, so the entry point that
 * catches it can log it and tell the user in their language.
 */
export class AppError extends Error {
  constructor(
    readonly messageKey: string,
    readonly params: Record<string, string | number> = {},
    detail?: string,
  ) {
    super(detail ?? messageKey);
    this.name = new.target.name;
  }
}

/** The document lock could not be had within the timeout. */
export class LockTimeoutError extends AppError {
  constructor(timeoutMs: number) {
    super('common.busy', { seconds: Math.round(timeoutMs / 1000) }, `lock timeout after ${timeoutMs} ms`);
  }
}

/**
 * Google refused to add cells: a spreadsheet holds at most 10,000,000 (every sheet's rows × columns,
 * hidden and form-response sheets included). Nothing is written; form responses wait in their sheet.
 */
export class WorkbookFullError extends AppError {
  constructor(detail: string) {
    super('capacity.full', {}, detail);
  }
}

/**
 * An error as one line of plain text for the Run log and the Outbox. The Run log names the error's class
 * (`LockTimeoutError: …`); the Outbox's Last error column shows only the message.
 */
export function errorText(error: unknown, { withName = true }: { withName?: boolean } = {}): string {
  if (!(error instanceof Error)) return String(error);
  return withName ? `${error.name}: ${error.message}` : error.message;
}
