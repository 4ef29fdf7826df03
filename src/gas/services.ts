/** Small adapters of the ports onto Apps Script services (one class per port). */
import { LockTimeoutError } from '../core/errors';
import type {
  CachePort,
  ClockPort,
  LockPort,
  LogPort,
  MailMessage,
  MailPort,
  MenuItem,
  SessionPort,
  StorePort,
  TriggerInfo,
  TriggerKind,
  TriggersPort,
  UiPort,
} from '../ports';

export class GasMail implements MailPort {
  remainingDailyQuota(): number {
    return MailApp.getRemainingDailyQuota();
  }
  send(message: MailMessage, senderName: string): void {
    MailApp.sendEmail({
      to: message.to.join(','),
      subject: message.subject,
      body: message.textBody,
      htmlBody: message.htmlBody,
      name: senderName,
    });
  }
}

/** Re-entrant within one execution: an inner use must not release the lock an outer one still needs. */
export class GasLock implements LockPort {
  private depth = 0;

  withDocumentLock<T>(timeoutMs: number, fn: () => T): T {
    if (this.depth > 0) return this.nested(fn);
    const lock = LockService.getDocumentLock() ?? LockService.getScriptLock();
    if (!lock.tryLock(timeoutMs)) throw new LockTimeoutError(timeoutMs);
    try {
      return this.nested(fn);
    } finally {
      lock.releaseLock();
    }
  }

  held(): boolean {
    return this.depth > 0;
  }

  private nested<T>(fn: () => T): T {
    this.depth += 1;
    try {
      return fn();
    } finally {
      this.depth -= 1;
    }
  }
}

export class GasDocumentStore implements StorePort {
  private readonly properties = PropertiesService.getDocumentProperties();
  get(key: string): string | null {
    return this.properties.getProperty(key);
  }
  set(key: string, value: string): void {
    this.properties.setProperty(key, value);
  }
  setAll(values: Record<string, string>): void {
    this.properties.setProperties(values);
  }
  delete(key: string): void {
    this.properties.deleteProperty(key);
  }
  keys(): string[] {
    return this.properties.getKeys();
  }
  entries(): Record<string, string> {
    return this.properties.getProperties();
  }
}

export class GasCache implements CachePort {
  private readonly cache = CacheService.getDocumentCache() ?? CacheService.getScriptCache();
  get(key: string): string | null {
    return this.cache.get(key);
  }
  put(key: string, value: string, ttlSeconds: number): void {
    this.cache.put(key, value, ttlSeconds);
  }
  remove(key: string): void {
    this.cache.remove(key);
  }
  getAll(keys: readonly string[]): Record<string, string> {
    return this.cache.getAll([...keys]);
  }
  putAll(values: Record<string, string>, ttlSeconds: number): void {
    this.cache.putAll(values, ttlSeconds);
  }
}

function triggerKind(trigger: GoogleAppsScript.Script.Trigger): TriggerInfo['kind'] {
  switch (trigger.getEventType()) {
    case ScriptApp.EventType.ON_FORM_SUBMIT:
      return 'formSubmit';
    case ScriptApp.EventType.ON_EDIT:
      return 'edit';
    case ScriptApp.EventType.CLOCK:
      return 'hourly';
    case ScriptApp.EventType.ON_CHANGE:
      return 'change';
    default:
      return 'other';
  }
}

const OWNED_TRIGGERS_KEY = 'triggers.owned';

/**
 * Only this user's triggers on this document: an add-on may never touch anyone else's. Whether
 * getUserTriggers(spreadsheet) includes time-driven triggers is not documented, and getProjectTriggers
 * spans every document of an add-on; so the ids of the triggers installed here are kept in document
 * properties, and a project trigger counts as this document's when its id is among them.
 */
export class GasTriggers implements TriggersPort {
  list(): TriggerInfo[] {
    return this.documentTriggers().map((trigger) => ({
      id: trigger.getUniqueId(),
      kind: triggerKind(trigger),
      handler: trigger.getHandlerFunction(),
    }));
  }
  install(kind: TriggerKind, handler: string): TriggerInfo {
    const builder = ScriptApp.newTrigger(handler);
    const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
    const trigger =
      kind === 'formSubmit'
        ? builder.forSpreadsheet(spreadsheet).onFormSubmit().create()
        : kind === 'edit'
          ? builder.forSpreadsheet(spreadsheet).onEdit().create()
          : kind === 'change'
            ? builder.forSpreadsheet(spreadsheet).onChange().create()
            : builder.timeBased().everyHours(1).create();
    const id = trigger.getUniqueId();
    // Ids of triggers deleted by hand since are dropped, so the list never grows stale.
    const existing = new Set(ScriptApp.getProjectTriggers().map((candidate) => candidate.getUniqueId()));
    this.saveOwned([...this.owned().filter((owned) => existing.has(owned)), id]);
    return { id, kind, handler };
  }
  remove(id: string): void {
    const trigger = this.documentTriggers().find((candidate) => candidate.getUniqueId() === id);
    if (trigger) ScriptApp.deleteTrigger(trigger);
    this.saveOwned(this.owned().filter((owned) => owned !== id));
  }
  authorizationRequired(): boolean {
    const info = ScriptApp.getAuthorizationInfo(ScriptApp.AuthMode.FULL);
    return info.getAuthorizationStatus() === ScriptApp.AuthorizationStatus.REQUIRED;
  }

  private documentTriggers(): GoogleAppsScript.Script.Trigger[] {
    const onDocument = ScriptApp.getUserTriggers(SpreadsheetApp.getActiveSpreadsheet());
    const seen = new Set(onDocument.map((trigger) => trigger.getUniqueId()));
    const owned = new Set(this.owned());
    const elsewhere = ScriptApp.getProjectTriggers().filter(
      (trigger) => owned.has(trigger.getUniqueId()) && !seen.has(trigger.getUniqueId()),
    );
    return [...onDocument, ...elsewhere];
  }
  private owned(): string[] {
    const saved = PropertiesService.getDocumentProperties().getProperty(OWNED_TRIGGERS_KEY);
    return saved ? (JSON.parse(saved) as string[]) : [];
  }
  private saveOwned(ids: string[]): void {
    PropertiesService.getDocumentProperties().setProperty(OWNED_TRIGGERS_KEY, JSON.stringify(ids));
  }
}

export class GasClock implements ClockPort {
  /** The ports are made as the entry point is called, before the first service call. */
  private readonly start = Date.now();
  now(): Date {
    return new Date();
  }
  started(): Date {
    return new Date(this.start);
  }
}

/** Logs go to Cloud Logging (console); callers never pass customer data here. */
export class GasLog implements LogPort {
  info(message: string): void {
    console.info(message);
  }
  error(message: string, error?: unknown): void {
    const detail =
      error instanceof Error ? `${error.name}: ${error.message}\n${error.stack ?? ''}` : String(error ?? '');
    console.error(`${message} ${detail}`.trim());
  }
}

export class GasUi implements UiPort {
  addMenu(items: MenuItem[]): void {
    const menu = SpreadsheetApp.getUi().createAddonMenu();
    for (const item of items) menu.addItem(item.label, item.handler);
    menu.addToUi();
  }
  alert(title: string, message: string): void {
    const ui = SpreadsheetApp.getUi();
    ui.alert(title, message, ui.ButtonSet.OK);
  }
  showHtml(title: string, html: string): void {
    const output = HtmlService.createHtmlOutput(html).setTitle(title).setWidth(720).setHeight(560);
    SpreadsheetApp.getUi().showModalDialog(output, title);
  }
  showSidebar(title: string, file: string): void {
    SpreadsheetApp.getUi().showSidebar(HtmlService.createHtmlOutputFromFile(file).setTitle(title));
  }
  toast(message: string): void {
    SpreadsheetApp.getActiveSpreadsheet().toast(message);
  }
}

export class GasSession implements SessionPort {
  constructor(private readonly authMode: GoogleAppsScript.Script.AuthMode | undefined) {}
  activeUserEmail(): string {
    return Session.getActiveUser().getEmail();
  }
  effectiveUserEmail(): string {
    return Session.getEffectiveUser().getEmail();
  }
  userLocale(): string {
    return Session.getActiveUserLocale();
  }
  documentAccess(): boolean {
    return this.authMode !== ScriptApp.AuthMode.NONE;
  }
}
