#!/usr/bin/env node
// The `ecoscore` command. From a git checkout it runs the TypeScript sources through tsx (never stale);
// from a published package (no src/) it runs the compiled dist/.
import { existsSync } from 'node:fs';

const source = new URL('../src/cli/main.ts', import.meta.url);
if (existsSync(source)) {
  const { register } = await import('tsx/esm/api');
  register();
  await import(source.href);
} else {
  await import(new URL('../dist/cli/main.js', import.meta.url).href);
}
