/**
 * Apps Script enums are objects whose toString() is their name; scripts compare them by identity
 * (`e.authMode === ScriptApp.AuthMode.FULL`) or by String(). Each value is created once per process.
 */
export class Enum {
  constructor(
    readonly type: string,
    private readonly key: string,
    private readonly index: number,
  ) {
    Object.freeze(this);
  }
  name(): string {
    return this.key;
  }
  ordinal(): number {
    return this.index;
  }
  toString(): string {
    return this.key;
  }
  toJSON(): string {
    return this.key;
  }
}

const registry = new Map<string, Enum>();

export type EnumSet<K extends string> = Readonly<Record<K, Enum>>;

export function enumSet<K extends string>(type: string, keys: readonly K[]): EnumSet<K> {
  const out: Partial<Record<K, Enum>> = {};
  keys.forEach((key, i) => {
    const value = new Enum(type, key, i);
    registry.set(`${type}.${key}`, value);
    out[key] = value;
  });
  return Object.freeze(out as Record<K, Enum>);
}

export function enumByKey(type: string, key: string): Enum {
  const value = registry.get(`${type}.${key}`);
  if (!value) throw new Error(`unknown enum ${type}.${key}`);
  return value;
}

export const AuthMode = enumSet('AuthMode', ['NONE', 'CUSTOM_FUNCTION', 'LIMITED', 'FULL']);
export const AuthorizationStatus = enumSet('AuthorizationStatus', ['REQUIRED', 'NOT_REQUIRED']);
export const EventType = enumSet('EventType', ['CLOCK', 'ON_OPEN', 'ON_EDIT', 'ON_FORM_SUBMIT', 'ON_CHANGE']);
export const TriggerSource = enumSet('TriggerSource', [
  'SPREADSHEETS',
  'CLOCK',
  'FORMS',
  'DOCUMENTS',
  'CALENDAR',
]);
export const ProtectionType = enumSet('ProtectionType', ['RANGE', 'SHEET']);
export const WrapStrategy = enumSet('WrapStrategy', ['WRAP', 'OVERFLOW', 'CLIP']);
export const ButtonSet = enumSet('ButtonSet', ['OK', 'OK_CANCEL', 'YES_NO', 'YES_NO_CANCEL']);
export const Button = enumSet('Button', ['CLOSE', 'OK', 'CANCEL', 'YES', 'NO']);
export const DataValidationCriteria = enumSet('DataValidationCriteria', [
  'VALUE_IN_LIST',
  'VALUE_IN_RANGE',
  'NUMBER_BETWEEN',
  'DATE_IS_VALID_DATE',
  'CHECKBOX',
]);
export const ChartType = enumSet('ChartType', [
  'AREA',
  'BAR',
  'COLUMN',
  'LINE',
  'PIE',
  'SCATTER',
  'TABLE',
  'COMBO',
]);
export const DestinationType = enumSet('DestinationType', ['SPREADSHEET']);
export const ItemType = enumSet('ItemType', [
  'CHECKBOX',
  'DATE',
  'DATETIME',
  'LIST',
  'MULTIPLE_CHOICE',
  'PARAGRAPH_TEXT',
  'SCALE',
  'SECTION_HEADER',
  'TEXT',
]);
export const DigestAlgorithm = enumSet('DigestAlgorithm', ['MD5', 'SHA_1', 'SHA_256', 'SHA_512']);
export const Charset = enumSet('Charset', ['US_ASCII', 'UTF_8']);
export const WeekDay = enumSet('WeekDay', [
  'SUNDAY',
  'MONDAY',
  'TUESDAY',
  'WEDNESDAY',
  'THURSDAY',
  'FRIDAY',
  'SATURDAY',
]);
