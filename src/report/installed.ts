/**
 * Whether a command is installed (on PATH): the tests that read generated files back with a
 * system tool (pdftotext, soffice) skip where it is missing, and say so; `.ci/run` installs them.
 */
import { execFileSync } from 'node:child_process';

export function installed(command: string): boolean {
  try {
    execFileSync('sh', ['-c', 'command -v "$0"', command], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
