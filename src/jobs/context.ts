import { AppError } from '../core/errors';
import { LANGS, type Lang, t } from '../i18n';
import type { Ports, SheetPort } from '../ports';
import { type HeaderMap, parseHeaderMap, serializeHeaderMap } from '../workbook/header-map';
import type { SheetSchema } from '../workbook/schema';
import { Table } from '../workbook/table';

/** A register or settings sheet the job needs does not exist (deleted or renamed). */
export class MissingSheetError extends AppError {
  constructor(title: string) {
    super('sheet.error.missingSheet', { sheet: title }, `missing sheet "${title}"`);
  }
}

/** Header maps live this long in the cache; every read re-checks them against row 1 anyway. */
const HEADER_CACHE_SECONDS = 6 * 60 * 60;

/**
 * What one execution of a job works with: the ports, the spreadsheet's language, and tables bound by
 * schema. Sheets are found by their title in either language, so a language switch never loses data.
 */
export class JobContext {
  /** One table per schema per execution (each remembers its header map and last read). */
  private readonly tables = new Map<
    string,
    { schema: SheetSchema; table: unknown; headers: () => HeaderMap | null }
  >();

  constructor(
    readonly ports: Ports,
    readonly lang: Lang,
  ) {}

  /**
   * The time of the event this execution handles: when it started. Every service call takes time, so a
   * clock read later would stamp one event with several times (Resolved at vs the History entry, a
   * deadline vs the run that checks it). Time budgets and Sent at read ports.clock.now().
   */
  now(): Date {
    return this.ports.clock.started();
  }

  /** The sheet of a schema, or null when it does not exist in either language (or the own, when asked). */
  findSheet(schema: SheetSchema, { ownLanguageOnly = false } = {}): SheetPort | null {
    const others = ownLanguageOnly ? [] : LANGS.filter((other) => other !== this.lang);
    for (const lang of [this.lang, ...others]) {
      const sheet = this.ports.workbook.sheet(t(lang, schema.title));
      if (sheet) return sheet;
    }
    return null;
  }

  /** A table over the schema's sheet; throws MissingSheetError when the sheet is gone. */
  table<R extends object>(schema: SheetSchema<keyof R & string>): Table<R> {
    const existing = this.tables.get(schema.key);
    // The entry was stored under this schema's key with this row type, hence the cast.
    if (existing) return existing.table as Table<R>;
    const sheet = this.findSheet(schema);
    if (!sheet) throw new MissingSheetError(t(this.lang, schema.title));
    const cached = parseHeaderMap(this.ports.cache.get(headerCacheKey(schema)), schema);
    const table = new Table<R>(sheet, schema, this.lang, cached, this.ports.lock);
    this.tables.set(schema.key, { schema, table, headers: () => table.verifiedHeaderMap() });
    return table;
  }

  /** Stores the header maps verified during this execution, so the next one can skip reading row 1. */
  rememberHeaders(): void {
    for (const { schema, headers } of this.tables.values()) {
      const map = headers();
      if (map) this.ports.cache.put(headerCacheKey(schema), serializeHeaderMap(map), HEADER_CACHE_SECONDS);
    }
  }
}

function headerCacheKey(schema: SheetSchema): string {
  return `header.${schema.key}`;
}
