/**
 * Before the tests: dist/ (the compiled command line and server, bin/compiled.js) rebuilt when
 * src/ changed since it was built, so the tests that start `bin/kinerja.js` as a process run the
 * current sources, compiled as a user runs them, and not a rebuild notice or a stale build. In
 * watch mode, again before each rerun.
 */
import type { TestProject } from 'vitest/node';
import { build, staleness } from '../bin/compiled.js';

async function rebuildIfStale(): Promise<void> {
  if (staleness()) await build();
}

export default async function setup(project: TestProject): Promise<void> {
  await rebuildIfStale();
  project.onTestsRerun(rebuildIfStale);
}
