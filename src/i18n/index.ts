/**
 * Every user-visible string. Each area of the product owns one file in ./messages that exports an `en`
 * catalog and a `zh` catalog typed against it, so a missing translation is a compile error.
 * Keys are namespaced by area (`menu.setup`, `tickets.status.new`), so area files never collide.
 */

import { ENUMS, type EnumCode, type EnumName } from '../core/enums';
import * as audits from './messages/audits';
import * as calibration from './messages/calibration';
import * as callbacks from './messages/callbacks';
import * as capacity from './messages/capacity';
import * as common from './messages/common';
import * as digest from './messages/digest';
import * as enums from './messages/enums';
import * as escalations from './messages/escalations';
import * as forms from './messages/forms';
import * as health from './messages/health';
import * as identity from './messages/identity';
import * as importing from './messages/import';
import * as inspections from './messages/inspections';
import * as mail from './messages/mail';
import * as menu from './messages/menu';
import * as merits from './messages/merits';
import * as notify from './messages/notify';
import * as panel from './messages/panel';
import * as reliability from './messages/reliability';
import * as reports from './messages/reports';
import * as scheduler from './messages/scheduler';
import * as settings from './messages/settings';
import * as setup from './messages/setup';
import * as sheets from './messages/sheets';
import * as sla from './messages/sla';
import * as store from './messages/store';
import * as tickets from './messages/tickets';

export type Lang = 'zh-CN' | 'en';
export const LANGS: readonly Lang[] = ['zh-CN', 'en'];

type Merged<T extends readonly object[]> = T extends readonly [
  infer First,
  ...infer Rest extends readonly object[],
]
  ? First & Merged<Rest>
  : unknown;

/**
 * The area catalogs merged into one lookup table. Apps Script evaluates the bundle afresh in every
 * execution, so this runs each time: copying into a prototype-less object (a hash table from the start)
 * takes a few milliseconds less than an object spread of thousands of keys, which builds a new hidden
 * class per key.
 */
function dictionary<T extends readonly object[]>(...parts: T): Merged<T> {
  return Object.assign(Object.create(null) as object, ...parts) as Merged<T>;
}

const en = dictionary(
  common.en,
  enums.en,
  menu.en,
  sheets.en,
  settings.en,
  setup.en,
  forms.en,
  tickets.en,
  notify.en,
  sla.en,
  scheduler.en,
  digest.en,
  callbacks.en,
  reports.en,
  health.en,
  inspections.en,
  audits.en,
  panel.en,
  importing.en,
  reliability.en,
  calibration.en,
  merits.en,
  capacity.en,
  identity.en,
  mail.en,
  escalations.en,
  store.en,
);

export type MessageKey = keyof typeof en;

const zh: Record<MessageKey, string> = dictionary(
  common.zh,
  enums.zh,
  menu.zh,
  sheets.zh,
  settings.zh,
  setup.zh,
  forms.zh,
  tickets.zh,
  notify.zh,
  sla.zh,
  scheduler.zh,
  digest.zh,
  callbacks.zh,
  reports.zh,
  health.zh,
  inspections.zh,
  audits.zh,
  panel.zh,
  importing.zh,
  reliability.zh,
  calibration.zh,
  merits.zh,
  capacity.zh,
  identity.zh,
  mail.zh,
  escalations.zh,
  store.zh,
);

export const CATALOGS: Record<Lang, Record<MessageKey, string>> = { en, 'zh-CN': zh };

/** Translates `key`, replacing `{name}` placeholders with params. */
export function t(lang: Lang, key: MessageKey, params?: Record<string, string | number>): string {
  const template = CATALOGS[lang][key];
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (match, name: string) =>
    name in params ? String(params[name]) : match,
  );
}

/** Both languages' text for a key: code that reads user input accepts either. */
export function bothLanguages(key: MessageKey): [string, string] {
  return [en[key], zh[key]];
}

/** zh-CN when the spreadsheet locale starts with `zh`, else en (SPEC §1). */
export function langFromLocale(locale: string): Lang {
  return locale.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

export function isLang(value: string): value is Lang {
  return (LANGS as readonly string[]).includes(value);
}

/** The label of an enum code in a language (`enum.<name>.<code>`). */
export function enumLabel<N extends EnumName>(lang: Lang, name: N, code: EnumCode<N>): string {
  return t(lang, `enum.${name}.${code}` as MessageKey);
}

/** Every label of an enum, in the order of its codes: the choices of a form question or dropdown. */
export function enumLabels(lang: Lang, name: EnumName): string[] {
  return (ENUMS[name] as readonly string[]).map((code) => t(lang, `enum.${name}.${code}` as MessageKey));
}
