#!/usr/bin/env node
/** `ogone-checkout` command line: `serve` (companion endpoint) and `sandbox` (hosted-page stand-in). */
const [command] = process.argv.slice(2);
process.stderr.write(`ogone-checkout: unknown command ${JSON.stringify(command ?? '')}\n`);
process.exitCode = 2;
