import type { Command } from 'commander';
import { langOf, type Lang, type Localized, type Text } from '../core/findings.js';

/** The command line's connection to the outside world, passed in so tests can run commands in-process. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  /** colour the human-readable output (a terminal without NO_COLOR) */
  color: boolean;
  env: Record<string, string | undefined>;
  cwd: string;
  /** the command running (set before its action): named to another process refused by the database's lock */
  command?: string;
  /** the language chosen (`--lang`, else `KINERJA_LANG`), set before the command's action */
  lang?: Lang;
}

export function processIo(): CliIo {
  const env = process.env;
  const color = Boolean(process.stdout.isTTY) && !('NO_COLOR' in env) && env.TERM !== 'dumb';
  return {
    out: (t) => process.stdout.write(t),
    err: (t) => process.stderr.write(t),
    color: color || env.FORCE_COLOR === '1',
    env,
    cwd: process.cwd(),
  };
}

/** The language findings and errors are printed in: `--lang`, else `KINERJA_LANG`, else Indonesian. */
export function cliLang(program: Command, io: CliIo): Lang {
  const flag = program.opts<{ lang?: string }>().lang;
  return langOf(flag ?? io.env.KINERJA_LANG);
}

/** A message in the command's language. */
export function inLang(io: CliIo, t: Text): string {
  return (io.lang ?? langOf(io.env.KINERJA_LANG)) === 'en' ? t.en : t.id;
}

/** Exit codes of every command (README, "Command line"). */
export const EXIT = {
  ok: 0,
  /** the dataset is invalid, or the command failed (the reason is on standard error) */
  failed: 1,
  /** the command line itself is wrong (unknown command or option, missing argument) */
  usage: 2,
} as const;

/**
 * A failure the command reports on standard error and exits with: in English and Indonesian
 * (`text(en, id)`), printed in the command's language; a plain string is printed as it is.
 */
export class CliError extends Error {
  readonly localized: Localized | undefined;
  constructor(
    message: string | Text,
    readonly exitCode: number = EXIT.failed,
  ) {
    super(typeof message === 'string' ? message : message.en);
    this.localized = typeof message === 'string' ? undefined : { id: message.id };
  }
}
