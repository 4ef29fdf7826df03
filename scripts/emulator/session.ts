import { AuthMode } from './enums';
import { type Runtime, ServiceObject } from './runtime';
import { User } from './spreadsheet/extras';

export class Session extends ServiceObject {
  readonly _service = 'Session';
  constructor(private readonly runtime: Runtime) {
    super();
  }
  /**
   * The person who caused the execution, if Google discloses them: an installable trigger runs as its
   * owner and sees another editor only on Workspace in the owner's domain (blank on consumer accounts).
   * Blank "in any context that allows a script to run without that user's authorization" (simple
   * triggers: LIMITED, and NONE).
   */
  getActiveUser(): User {
    const e = this.runtime.current;
    if (e.authMode !== AuthMode.FULL) return new User('');
    return new User(this.runtime.discloses(e.actor, e.user) ? e.actor : '');
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
