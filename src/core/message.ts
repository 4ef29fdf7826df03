/**
 * Words for a person, not yet in any language: core returns these, and jobs render them with
 * `render` (src/i18n/render.ts) in the sheet's language. Core never renders text itself.
 */
import type { MessageKey } from '../i18n';

/** A catalog message, its params rendered first when they are messages themselves. */
export interface KeyedMessage {
  key: MessageKey;
  params?: Readonly<Record<string, MessageParam>>;
}

/** Parts shown one after another, with a separator between them (a catalog message, or literal text). */
export interface ListMessage {
  list: readonly MessageParam[];
  separator: MessageParam;
}

export type Message = KeyedMessage | ListMessage;

/** Literal text and numbers are shown as they are (dates, IDs, what a person typed). */
export type MessageParam = string | number | Message;

export function message(key: MessageKey, params?: Readonly<Record<string, MessageParam>>): KeyedMessage {
  return params ? { key, params } : { key };
}

export function list(parts: readonly MessageParam[], separator: MessageParam): ListMessage {
  return { list: parts, separator };
}

/**
 * Every text a person may type for a catalog key, in any language (i18n's `bothLanguages`): what core
 * needs to read labels typed in either language without importing the catalogs.
 */
export type Labels = (key: MessageKey) => readonly string[];
