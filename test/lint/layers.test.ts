/**
 * The layer rules (`.dependency-cruiser.cjs`, enforced by `npm run lint`) really catch violations: a fixture tree
 * that breaks each rule must be reported, and the project's own sources must pass.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

const depcruise = resolve('node_modules/.bin/depcruise');
const config = resolve('.dependency-cruiser.cjs');
const ALLOWED = createRequire(import.meta.url)(resolve('.dependency-layers.cjs')) as Record<string, { run: string[]; types: string[] }>;

/** A path through the folder graph of ALLOWED that comes back to where it started, or null. */
function folderCycle(graph: Record<string, string[]>): string[] | null {
  const done = new Set<string>();
  const visit = (folder: string, path: string[]): string[] | null => {
    if (path.includes(folder)) return [...path.slice(path.indexOf(folder)), folder];
    if (done.has(folder)) return null;
    for (const next of graph[folder] ?? []) {
      const cycle = visit(next, [...path, folder]);
      if (cycle) return cycle;
    }
    done.add(folder);
    return null;
  };
  for (const folder of Object.keys(graph)) {
    const cycle = visit(folder, []);
    if (cycle) return cycle;
  }
  return null;
}

function lint(cwd: string): { status: number | null; output: string } {
  const run = spawnSync(depcruise, ['src', '--config', config, '--output-type', 'err'], { cwd, encoding: 'utf8' });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

describe('layer boundaries', () => {
  it('report every broken rule in a tree that breaks them', () => {
    const { status, output } = lint(resolve('test/fixtures/layers'));
    expect(status).not.toBe(0);
    expect(output).toContain('methodology-no-io: src/methodology/impure.ts → fs');
    expect(output).toContain('methodology-is-pure: src/methodology/impure.ts → src/drivers/driver.ts');
    // Of shared/, methodology/ takes the pure stats.ts only (pure.ts imports it and is not reported).
    expect(output).toContain('methodology-shared-stats-only: src/methodology/impure.ts → src/shared/input-file.ts');
    expect(output).not.toContain('src/methodology/pure.ts → src/shared/stats.ts');
    expect(output).toContain('collectors-do-not-score: src/drivers/driver.ts → src/methodology/pure.ts');
    expect(output).toContain('report-reads-results-only: src/report/html.ts → src/drivers/driver.ts');
    expect(output).toContain('report-renders-only: src/report/writes.ts → fs');
    expect(output).toContain('library-does-not-import-cli: src/report/html.ts → src/cli/main.ts');
    // The per-folder allowlist: an edge no folder declared, a folder that declares nothing, code where only types may go.
    expect(output).toContain('allowlist-report: src/report/html.ts → src/drivers/driver.ts');
    expect(output).toContain('allowlist-drivers: src/drivers/driver.ts → src/methodology/pure.ts');
    expect(output).toContain('allowlist-every-folder: src/newfolder/orphan.ts → src/report/html.ts');
    expect(output).toContain('allowlist-probes-types-only: src/probes/probe.ts → src/model/result.ts');
    expect(output).toContain('allowlist-model: src/model/leak.ts → src/report/html.ts');
  }, 60_000);

  it('hold for the project itself', () => {
    const { status, output } = lint(resolve('.'));
    expect(output).not.toContain('error');
    expect(status).toBe(0);
  }, 60_000);

  it('allow no folder cycle, list every folder of src/, and are the table of docs/architecture.md', () => {
    const graph = Object.fromEntries(Object.entries(ALLOWED).map(([folder, { run, types }]) => [folder, [...run, ...types]]));
    expect(folderCycle(graph)).toBeNull();
    expect(folderCycle({ ...graph, model: ['report'] }), 'the check finds a cycle when there is one').not.toBeNull();
    const folders = readdirSync('src').filter((name) => statSync(join('src', name)).isDirectory());
    expect(Object.keys(ALLOWED).sort()).toEqual(folders.sort());
    const doc = readFileSync('docs/architecture.md', 'utf8');
    const list = (names: string[]) => (names.length === 0 ? '—' : [...names].sort().join(', '));
    for (const [folder, { run, types }] of Object.entries(ALLOWED)) {
      const row = doc.split('\n').find((line) => line.startsWith(`| \`${folder}/\` |`));
      expect(row, `docs/architecture.md has a row for ${folder}/`).toBeDefined();
      const cells = row!.split(' | ').map((cell) => cell.replace(/\s*\|\s*$/, '').trim());
      // Run-time cell: folder names, possibly with a note in parentheses (`shared (`stats.ts` only)`).
      const runCell = cells.at(-2)!.replace(/\s*\([^)]*\)/g, '');
      expect(runCell, `${folder}/ run-time imports in docs/architecture.md`).toBe(list(run));
      expect(cells.at(-1), `${folder}/ type-only imports in docs/architecture.md`).toBe(list(types));
    }
  });

  it('keep process.exit out of the library (only the CLI decides how the process ends)', () => {
    const offenders = filesUnder('src')
      .filter((file) => file.endsWith('.ts') && !file.startsWith(join('src', 'cli')))
      .filter((file) => /process\.exit\(/.test(readFileSync(file, 'utf8')));
    expect(offenders).toEqual([]);
  });
});
