import { AuthMode } from './enums';
import { type Runtime, ServiceObject } from './runtime';
import { User } from './spreadsheet/extras';

export class Session extends ServiceObject {
  readonly _service = 'Session';
  constructor(private readonly runtime: Runtime) {
    super();
  }
  /** Blank unless the execution runs with full authorization (simple triggers do not). */
  getActiveUser(): User {
    const e = this.runtime.current;
    return new User(e.authMode === AuthMode.FULL ? e.user : '');
  }
  getEffectiveUser(): User {
    return new User(this.runtime.current.authMode === AuthMode.NONE ? '' : this.runtime.current.user);
  }
  getScriptTimeZone(): string {
    return this.runtime.timeZone;
  }
  getActiveUserLocale(): string {
    return this.runtime.locale;
  }
  getTemporaryActiveUserKey(): string {
    return Buffer.from(this.runtime.current.user).toString('base64');
  }
}
