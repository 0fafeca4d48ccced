#!/usr/bin/env -S node --max-semi-space-size=1
// Entry point of `npx kinerja`: runs the TypeScript command line through tsx's loader,
// so the installed command always runs the current sources (no separate build step).
// `--max-semi-space-size=1` keeps V8's young generation at 1 MB per half (16 by default): a
// short-lived command then holds less garbage, 35–45 MB less at its peak for a PDF or DOCX
// (bench/peak-memory.ts), at no cost in time seen in the report bench.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
