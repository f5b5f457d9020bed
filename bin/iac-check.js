#!/usr/bin/env node
// Runs the CLI bundle (dist/cli/, written by scripts/bundle.mjs after tsc); `npm ci` builds it through the `prepare` script.
// The tier-up budget is set before the bundle loads (src/cli/tiering.ts says why), hence the dynamic import.
import { tuneTieringForCli } from '../dist/src/cli/tiering.js';

tuneTieringForCli();
const { main } = await import('../dist/cli/main.js');
process.exitCode = await main(process.argv.slice(2));
