/**
 * Writes the generated table of GDSL commands into docs/gdsl.md (between its gdsl-commands markers),
 * from src/journey/gdsl/commands.ts. Run with `npm run docs:gdsl`; test/journey/gdsl-public.test.ts fails
 * when the doc is out of date.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { withGeneratedTable } from '../src/journey/gdsl/doc-table.js';

const file = new URL('../docs/gdsl.md', import.meta.url);
const before = readFileSync(file, 'utf8');
const after = withGeneratedTable(before);
if (after !== before) writeFileSync(file, after);
process.stdout.write(after === before ? 'docs/gdsl.md is up to date\n' : 'docs/gdsl.md: command table rewritten\n');
