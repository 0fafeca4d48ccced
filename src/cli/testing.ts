/**
 * For the command line's tests: run `main` in this process with a captured output, no colour,
 * and the environment and working directory given (read when the command runs).
 */
import type { CliIo } from './io.js';
import { main } from './main.js';

export interface Ran {
  code: number;
  out: string;
  err: string;
}

export async function runCli(argv: string[], where: { env: Record<string, string | undefined>; cwd: string }): Promise<Ran> {
  let out = '';
  let err = '';
  const io: CliIo = { out: (t) => (out += t), err: (t) => (err += t), color: false, env: where.env, cwd: where.cwd };
  const code = await main(argv, io);
  return { code, out, err };
}
