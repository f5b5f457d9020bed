#!/usr/bin/env node
// Runs the CLI bundle (dist/cli/, written by scripts/bundle.mjs after tsc); `npm ci` builds it through the `prepare` script.
import { main } from '../dist/cli/main.js';

process.exitCode = await main(process.argv.slice(2));
