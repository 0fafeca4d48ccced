/**
 * Kinerja's cache folder: files made from npm packages once and read by programs that need them
 * on disk (the Chromium of @sparticuz/chromium unpacked, the report fonts as TrueType for resvg).
 * `$XDG_CACHE_HOME/kinerja`, else `~/.cache/kinerja`, else (no writable home) a folder of this
 * user's in the temporary directory, else one of the process's own there. Each entry's name carries the version of what made it.
 */
import { accessSync, constants, mkdirSync, mkdtempSync, statSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';

let base: string | undefined;

/** Whether the folder is there (made if need be), writable, and this user's (an executable is run from it). */
function usable(dir: string): boolean {
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    accessSync(dir, constants.W_OK);
    const uid = process.getuid?.();
    return uid === undefined || statSync(dir).uid === uid;
  } catch {
    return false;
  }
}

/** The cache folder's path for `name` (not created). */
export function cacheDir(name: string, env: NodeJS.ProcessEnv = process.env): string {
  if (!base) {
    const home = env['XDG_CACHE_HOME'] || join(homedir(), '.cache');
    const candidate = join(home, 'kinerja');
    const fallback = join(tmpdir(), `kinerja-cache-${process.getuid?.() ?? 'user'}`);
    // neither usable (the shared one made by another user): a new folder of this process's own
    base = usable(candidate) ? candidate : usable(fallback) ? fallback : mkdtempSync(join(tmpdir(), 'kinerja-cache-'));
  }
  return join(base, name);
}
