#!/usr/bin/env node
// Entry point of `npx kinerja`: runs the TypeScript command line through tsx's loader,
// so the installed command always runs the current sources (no separate build step).
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
