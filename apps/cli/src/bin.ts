#!/usr/bin/env node
// First: relaxed SIMD on (Node 20) before anything compiles WebAssembly.
import '@epochlab/train/enable-relaxed-simd';
import { main } from './main.js';

// A reader that stops early (`epochlab list | head -1`) closes stdout: like other command-line
// tools, drop the rest of the output quietly and let the command finish, instead of a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
});

process.exitCode = await main(process.argv.slice(2));
