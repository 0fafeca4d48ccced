#!/usr/bin/env -S node --max-semi-space-size=1 --liftoff-only
// Entry point of `npx kinerja`: runs the compiled command line (dist/cli/main.js), rebuilt first
// when src/ changed since it was built, or the TypeScript sources through tsx where it cannot be
// built (bin/compiled.js).
// `--max-semi-space-size=1` keeps V8's young generation at 1 MB per half (16 by default): a
// short-lived command then holds less garbage, 35–45 MB less at its peak for a PDF or DOCX
// (bench/peak-memory.ts), at no cost in time seen in the report bench.
// `--liftoff-only` runs the embedded database's WebAssembly (PGlite) with V8's baseline compiler
// only, never optimized by TurboFan: a command that opens the database peaks 60–80 MB lower
// (`kinerja register import` of a header alone: 150–167 MB instead of 227–232 MB), and its
// database work takes about 1,4× as long (the 300.000-row import: 17 s instead of 14,6 s). The
// server (bin/server.js), which runs for long, keeps the optimizing compiler.
import { loadEntry } from './compiled.js';

// A reader that stops reading (`kinerja export --agency X | head -1`) closes the pipe: writing to it
// fails with EPIPE. The command then ends quietly (the rest of its output has no reader), with its
// own exit code, instead of dying of an unhandled 'error' event with a stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e) => {
    if (e.code !== 'EPIPE') throw e;
  });
}

const { main } = await loadEntry('cli/main');
process.exitCode = await main(process.argv.slice(2));
