/**
 * Whether a command is installed (on PATH): the few tests that need a system tool (pdftoppm for
 * pictures of PDF pages, soffice to open a DOCX in LibreOffice) skip where it is missing and say so
 * in their name; `.ci/run` installs them. Reading PDFs back needs no system tool (pdf-text.ts).
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

/**
 * '' where the command is installed, else why a test that needs it skips, to end the test's name
 * with: ` (skipped: pdftoppm is not installed; apt-get install poppler-utils for pictures of the pages)`.
 */
export function skipReason(command: string, debianPackage: string, forWhat: string): string {
  return installed(command) ? '' : ` (skipped: ${command} is not installed; apt-get install ${debianPackage} for ${forWhat})`;
}
