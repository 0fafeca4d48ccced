/**
 * The npm Chromium unpacked into Kinerja's cache: by two processes at once (as vitest's forks or
 * two commands do at a first use), each ends with a whole, working browser and no leftovers.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { chooseChromium } from './chromium.js';

const run = promisify(execFile);
const repo = fileURLToPath(new URL('../../', import.meta.url));
const npmBuild = chooseChromium().kind === 'npm';
const cache = mkdtempSync(join(tmpdir(), 'kinerja-cache-test-'));
afterAll(() => rmSync(cache, { recursive: true, force: true }));

describe.skipIf(!npmBuild)(`the npm Chromium${npmBuild ? '' : ' (skipped: it runs on Linux x64 only, or CHROMIUM_PATH is set)'}`, () => {
  it('is unpacked once into an empty cache by two processes at once, and both print with it', async () => {
    const script = `
      import { chooseChromium, chromiumName, launchChromium } from './src/report/chromium.ts';
      const b = await launchChromium({ choice: chooseChromium({}) });
      console.log(chromiumName(chooseChromium({})) + ' ' + b.version());
      await b.close();`;
    const env = { ...process.env, XDG_CACHE_HOME: cache, CHROMIUM_PATH: '' };
    const both = await Promise.all([0, 1].map(() => run(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: repo, env, timeout: 120_000 })));
    for (const r of both) expect(r.stdout.trim()).toMatch(/^@sparticuz\/chromium@\d+\.\d+\.\d+ \d+\.\d+\.\d+\.\d+$/);
    const [dir] = readdirSync(join(cache, 'kinerja'));
    expect(dir).toMatch(/^chromium-\d+\.\d+\.\d+$/);
    const files = readdirSync(join(cache, 'kinerja', dir!));
    expect(files).toEqual(expect.arrayContaining(['chromium', 'lib']));
    expect(files.filter((f) => /tmp|\.d$/.test(f))).toEqual([]); // no half-written copies left
    expect(readdirSync(join(cache, 'kinerja', dir!, 'lib'))).toContain('libnss3.so');
  }, 180_000);
});
