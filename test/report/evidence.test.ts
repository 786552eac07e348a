/**
 * The evidence bundle of the recorded demo result (on a temporary copy of its folder): the journey as
 * measured and as GDSL, the results screenshot, one screenshot per step, a manifest whose hashes match
 * the files, a zip of them all; missing parts recorded with their reason; no secret anywhere.
 */
import { cp, mkdtemp, readdir, readFile, rm, symlink, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { unzipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pngSize } from '../../src/browser/render-png.js';
import { parseJourney } from '../../src/journey/load.js';
import { isAttested } from '../../src/journey/gdsl.js';
import { gdslFromRedactedSource, sha256, stepScreenshotPath, writeEvidence, type EvidenceManifest, type SummaryPngRenderer } from '../../src/output/evidence.js';
import { readResult } from '../../src/output/result-file.js';
import type { Result } from '../../src/model/result.js';

const FIXTURE_DIR = 'test/fixtures/results/demo-health';
const STEP_FILES = [
  'steps/01-reference.png',
  'steps/02-login-page.png',
  'steps/03-sign-in.png',
  'steps/04-read-dashboard.png',
  'steps/05-open-measures.png',
  'steps/06-scroll-measures.png',
  'steps/07-add-a-measure.png',
  'steps/08-appointments.png',
  'steps/09-health-resources-heavy-page.png',
];

let outDir: string;
let result: Result;
/** The recorded journey source waits for a text on "open measures", which strict GDSL can write. */
const RECORDED_WAIT = 'waitFor: { text: "Vos relevés de tension artérielle" }';
/** A wait for a CSS selector, which no attested GDSL command expresses (what the 1.x recording had there). */
const SELECTOR_WAIT = 'waitFor: { selector: "#measures" }';

beforeEach(async () => {
  outDir = await mkdtemp(join(tmpdir(), 'ecoscore-evidence-'));
  await cp(FIXTURE_DIR, outDir, { recursive: true });
  result = await readResult(join(outDir, 'result.json'));
  expect(result.journey.source).toContain(RECORDED_WAIT);
});

afterEach(async () => {
  await rm(outDir, { recursive: true, force: true });
});

/** A stand-in for the browser: writes a real PNG (a recorded screenshot) where asked. */
const stubPng: SummaryPngRenderer = async (_html, png) => {
  const bytes = await readFile(join(FIXTURE_DIR, 'screenshots/1/01-reference.png'));
  await writeFile(png, bytes);
  return pngSize(bytes);
};

const readManifest = async (): Promise<EvidenceManifest> => JSON.parse(await readFile(join(outDir, 'evidence/manifest.json'), 'utf8')) as EvidenceManifest;

async function withHtml(): Promise<string> {
  const html = join(outDir, 'report.html');
  await writeFile(html, '<!doctype html><section id="summary">86</section>');
  return html;
}

describe('writeEvidence on the recorded demo result', () => {
  it('writes the journey, its GDSL, the results screenshot, every step screenshot, a manifest and a zip', async () => {
    const evidence = await writeEvidence(result, outDir, { htmlFile: await withHtml(), renderSummaryPng: stubPng, generatedAt: '2026-11-22T08:00:00.000Z' });
    expect(evidence.errors).toEqual([]);
    expect(evidence.zip).toBe(join(outDir, 'evidence/evidence.zip'));
    const manifest = await readManifest();
    expect(manifest.files.map((f) => f.path)).toEqual(['journey.testgb', 'journey.yaml', 'results.png', ...STEP_FILES]);
    expect(manifest.missing).toEqual([]);
    expect(manifest).toMatchObject({
      tool: { name: 'ecoscore' },
      generatedAt: '2026-11-22T08:00:00.000Z',
      journey: { name: result.journey.name, file: 'journeys/demo-health.yaml', sha256: result.journey.sha256 },
      // The recorded fixture's summary (result.json).
      summary: { ecoscore: result.summary.ecoscore, grade: result.summary.grade, status: 'passed' },
    });
    expect(await readFile(join(outDir, 'evidence/journey.yaml'), 'utf8')).toBe(result.journey.source);
    const gdsl = await readFile(join(outDir, 'evidence/journey.testgb'), 'utf8');
    expect(gdsl).toContain('measureStart,CHRGT_HEALTH_RESOURCES_HEAVY_PAGE');
    expect(gdsl).toContain('enterText,${SECRET_1}');
    // Only commands a public Greenspector page attests (strict export).
    const names = gdsl.split('\n').filter((line) => line.trim() !== '' && !line.startsWith('#')).map((line) => line.split(',')[0]);
    expect(names.filter((name) => !isAttested(name))).toEqual([]);
    // The step screenshots are those of the last iteration.
    expect(await readFile(join(outDir, 'evidence/steps/05-open-measures.png'))).toEqual(await readFile(join(outDir, 'screenshots/3/05-open-measures.png')));
  });

  it('records hashes and sizes that match the files on disk, the zip entries and result.json', async () => {
    await writeEvidence(result, outDir, { htmlFile: await withHtml(), renderSummaryPng: stubPng });
    const manifest = await readManifest();
    for (const file of manifest.files) {
      const bytes = await readFile(join(outDir, 'evidence', file.path));
      expect({ path: file.path, sha256: sha256(bytes), size: bytes.byteLength }).toEqual(file);
    }
    const resultBytes = await readFile(join(outDir, 'result.json'));
    expect(manifest.result).toEqual({ file: 'result.json', sha256: sha256(resultBytes), size: resultBytes.byteLength });

    const entries = unzipSync(await readFile(join(outDir, 'evidence/evidence.zip')));
    expect(Object.keys(entries).sort()).toEqual([...manifest.files.map((f) => f.path), 'manifest.json'].sort());
    for (const file of manifest.files) expect(sha256(entries[file.path])).toBe(file.sha256);
    expect(Buffer.from(entries['manifest.json']).toString('utf8')).toBe(await readFile(join(outDir, 'evidence/manifest.json'), 'utf8'));
  });

  it('a rerun removes the files of the earlier bundle, deletes nothing it did not write and packs only what it wrote', async () => {
    await writeFile(join(outDir, 'stale.txt'), 'x');
    await writeEvidence(result, outDir, { htmlFile: await withHtml(), renderSummaryPng: stubPng });
    expect((await readManifest()).files.map((f) => f.path)).toContain('results.png');
    await writeFile(join(outDir, 'evidence/notes-of-the-publisher.txt'), 'mine');
    // The second bundle has no results.png: the first one's must not linger.
    await writeEvidence(result, outDir, {});
    const manifest = await readManifest();
    const onDisk = (await readdir(join(outDir, 'evidence'), { recursive: true, withFileTypes: true }))
      .filter((entry) => entry.isFile())
      .map((entry) => join(entry.parentPath, entry.name).slice(join(outDir, 'evidence').length + 1).split('\\').join('/'))
      .sort();
    expect(onDisk).toEqual([...manifest.files.map((f) => f.path), 'evidence.zip', 'manifest.json', 'notes-of-the-publisher.txt'].sort());
    expect(await readFile(join(outDir, 'evidence/notes-of-the-publisher.txt'), 'utf8')).toBe('mine');
    expect(await readFile(join(outDir, 'stale.txt'), 'utf8')).toBe('x');
    const zipped = Object.keys(unzipSync(new Uint8Array(await readFile(join(outDir, 'evidence/evidence.zip')))));
    expect(zipped).not.toContain('notes-of-the-publisher.txt');
    expect(zipped).not.toContain('results.png');
  });
});

describe('writeEvidence when parts are missing', () => {
  it('records a missing step screenshot in `missing` and writes everything else', async () => {
    await unlink(join(outDir, 'screenshots/3/05-open-measures.png'));
    const evidence = await writeEvidence(result, outDir, { htmlFile: await withHtml(), renderSummaryPng: stubPng });
    expect(evidence.zip).not.toBeNull();
    const manifest = await readManifest();
    expect(manifest.missing).toEqual([{ path: 'steps/05-open-measures.png', reason: expect.stringContaining('screenshots/3/05-open-measures.png not found') }]);
    expect(manifest.files.map((f) => f.path)).toEqual(['journey.testgb', 'journey.yaml', 'results.png', ...STEP_FILES.filter((p) => !p.startsWith('steps/05'))]);
  });

  it('says why there is no results.png when no renderer is given, or when rendering fails', async () => {
    await writeEvidence(result, outDir, {});
    expect((await readManifest()).missing).toEqual([{ path: 'results.png', reason: expect.stringContaining('no renderer') }]);

    const failing: SummaryPngRenderer = async () => {
      throw new Error('Chromium crashed');
    };
    const evidence = await writeEvidence(result, outDir, { htmlFile: await withHtml(), renderSummaryPng: failing });
    expect((await readManifest()).missing).toEqual([{ path: 'results.png', reason: 'the results screenshot failed: Chromium crashed' }]);
    expect(evidence.errors).toEqual([{ file: join(outDir, 'evidence/results.png'), message: 'Chromium crashed' }]);
    expect((await readdir(join(outDir, 'evidence'))).filter((name) => name.includes('results'))).toEqual([]);
  });

  it('says so when the result has no journey source, rather than inventing one', async () => {
    delete result.journey.source;
    await writeEvidence(result, outDir, {});
    const manifest = await readManifest();
    expect(manifest.missing.map((m) => m.path)).toEqual(['journey.yaml', 'journey.testgb', 'results.png']);
    expect(manifest.missing[0].reason).toContain('no journey source');
  });

  it('writes no GDSL rather than commands no public page attests, and says which step and action stopped it', async () => {
    // Synthetic: the recorded source with its text wait replaced by a CSS-selector wait.
    result.journey.source = result.journey.source!.replace(RECORDED_WAIT, SELECTOR_WAIT);
    expect(result.journey.source).toContain(SELECTOR_WAIT);
    await writeEvidence(result, outDir, {});
    const manifest = await readManifest();
    expect(manifest.files.map((f) => f.path)).not.toContain('journey.testgb');
    expect(manifest.missing.find((m) => m.path === 'journey.testgb')?.reason).toMatch(
      /steps\[4\]\.actions\[1\]: step "open measures", action \{"waitFor":\{"selector":"#measures"\}\} has no attested GDSL equivalent/,
    );
  });

  it('records why the GDSL could not be written and goes on', async () => {
    result.journey.source = 'name: broken\nsteps: 3\n';
    await writeEvidence(result, outDir, {});
    const manifest = await readManifest();
    expect(manifest.files.map((f) => f.path)).toContain('journey.yaml');
    expect(manifest.missing.find((m) => m.path === 'journey.testgb')?.reason).toMatch(/^the journey could not be converted to GDSL: journeys\/demo-health\.yaml:\d+: /);
    expect(manifest.files).toHaveLength(1 + STEP_FILES.length);
  });

  it('does not copy a screenshot path that leaves the result folder, nor a step that has none', async () => {
    result.steps[0].screenshot = '../../../etc/passwd';
    result.steps[1].screenshot = null;
    result.steps[1].status = 'skipped';
    await writeEvidence(result, outDir, {});
    const missing = (await readManifest()).missing;
    expect(missing).toContainEqual({ path: 'steps/01-reference.png', reason: expect.stringContaining('outside the result folder') });
    expect(missing).toContainEqual({ path: 'steps/02-login-page.png', reason: 'the step was not run' });
  });

  it('does not follow a screenshot that is a symbolic link, even to a file inside the folder', async () => {
    const outside = join(outDir, '..', `${basename(outDir)}-outside.txt`);
    await writeFile(outside, 'the CI runner\'s private key');
    try {
      await unlink(join(outDir, result.steps[0].screenshot!));
      await symlink(outside, join(outDir, result.steps[0].screenshot!));
      await unlink(join(outDir, result.steps[1].screenshot!));
      await symlink(join(outDir, result.steps[2].screenshot!), join(outDir, result.steps[1].screenshot!));
      await writeEvidence(result, outDir, {});
      const manifest = await readManifest();
      expect(manifest.files.map((f) => f.path)).not.toContain('steps/01-reference.png');
      expect(manifest.files.map((f) => f.path)).not.toContain('steps/02-login-page.png');
      expect(manifest.missing.find((m) => m.path === 'steps/01-reference.png')?.reason).toContain('symbolic link');
      expect(manifest.missing.find((m) => m.path === 'steps/02-login-page.png')?.reason).toContain('symbolic link');
      const zipped = unzipSync(new Uint8Array(await readFile(join(outDir, 'evidence/evidence.zip'))));
      for (const bytes of Object.values(zipped)) expect(Buffer.from(bytes).includes('private key')).toBe(false);
    } finally {
      await rm(outside, { force: true });
    }
  });

  it('does not follow a screenshot folder that is a symbolic link', async () => {
    const elsewhere = await mkdtemp(join(tmpdir(), 'ecoscore-elsewhere-'));
    try {
      await cp(join(outDir, 'screenshots/3'), elsewhere, { recursive: true });
      await rm(join(outDir, 'screenshots/3'), { recursive: true });
      await symlink(elsewhere, join(outDir, 'screenshots/3'));
      await writeEvidence(result, outDir, {});
      const manifest = await readManifest();
      const linked = result.steps.filter((step) => step.screenshot?.startsWith('screenshots/3/'));
      expect(linked.length).toBeGreaterThan(0);
      for (const [index, step] of result.steps.entries()) {
        if (!step.screenshot?.startsWith('screenshots/3/')) continue;
        expect(manifest.missing.find((m) => m.path === stepScreenshotPath(index, step.name))?.reason).toContain('symbolic link');
      }
    } finally {
      await rm(elsewhere, { recursive: true, force: true });
    }
  });

  it('does not pack a step screenshot that is not a PNG file', async () => {
    await writeFile(join(outDir, result.steps[0].screenshot!), 'not an image: a file the result points at');
    await writeEvidence(result, outDir, {});
    expect((await readManifest()).missing.find((m) => m.path === 'steps/01-reference.png')?.reason).toContain('not a PNG');
  });

  it('refuses a result whose screenshot path is another file of the folder', async () => {
    result.steps[0].screenshot = 'result.json';
    await writeEvidence(result, outDir, {});
    expect((await readManifest()).missing.find((m) => m.path === 'steps/01-reference.png')?.reason).toContain('not a screenshots/<iteration>/<name>.png path');
  });

  it('writes no bundle through an evidence folder that is a symbolic link', async () => {
    const elsewhere = await mkdtemp(join(tmpdir(), 'ecoscore-elsewhere-'));
    try {
      await symlink(elsewhere, join(outDir, 'evidence'));
      await expect(writeEvidence(result, outDir, {})).rejects.toThrow('symbolic link');
      expect(await readdir(elsewhere)).toEqual([]);
    } finally {
      await rm(elsewhere, { recursive: true, force: true });
    }
  });

  it('records a missing result.json', async () => {
    await unlink(join(outDir, 'result.json'));
    await writeEvidence(result, outDir, {});
    const manifest = await readManifest();
    expect(manifest.result).toEqual({ file: 'result.json', sha256: null, size: null });
    expect(manifest.missing.map((m) => m.path)).toContain('../result.json');
  });
});

describe('secrets in the evidence', () => {
  const SECRET = 'secret-value-xyz';
  const journeySource = [
    `# The password is ${SECRET} for the demo (a comment the redactor must cover too).`,
    'name: Secret journey',
    'target: { platform: web, url: demo }',
    'device: mid-range-phone',
    'network: wifi',
    'steps:',
    '  - { name: reference, type: reference, duration: 5s }',
    '  - name: sign in',
    '    type: load',
    '    actions:',
    '      - goto: /',
    `      - fill: { label: "Mot de passe", value: ${SECRET}, secret: true }`,
    `      - fill: { label: "Code", value: "\${env:APP_CODE:-${SECRET}}" }`,
    '      - waitFor: { text: "Tableau de bord" }',
    '',
  ].join('\n');

  it('never writes the secret: not in the journey, its GDSL, the manifest, nor inside the zip', async () => {
    const loaded = parseJourney(journeySource, 'secret.yaml', { env: {} });
    const redacted = loaded.source;
    expect(redacted).not.toContain(SECRET);
    expect(redacted).toContain('value: "[secret]", secret: true');
    expect(redacted).toContain('value: "${env:APP_CODE:-[secret]}"');
    result.journey = { name: 'Secret journey', file: 'secret.yaml', sha256: loaded.sha256, source: redacted };

    await writeEvidence(result, outDir, { htmlFile: await withHtml(), renderSummaryPng: stubPng });
    const manifest = await readManifest();
    expect(manifest.missing).toEqual([]);
    const gdsl = await readFile(join(outDir, 'evidence/journey.testgb'), 'utf8');
    expect(gdsl).toContain('enterText,${SECRET_1}');

    const files = (await readdir(join(outDir, 'evidence'), { recursive: true, withFileTypes: true })).filter((entry) => entry.isFile());
    expect(files.length).toBeGreaterThan(10);
    for (const entry of files) {
      const bytes = await readFile(join(entry.parentPath, entry.name));
      expect(bytes.includes(SECRET), entry.name).toBe(false);
    }
    const entries = unzipSync(await readFile(join(outDir, 'evidence/evidence.zip')));
    for (const [name, bytes] of Object.entries(entries)) expect(Buffer.from(bytes).includes(SECRET), name).toBe(false);
  });

  it('turns a redacted source back into GDSL whatever YAML form the placeholder landed in', () => {
    const redacted = parseJourney(journeySource, 'secret.yaml', { env: {} }).source;
    const gdsl = gdslFromRedactedSource(redacted, 'secret.yaml');
    expect(gdsl).not.toContain('ECOSCORE_REDACTED_SECRET');
    expect(gdsl).toContain('measureStart,CHRGT_SIGN_IN');
    expect(gdsl).not.toContain(SECRET);
  });
});

describe('stepScreenshotPath', () => {
  it('numbers steps from 01 and slugifies their names', () => {
    expect(stepScreenshotPath(0, 'Health resources (heavy page)')).toBe('steps/01-health-resources-heavy-page.png');
    expect(stepScreenshotPath(11, 'Évaluer <img src=x>')).toBe('steps/12-evaluer-img-src-x.png');
  });
});
