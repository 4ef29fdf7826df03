/**
 * Reading a form response by question title. Google gives every response-sheet column of a title: a
 * question re-created by an older setup left a second column with the same title (the old one empty for
 * new responses). The answer is the first non-empty column among the titles of either language — never
 * the columns joined (that produced "Customer: , Ann" and unknown channels).
 */
import { LANGS, type Lang } from '../i18n';

export function firstAnswer(values: readonly string[] | undefined): string | undefined {
  if (values === undefined) return undefined;
  for (const value of values) if (String(value).trim() !== '') return String(value);
  return values.length > 0 ? '' : undefined;
}

/** Answers by question key, from titles of any language (a form may predate a language switch). */
export function answersByKey<K extends string>(
  namedValues: Record<string, string[]>,
  keys: readonly K[],
  titleOf: (lang: Lang, key: K) => string,
): Partial<Record<K, string>> {
  const answers: Partial<Record<K, string>> = {};
  for (const key of keys) {
    const values = LANGS.flatMap((lang) => namedValues[titleOf(lang, key)] ?? []);
    const answer = firstAnswer(LANGS.some((lang) => namedValues[titleOf(lang, key)]) ? values : undefined);
    if (answer !== undefined) answers[key] = answer;
  }
  return answers;
}

/** The same question's title in the languages other than `lang`. */
export function aliasesOf<K extends string>(
  lang: Lang,
  key: K,
  titleOf: (lang: Lang, key: K) => string,
): string[] {
  return LANGS.filter((other) => other !== lang).map((other) => titleOf(other, key));
}
