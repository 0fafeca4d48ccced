/**
 * The command line's help in the user's language: Indonesian unless English is chosen
 * (`--lang en` anywhere on the line, else KINERJA_LANG=en). The language is read from the
 * arguments before commander parses them, since commander prints the help while parsing.
 * Descriptions are written in both languages where each command is defined (`t(en, id)`);
 * commander's own words (headings, "choices", "default", the help option, its errors about the
 * command line itself) are given here.
 */
import type { Command, Help, Option } from 'commander';
import { langOf, type Lang } from '../core/findings.js';

/** A description in the help's language. */
export type HelpText = (en: string, id: string) => string;

export function helpText(lang: Lang): HelpText {
  return (en, id) => (lang === 'en' ? en : id);
}

/** `--lang X` or `--lang=X` on the command line (the last one wins, as commander takes it), else KINERJA_LANG. */
export function helpLang(argv: readonly string[], env: Record<string, string | undefined>): Lang {
  let flag: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') break; // what follows is arguments, not options
    if (a === '--lang') flag = argv[i + 1];
    else if (a.startsWith('--lang=')) flag = a.slice('--lang='.length);
  }
  return langOf(flag ?? env.KINERJA_LANG);
}

const TITLES: Readonly<Record<string, string>> = {
  'Usage:': 'Penggunaan:',
  'Arguments:': 'Argumen:',
  'Options:': 'Opsi:',
  'Global Options:': 'Opsi umum:',
  'Commands:': 'Perintah:',
};

/** Commander's errors about the command line (commander 14's wording), in Indonesian; anything else as it is. */
const ERRORS: ReadonlyArray<readonly [RegExp, (m: RegExpMatchArray) => string]> = [
  [/^error: unknown option '(.*?)'/, (m) => `galat: opsi '${m[1]}' tidak dikenal`],
  [/^error: unknown command '(.*?)'/, (m) => `galat: perintah '${m[1]}' tidak dikenal`],
  [/^error: required option '(.*?)' not specified/, (m) => `galat: opsi wajib '${m[1]}' tidak diberikan`],
  [/^error: missing required argument '(.*?)'/, (m) => `galat: argumen wajib '${m[1]}' tidak diberikan`],
  [/^error: option '(.*?)' argument missing/, (m) => `galat: opsi '${m[1]}' memerlukan nilai`],
  [
    /^error: option '(.*?)' argument '(.*?)' is invalid\. Allowed choices are (.*)\./,
    (m) => `galat: nilai '${m[2]}' tidak sah untuk opsi '${m[1]}'; pilihannya: ${m[3]}.`,
  ],
  [
    /^error: too many arguments(?: for '(.*?)')?\. Expected (\d+) arguments? but got (\d+)\./,
    (m) => `galat: terlalu banyak argumen${m[1] ? ` untuk '${m[1]}'` : ''}: diharapkan ${m[2]}, diberikan ${m[3]}.`,
  ],
];

export function commanderErrorIn(lang: Lang, message: string): string {
  if (lang === 'en') return message;
  for (const [pattern, id] of ERRORS) {
    const m = message.match(pattern);
    if (!m) continue;
    const rest = message
      .slice(m[0].length)
      .replace(/\(Did you mean one of (.*)\?\)/, '(Mungkin maksudnya salah satu dari $1?)')
      .replace(/\(Did you mean (.*)\?\)/, '(Mungkin maksudnya $1?)');
    return id(m) + rest;
  }
  return message;
}

/** Commander's own words of the help and its errors in `lang` (subcommands inherit them from `program`). */
export function localizeHelp(program: Command, lang: Lang): void {
  const t = helpText(lang);
  program.helpOption('-h, --help', t('display help for command', 'tampilkan bantuan perintah'));
  program.helpCommand('help [command]', t('display help for command', 'tampilkan bantuan suatu perintah'));
  if (lang === 'en') return;
  const output = program.configureOutput();
  program.configureOutput({ ...output, outputError: (message, write) => write(commanderErrorIn(lang, message)) });
  program.configureHelp({
    styleTitle: (title: string) => TITLES[title] ?? title,
    optionDescription(this: Help, option: Option): string {
      const extra: string[] = [];
      if (option.argChoices) extra.push(`pilihan: ${option.argChoices.map((c) => JSON.stringify(c)).join(', ')}`);
      const shown = option.required || option.optional || (option.isBoolean() && typeof option.defaultValue === 'boolean');
      if (option.defaultValue !== undefined && shown) extra.push(`bawaan: ${option.defaultValueDescription ?? JSON.stringify(option.defaultValue)}`);
      if (option.envVar !== undefined) extra.push(`variabel: ${option.envVar}`);
      return extra.length ? `${option.description ? `${option.description} ` : ''}(${extra.join(', ')})` : option.description;
    },
  });
}
