/**
 * A finding of validation, measurement or review (measurement.md, "Findings").
 *
 * Every finding says what it found twice, side by side where it is made: `message` in English
 * (stable: logs, tests, the English interface) and `localized.id` in Indonesian (what the
 * interface, the command line and the reports show by default). Field paths, ids and values
 * appear verbatim in both. `finding()` takes both texts, so a new finding cannot be written
 * with one language only.
 */
export type Severity = 'error' | 'warning' | 'info';

/** The languages a message is written in: Indonesian first, English on request. */
export type Lang = 'id' | 'en';

/** The texts of a message other than the English `message`. */
export interface Localized {
  /** Indonesian */
  id: string;
}

export interface Finding {
  severity: Severity;
  /** A stable machine-readable code, e.g. `dangling-reference`, `target-differs-from-plan`. */
  code: string;
  /** Where: a path into the document (`agreements[1].rows[3].indicator`) or a reference (`pk-2025/UMM`). */
  where: string;
  /** What was found and, for an error, what was expected — in English. */
  message: string;
  /** The same message in Indonesian (always set by Kinerja; optional for findings read from elsewhere). */
  localized?: Localized;
}

/** A message in both languages, for helpers that build part of one. */
export interface Text {
  en: string;
  id: string;
}

export const text = (en: string, id: string): Text => ({ en, id });

/** A finding, its message in English (`en`) and Indonesian (`id`). */
export function finding(severity: Severity, code: string, where: string, en: string, id: string): Finding {
  return { severity, code, where, message: en, localized: { id } };
}

/** The message of a finding (or of an error carrying `localized`) in a language; English when no Indonesian text is known. */
export function messageIn(lang: Lang, m: { message: string; localized?: Localized | undefined }): string {
  return lang === 'id' ? (m.localized?.id ?? m.message) : m.message;
}

/** The language asked for by a setting such as `KINERJA_LANG` or `--lang`: `en`/`english` → en, anything else → id. */
export function langOf(value: string | undefined): Lang {
  return value !== undefined && /^en(glish|[-_].*)?$/i.test(value.trim()) ? 'en' : 'id';
}

export const hasErrors = (findings: readonly Finding[]): boolean => findings.some((f) => f.severity === 'error');

/**
 * Messages written into a zod schema (`z.string().min(1, zodMessage(en, id))`): zod keeps the
 * English one in its issue; `zodMessageId` gives back the Indonesian one for it.
 */
const ZOD_MESSAGES = new Map<string, string>();
export function zodMessage(en: string, id: string): string {
  ZOD_MESSAGES.set(en, id);
  return en;
}
export const zodMessageId = (en: string): string | undefined => ZOD_MESSAGES.get(en);
