/**
 * Apps Script reports service failures as `Exception: <message>`; code under test may match on
 * `e.message` or on `String(e)`, so both forms must match Google's.
 */
export class Exception extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'Exception';
  }
}
