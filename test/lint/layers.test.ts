/**
 * The layer rules (`.dependency-cruiser.cjs`, enforced by `npm run lint`) really catch violations: a fixture tree
 * that breaks each rule must be reported, and the project's own sources must pass.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const depcruise = resolve('node_modules/.bin/depcruise');
const config = resolve('.dependency-cruiser.cjs');

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

  it('keep process.exit out of the library (only the CLI decides how the process ends)', () => {
    const offenders = filesUnder('src')
      .filter((file) => file.endsWith('.ts') && !file.startsWith(join('src', 'cli')))
      .filter((file) => /process\.exit\(/.test(readFileSync(file, 'utf8')));
    expect(offenders).toEqual([]);
  });
});
