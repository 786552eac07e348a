/**
 * The bad-input corpus (issue 11), table-driven: journeys, campaigns, profiles, scoring, budgets, GDSL,
 * results given to compare, merge, whitelabel and report, and flags. Every case runs the real CLI and
 * asserts the exit code (2), a single line on standard error naming the file, line and field, no stack
 * trace, and that no value of a secret or an environment variable appears anywhere in what was printed,
 * in any encoding — with and without --debug. Inputs are synthetic: written by this file into a
 * temporary folder.
 */
import { readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/program.js';
import { secretForms } from '../../src/journey/secrets.js';

let dir: string;
const baseResult = JSON.parse(readFileSync('test/fixtures/results/compare/base/result.json', 'utf8')) as Record<string, unknown>;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ecoscore-corpus-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function cli(args: string[], env: Record<string, string> = {}): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const saved = Object.fromEntries(Object.keys(env).map((key) => [key, process.env[key]]));
  Object.assign(process.env, env);
  try {
    const code = await main(args, { out: (text) => out.push(text), err: (text) => err.push(text), isTTY: false });
    return { code, out: out.join('\n'), err: err.join('\n') };
  } finally {
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  }
}

const JOURNEY_HEAD = 'name: corpus\ntarget: { platform: web, url: demo }\n';
/** A journey with `body` after name and target (line 3 on). */
const journey = (body: string) => `${JOURNEY_HEAD}${body}`;
const STEPS = 'steps:\n  - { name: p, type: pause, duration: 1s }\n';
const action = (yaml: string) => journey(`steps:\n  - name: s\n    type: action\n    actions:\n      - ${yaml}\n`);

/** A result derived from the recorded base result. */
function result(change: (r: Record<string, any>) => void = () => undefined): string {
  const copy = structuredClone(baseResult) as Record<string, any>;
  change(copy);
  return JSON.stringify(copy);
}

/** A shard's campaign.json with the given combinations (ids), each with its own folder when `withFolder`. */
function campaignIndex(ids: string[], sha = 'a'.repeat(64), resultFile?: (id: string) => string | null): string {
  return JSON.stringify({
    schemaVersion: 1,
    tool: { name: 'ecoscore', version: '0.1.0' },
    name: 'corpus',
    file: 'campaign.yaml',
    sha256: sha,
    startedAt: '2026-01-01T00:00:00.000Z',
    finishedAt: '2026-01-01T00:01:00.000Z',
    status: 'passed',
    shard: { index: 1, total: 2 },
    workers: 1,
    iterations: 1,
    combinations: ids.map((id) => ({
      id,
      journey: { name: 'corpus', file: 'j.yaml' },
      device: 'desktop',
      network: 'wifi',
      variant: 'default',
      status: 'passed',
      resultFile: resultFile ? resultFile(id) : `${id}/result.json`,
      iterations: 1,
      ecoscore: 80,
      grade: 'B',
      scores: { energy: 80, performance: 80, data: 80 },
      ecoscoreCv: null,
      totals: { durationMs: 1, bytes: 1, requests: 1, energyMah: 1 },
      footprint: null,
      wallTimeMs: 1,
      parallel: false,
    })),
    warnings: [],
  });
}

const COMBINATION = 'j--desktop--wifi--default';

interface Case {
  name: string;
  /** Files to write, relative to the case's folder. */
  files?: Record<string, string>;
  /** Extra set-up in the case's folder. */
  setup?: (folder: string) => Promise<void>;
  /** Arguments; `@` stands for the case's folder. */
  args: string[];
  env?: Record<string, string>;
  /** The line after `error: ` (`@` = the case's folder), or a pattern of it. */
  message: string | RegExp;
  /** Values that must appear nowhere in the output, in any form (env values are added). */
  secrets?: string[];
}

const cases: Case[] = [
  // ---- journeys: structure and types ----
  { name: 'unknown key with a suggestion', files: { 'j.yaml': action('click: { txt: Ajouter }') }, args: ['validate', '@/j.yaml'], message: '@/j.yaml:7: steps[0].actions[0].click.txt: unknown key, did you mean "text"?' },
  { name: 'wrong type', files: { 'j.yaml': journey(`iterations: three\n${STEPS}`) }, args: ['validate', '@/j.yaml'], message: '@/j.yaml:3: iterations: expected number, got string "three"' },
  { name: 'missing name', files: { 'j.yaml': `target: { platform: web, url: demo }\n${STEPS}` }, args: ['validate', '@/j.yaml'], message: '@/j.yaml:1: name: is required' },
  { name: 'missing target', files: { 'j.yaml': `name: x\n${STEPS}` }, args: ['validate', '@/j.yaml'], message: '@/j.yaml:1: target: is required' },
  { name: 'not a mapping', files: { 'j.yaml': '- a\n- b\n' }, args: ['validate', '@/j.yaml'], message: '@/j.yaml:1: a journey file must be a mapping with name, target and steps' },
  { name: 'an empty file', files: { 'j.yaml': '' }, args: ['validate', '@/j.yaml'], message: '@/j.yaml:1: a journey file must be a mapping with name, target and steps' },
  { name: 'no steps', files: { 'j.yaml': journey('steps: []\n') }, args: ['validate', '@/j.yaml'], message: '@/j.yaml:3: steps: a journey needs at least one step' },
  { name: 'duplicate step names', files: { 'j.yaml': journey('steps:\n  - { name: p, type: pause, duration: 1s }\n  - { name: p, type: pause, duration: 1s }\n') }, args: ['validate', '@/j.yaml'], message: '@/j.yaml:5: steps[1].name: duplicate step name "p" (also steps[0])' },
  { name: 'unknown step type', files: { 'j.yaml': journey('steps:\n  - { name: p, type: wait, duration: 1s }\n') }, args: ['validate', '@/j.yaml'], message: /^@\/j\.yaml:4: steps\[0\]\.type: must be one of "reference", "pause"/ },
  { name: 'a reference step with actions', files: { 'j.yaml': journey('steps:\n  - { name: r, type: reference, actions: [ { goto: / } ] }\n') }, args: ['validate', '@/j.yaml'], message: '@/j.yaml:4: steps[0].actions: a reference step measures an idle blank screen and takes no actions' },
  { name: 'a pause step without duration', files: { 'j.yaml': journey('steps:\n  - { name: p, type: pause }\n') }, args: ['validate', '@/j.yaml'], message: '@/j.yaml:4: steps[0].duration: a pause step needs a duration (e.g. 10s)' },
  { name: 'a load step without actions', files: { 'j.yaml': journey('steps:\n  - { name: l, type: load }\n') }, args: ['validate', '@/j.yaml'], message: '@/j.yaml:4: steps[0].actions: a load step needs at least one action' },
  { name: 'a background step on the web', files: { 'j.yaml': journey('steps:\n  - { name: b, type: background }\n') }, args: ['validate', '@/j.yaml'], message: '@/j.yaml:4: steps[0].type: background steps exist only on mobile targets' },
  { name: 'a mobile action on the web', files: { 'j.yaml': action('launchApp') }, args: ['validate', '@/j.yaml'], message: '@/j.yaml:7: steps[0].actions[0].launchApp: launchApp is a mobile action; web targets cannot perform it' },
  { name: 'an unknown action', files: { 'j.yaml': action('tap: { text: A }') }, args: ['validate', '@/j.yaml'], message: /^@\/j\.yaml:7: steps\[0\]\.actions\[0\]\.tap: unknown key/ },
  { name: 'two actions in one item', files: { 'j.yaml': action('{ goto: /, press: Enter }') }, args: ['validate', '@/j.yaml'], message: '@/j.yaml:7: steps[0].actions[0]: has several actions (goto, press); write one action per list item' },
  { name: 'a click without locator', files: { 'j.yaml': action('click: {}') }, args: ['validate', '@/j.yaml'], message: /^@\/j\.yaml:7: steps\[0\]\.actions\[0\]\.click: needs one locator: text, selector/ },
  { name: 'two locators', files: { 'j.yaml': action('click: { text: A, selector: "#a" }') }, args: ['validate', '@/j.yaml'], message: '@/j.yaml:7: steps[0].actions[0].click: has several locators (text, selector); keep one' },
  { name: 'name without role', files: { 'j.yaml': action('click: { text: A, name: B }') }, args: ['validate', '@/j.yaml'], message: '@/j.yaml:7: steps[0].actions[0].click.name: `name` is only used with `role`' },
  { name: 'an unknown platform', files: { 'j.yaml': `name: x\ntarget: { platform: windows, url: demo }\n${STEPS}` }, args: ['validate', '@/j.yaml'], message: '@/j.yaml:2: target.platform: platform must be one of web, android, ios' },
  { name: 'an empty mask selector', files: { 'j.yaml': journey('steps:\n  - { name: p, type: pause, duration: 1s, mask: [""] }\n') }, args: ['validate', '@/j.yaml'], message: /^@\/j\.yaml:4: steps\[0\]\.mask\[0\]: / },
  { name: 'a __proto__ key', files: { 'j.yaml': journey(`__proto__: { polluted: true }\n${STEPS}`) }, args: ['validate', '@/j.yaml'], message: /^@\/j\.yaml:3: __proto__: unknown key/ },
  { name: 'a YAML syntax error', files: { 'j.yaml': journey('steps: [ { name: p\n') }, args: ['validate', '@/j.yaml'], message: /^@\/j\.yaml:\d+: syntax error: / },
  { name: 'a JSON syntax error', files: { 'j.json': '{ "name": "x" "steps": [] }' }, args: ['validate', '@/j.json'], message: /^@\/j\.json:1: syntax error: / },
  { name: 'a duplicate key', files: { 'j.yaml': journey(`name: again\n${STEPS}`) }, args: ['validate', '@/j.yaml'], message: /^@\/j\.yaml:3: syntax error: / },
  // ---- journeys: bounds ----
  { name: 'duration 1e300', files: { 'j.yaml': journey('steps:\n  - { name: p, type: pause, duration: 1e300 }\n') }, args: ['validate', '@/j.yaml'], message: /^@\/j\.yaml:4: steps\[0\]\.duration: "1e\+300" is longer than 24h/ },
  { name: 'duration 99999999999999999999s', files: { 'j.yaml': journey('steps:\n  - { name: p, type: pause, duration: 99999999999999999999s }\n') }, args: ['validate', '@/j.yaml'], message: '@/j.yaml:4: steps[0].duration: "99999999999999999999s" is longer than 24h, the longest duration a journey may give' },
  { name: 'duration of 25 hours', files: { 'j.yaml': journey('steps:\n  - { name: p, type: pause, duration: 1500m }\n') }, args: ['validate', '@/j.yaml'], message: '@/j.yaml:4: steps[0].duration: "1500m" is longer than 24h, the longest duration a journey may give' },
  { name: 'a negative duration', files: { 'j.yaml': journey('steps:\n  - { name: p, type: pause, duration: -5 }\n') }, args: ['validate', '@/j.yaml'], message: '@/j.yaml:4: steps[0].duration: "-5" is not a duration; write it like 500ms, 10s or 2m' },
  { name: 'timeout 0', files: { 'j.yaml': journey(`timeout: 0\n${STEPS}`) }, args: ['validate', '@/j.yaml'], message: '@/j.yaml:3: timeout: "0" is too short: a timeout is at least 1ms (0 would disable it)' },
  { name: 'a waitFor timeout of 0ms', files: { 'j.yaml': action('waitFor: { text: A, timeout: 0ms }') }, args: ['validate', '@/j.yaml'], message: '@/j.yaml:7: steps[0].actions[0].waitFor.timeout: "0ms" is too short: a timeout is at least 1ms (0 would disable it)' },
  { name: 'iterations 0', files: { 'j.yaml': journey(`iterations: 0\n${STEPS}`) }, args: ['validate', '@/j.yaml'], message: /^@\/j\.yaml:3: iterations: Too small/ },
  { name: 'iterations 101', files: { 'j.yaml': journey(`iterations: 101\n${STEPS}`) }, args: ['validate', '@/j.yaml'], message: /^@\/j\.yaml:3: iterations: Too big/ },
  { name: 'a swipe over the whole screen twice', files: { 'j.yaml': action('swipe: { direction: up, distance: 2 }') }, args: ['validate', '@/j.yaml'], message: /^@\/j\.yaml:7: steps\[0\]\.actions\[0\]\.swipe\.distance: Too big/ },
  { name: 'a scroll of 1e12 pixels', files: { 'j.yaml': action('scroll: { by: 1e12 }') }, args: ['validate', '@/j.yaml'], message: /^@\/j\.yaml:7: steps\[0\]\.actions\[0\]\.scroll\.by: Too big/ },
  { name: 'a file over the size limit', files: { 'j.yaml': journey(`description: "${'x'.repeat(2000)}"\n${STEPS}`) }, env: { ECOSCORE_MAX_INPUT_BYTES: '1000' }, args: ['validate', '@/j.yaml'], message: '@/j.yaml: the journey file is 3 kB, over the 1 kB limit of input files (ECOSCORE_MAX_INPUT_BYTES raises it)' },
  { name: 'a 6 MB journey, over the default limit', setup: (f) => writeFile(join(f, 'big.yaml'), journey(`description: "${'x'.repeat(6 * 1024 * 1024)}"\n${STEPS}`)), args: ['validate', '@/big.yaml'], message: '@/big.yaml: the journey file is 6.0 MB, over the 5.0 MB limit of input files (ECOSCORE_MAX_INPUT_BYTES raises it)' },
  { name: 'a folder given as a journey', setup: (f) => mkdir(join(f, 'folder.yaml')), args: ['validate', '@/folder.yaml'], message: '@/folder.yaml: cannot read the journey file (it is a folder)' },
  { name: 'a missing journey', args: ['validate', '@/none.yaml'], message: '@/none.yaml: cannot read the journey file (no such file)' },
  { name: 'a YAML alias bomb', files: { 'j.yaml': journey(`${STEPS}a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n`) }, args: ['validate', '@/j.yaml'], message: '@/j.yaml:6: cannot be read: its aliases expand to more than 100 copies (a YAML alias bomb?)' },
  // ---- journeys: placeholders and secrets ----
  { name: 'an unset variable', files: { 'j.yaml': action('fill: { label: P, value: "${env:ECOSCORE_CORPUS_UNSET}", secret: true }') }, args: ['validate', '@/j.yaml'], message: '@/j.yaml:7: steps[0].actions[0].fill.value: environment variable ECOSCORE_CORPUS_UNSET is not set (write ${env:ECOSCORE_CORPUS_UNSET:-default} to give a default)' },
  { name: 'an unterminated ${env:', files: { 'j.yaml': action('fill: { label: P, value: "${env:PASSWORD" }') }, args: ['validate', '@/j.yaml'], message: '@/j.yaml:7: steps[0].actions[0].fill.value: a placeholder starts with "${" but never ends with "}" (write $${ for a literal ${)' },
  { name: '${ENV:X} in upper case', files: { 'j.yaml': action('goto: "/${ENV:BASE}"') }, args: ['validate', '@/j.yaml'], message: '@/j.yaml:7: steps[0].actions[0].goto: "${ENV:" is not a placeholder: write ${env:NAME} in lower case' },
  { name: '${env:} without a name', files: { 'j.yaml': action('goto: "/${env:}"') }, args: ['validate', '@/j.yaml'], message: /^@\/j\.yaml:7: steps\[0\]\.actions\[0\]\.goto: "\$\{env:\}" is not a placeholder: a name is letters, digits and _/ },
  { name: 'an unknown placeholder kind', files: { 'j.yaml': action('goto: "/${secret:X}"') }, args: ['validate', '@/j.yaml'], message: /^@\/j\.yaml:7: steps\[0\]\.actions\[0\]\.goto: "\$\{" starts no known placeholder/ },
  { name: 'a secret fill value that is a number', files: { 'j.yaml': action('fill: { label: PIN, value: 482915, secret: true }') }, args: ['validate', '@/j.yaml'], secrets: ['482915'], message: '@/j.yaml:7: steps[0].actions[0].fill.value: expected string, got number (a secret value, not shown)' },
  { name: 'a secret fill value that is a list', files: { 'j.yaml': action('fill: { label: PIN, value: [s3cr3t-in-a-list], secret: true }') }, args: ['validate', '@/j.yaml'], secrets: ['s3cr3t-in-a-list'], message: '@/j.yaml:7: steps[0].actions[0].fill.value: expected string, got a list (a secret value, not shown)' },
  { name: 'an env value as iterations', files: { 'j.yaml': journey(`iterations: "\${env:CORPUS_N}"\n${STEPS}`) }, env: { CORPUS_N: 'twelve-iterations' }, args: ['validate', '@/j.yaml'], message: '@/j.yaml:3: iterations: expected number, got string (the value of ${env:CORPUS_N}, not shown)' },
  { name: 'an env value as device', files: { 'j.yaml': journey(`device: "\${env:CORPUS_DEVICE}"\n${STEPS}`) }, env: { CORPUS_DEVICE: 'secret-phone-model' }, args: ['validate', '@/j.yaml'], message: '@/j.yaml:3: device: the value of ${env:CORPUS_DEVICE} is not a known device profile id' },
  { name: 'an env value as network', files: { 'j.yaml': journey(`network: "\${env:CORPUS_NET}"\n${STEPS}`) }, env: { CORPUS_NET: 'secret-network-name' }, args: ['validate', '@/j.yaml'], message: '@/j.yaml:3: network: the value of ${env:CORPUS_NET} is not a known network profile id' },
  { name: 'an env value as duration', files: { 'j.yaml': journey('steps:\n  - { name: p, type: pause, duration: "${env:CORPUS_MS}" }\n') }, env: { CORPUS_MS: 'forever-and-ever' }, args: ['validate', '@/j.yaml'], message: '@/j.yaml:4: steps[0].duration: (the value of ${env:CORPUS_MS}) is not a duration; write it like 500ms, 10s or 2m' },
  { name: 'an env value as a too long duration', files: { 'j.yaml': journey('steps:\n  - { name: p, type: pause, duration: "${env:CORPUS_MS}" }\n') }, env: { CORPUS_MS: '90000000' }, args: ['validate', '@/j.yaml'], message: '@/j.yaml:4: steps[0].duration: (the value of ${env:CORPUS_MS}) is longer than 24h, the longest duration a journey may give' },
  { name: 'an env value with quotes and backslashes as a step type', files: { 'j.yaml': journey('steps:\n  - { name: p, type: "${env:CORPUS_TYPE}", duration: 1s }\n') }, env: { CORPUS_TYPE: 'ca"na\\ry-type' }, args: ['validate', '@/j.yaml'], message: /^@\/j\.yaml:4: steps\[0\]\.type: must be one of "reference"/ },
  { name: 'an env value in a run that fails on its device', files: { 'j.yaml': journey(`device: "\${env:CORPUS_DEVICE}"\n${STEPS}`) }, env: { CORPUS_DEVICE: 'Mot2passé-device' }, args: ['run', '@/j.yaml', '--out', '@/out', '--no-history'], message: '@/j.yaml:3: device: the value of ${env:CORPUS_DEVICE} is not a known device profile id' },
  { name: 'an env device profile file that is missing', files: { 'j.yaml': journey(`device: "\${env:CORPUS_DEVICE_FILE}"\n${STEPS}`) }, env: { CORPUS_DEVICE_FILE: 'private-device-file.json' }, args: ['validate', '@/j.yaml'], message: /^@\/\[secret\]: cannot read the device profile \(no such file\)$/ },
  // ---- profiles ----
  { name: 'an unknown --device', files: { 'j.yaml': journey(STEPS) }, args: ['run', '@/j.yaml', '--device', 'mid-range-phon', '--out', '@/out', '--no-history'], message: /^--device: unknown device "mid-range-phon" \(did you mean "mid-range-phone"\?\)/ },
  { name: 'an unknown --network', files: { 'j.yaml': journey(STEPS) }, args: ['run', '@/j.yaml', '--network', 'wfii', '--out', '@/out', '--no-history'], message: /^--network: unknown network "wfii" \(did you mean "wifi"\?\)/ },
  { name: 'an unknown device in the journey', files: { 'j.yaml': journey(`device: mid-range-phon\n${STEPS}`) }, args: ['validate', '@/j.yaml'], message: /^@\/j\.yaml:3: device: unknown device "mid-range-phon" \(did you mean "mid-range-phone"\?\); known devices: / },
  { name: 'a device profile that is not JSON', files: { 'j.yaml': journey(`device: phone.json\n${STEPS}`), 'phone.json': '{ nope' }, args: ['validate', '@/j.yaml'], message: /^@\/phone\.json: invalid device profile: / },
  { name: 'a device profile with a 1e300 slowdown', setup: async (f) => {
      const profile = JSON.parse(await readFile('src/profiles/devices/desktop.json', 'utf8')) as Record<string, unknown>;
      await writeFile(join(f, 'phone.json'), JSON.stringify({ ...profile, cpuSlowdownFactor: 1e300 }));
      await writeFile(join(f, 'j.yaml'), journey(`device: phone.json\n${STEPS}`));
    }, args: ['validate', '@/j.yaml'], message: /^@\/phone\.json: invalid device profile: (?!invalid device profile).*cpuSlowdownFactor/ },
  { name: 'a network profile with an unknown key', setup: async (f) => {
      const profile = JSON.parse(await readFile('src/profiles/networks/wifi.json', 'utf8')) as Record<string, unknown>;
      await writeFile(join(f, 'net.json'), JSON.stringify({ ...profile, latncyMs: 5 }));
      await writeFile(join(f, 'j.yaml'), journey(`network: net.json\n${STEPS}`));
    }, args: ['validate', '@/j.yaml'], message: /^@\/net\.json: invalid network profile: / },
  // ---- scoring ----
  { name: 'an invalid scoring profile', files: { 'j.yaml': journey(STEPS) }, args: ['run', '@/j.yaml', '--scoring', 'test/fixtures/scoring/invalid-profile.json', '--out', '@/out', '--no-history'], message: /^test\/fixtures\/scoring\/invalid-profile\.json: invalid scoring profile: version: / },
  { name: 'a missing scoring profile', files: { 'j.yaml': journey(STEPS) }, args: ['run', '@/j.yaml', '--scoring', '@/none.json', '--out', '@/out', '--no-history'], message: '@/none.json: cannot read the scoring profile (no such file)' },
  { name: 'a scoring profile with a syntax error', files: { 'j.yaml': journey(STEPS), 's.yaml': 'id: [x\n' }, args: ['run', '@/j.yaml', '--scoring', '@/s.yaml', '--out', '@/out', '--no-history'], message: /^@\/s\.yaml:\d+: syntax error: / },
  { name: 'a scoring profile alias bomb', files: { 'j.yaml': journey(STEPS), 's.yaml': 'a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\n' }, args: ['run', '@/j.yaml', '--scoring', '@/s.yaml', '--out', '@/out', '--no-history'], message: '@/s.yaml:2: cannot be read: its aliases expand to more than 100 copies (a YAML alias bomb?)' },
  // ---- campaigns ----
  { name: 'a campaign with an unknown key', files: { 'c.yaml': 'name: c\njourneys: [j.yaml]\ndevice: [desktop]\n' }, args: ['run', '@/c.yaml', '--no-history'], message: '@/c.yaml:3: device: unknown key, did you mean "devices"?' },
  { name: 'a campaign without journeys', files: { 'c.yaml': 'name: c\njourneys: []\n' }, args: ['run', '@/c.yaml', '--no-history'], message: '@/c.yaml:2: journeys: a campaign needs at least one journey' },
  { name: 'a campaign with an unknown device', files: { 'c.yaml': 'name: c\njourneys: [j.yaml]\ndevices: [desktp]\n' }, args: ['run', '@/c.yaml', '--no-history'], message: '@/c.yaml:3: devices[0]: unknown device "desktp"; did you mean "desktop"?' },
  { name: 'a campaign variant with a path as name', files: { 'c.yaml': 'name: c\njourneys: [j.yaml]\nvariants: [ { name: "../../etc" } ]\n' }, args: ['run', '@/c.yaml', '--no-history'], message: '@/c.yaml:3: variants[0].name: use letters, digits, dots, dashes and underscores' },
  { name: 'a campaign with iterations 0', files: { 'c.yaml': 'name: c\njourneys: [j.yaml]\niterations: 0\n' }, args: ['run', '@/c.yaml', '--no-history'], message: /^@\/c\.yaml:3: iterations: Too small/ },
  { name: 'a campaign naming a missing journey', files: { 'c.yaml': 'name: c\njourneys: [missing.yaml]\n' }, args: ['run', '@/c.yaml', '--no-history', '--out', '@/out'], message: /^@\/missing\.yaml: cannot read the journey file \(no such file\)$/ },
  { name: '--device with a campaign', files: { 'c.yaml': 'name: c\njourneys: [j.yaml]\n' }, args: ['run', '@/c.yaml', '--device', 'desktop', '--no-history'], message: '--device and --network apply to journeys; set devices and networks in the campaign file @/c.yaml' },
  // ---- budgets ----
  { name: 'a budget with a typo', files: { 'b.yaml': 'steps:\n  sign in: { maxByte: 1 }\n' }, args: ['compare', 'test/fixtures/results/compare/base/result.json', 'test/fixtures/results/compare/head-unchanged/result.json', '--budget', '@/b.yaml'], message: '@/b.yaml:2: steps.sign in.maxByte: unknown key, did you mean "maxBytes"?' },
  { name: 'an empty budget file', files: { 'b.yaml': '# nothing\n' }, args: ['compare', 'test/fixtures/results/compare/base/result.json', 'test/fixtures/results/compare/head-unchanged/result.json', '--budget', '@/b.yaml'], message: '@/b.yaml:1: the budget file is empty: an empty budget would pass everything' },
  { name: 'a budget with no limit', files: { 'b.yaml': 'journey: {}\n' }, args: ['compare', 'test/fixtures/results/compare/base/result.json', 'test/fixtures/results/compare/head-unchanged/result.json', '--budget', '@/b.yaml'], message: '@/b.yaml:1: journey: sets no limit: an empty budget would pass everything' },
  { name: 'a budget of a step with no limit', files: { 'b.yaml': 'journey: { maxBytes: 5MB }\nsteps:\n  sign in: {}\n' }, args: ['compare', 'test/fixtures/results/compare/base/result.json', 'test/fixtures/results/compare/head-unchanged/result.json', '--budget', '@/b.yaml'], message: '@/b.yaml:3: steps.sign in: sets no limit: an empty budget would pass everything' },
  { name: 'a budget of 1e300 bytes', files: { 'b.yaml': 'journey: { maxBytes: 1e300 }\n' }, args: ['compare', 'test/fixtures/results/compare/base/result.json', 'test/fixtures/results/compare/head-unchanged/result.json', '--budget', '@/b.yaml'], message: /^@\/b\.yaml:1: journey\.maxBytes: Too big/ },
  { name: 'a budget of 25 hours', files: { 'b.yaml': 'journey: { maxDurationMs: 1500m }\n' }, args: ['compare', 'test/fixtures/results/compare/base/result.json', 'test/fixtures/results/compare/head-unchanged/result.json', '--budget', '@/b.yaml'], message: '@/b.yaml:1: journey.maxDurationMs: "1500m" is longer than 24h, the longest duration a budget may give' },
  { name: 'a budget naming an unknown step', files: { 'b.yaml': 'steps:\n  sign-in: { maxBytes: 1MB }\n' }, args: ['compare', 'test/fixtures/results/compare/base/result.json', 'test/fixtures/results/compare/head-unchanged/result.json', '--budget', '@/b.yaml'], message: '@/b.yaml: the budget of step "sign-in" cannot be checked: the journey "Demo health app — record a blood pressure measure" has no such step (did you mean "sign in"?)' },
  { name: 'a budget naming only another journey', files: { 'b.yaml': 'journeys:\n  Another journey: { journey: { minEcoscore: 50 } }\n' }, args: ['compare', 'test/fixtures/results/compare/base/result.json', 'test/fixtures/results/compare/head-unchanged/result.json', '--budget', '@/b.yaml'], message: '@/b.yaml: no budget applies to the journey "Demo health app — record a blood pressure measure" (the budget names only "Another journey")' },
  { name: 'a budget with a misspelt journey', files: { 'b.yaml': 'journey: { maxBytes: 6MB }\njourneys:\n  "Demo health app — record a blood pressure measur": { journey: { minEcoscore: 50 } }\n' }, args: ['compare', 'test/fixtures/results/compare/base/result.json', 'test/fixtures/results/compare/head-unchanged/result.json', '--budget', '@/b.yaml'], message: /^@\/b\.yaml: the budget names the journey "Demo health app — record a blood pressure measur", which was not measured \(did you mean/ },
  { name: 'a run budget naming an unknown step, before anything is measured', files: { 'j.yaml': journey(STEPS), 'b.yaml': 'steps:\n  q: { maxBytes: 1MB }\n' }, args: ['run', '@/j.yaml', '--budget', '@/b.yaml', '--out', '@/out', '--no-history'], message: '@/b.yaml: the budget of step "q" cannot be checked: the journey "corpus" has no such step (did you mean "p"?)' },
  { name: 'a run budget naming an unknown journey', files: { 'j.yaml': journey(STEPS), 'b.yaml': 'journey: { maxBytes: 1MB }\njourneys:\n  other: { journey: { maxBytes: 1MB } }\n' }, args: ['run', '@/j.yaml', '--budget', '@/b.yaml', '--out', '@/out', '--no-history'], message: '@/b.yaml: the budget names the journey "other", which was not measured (measured: "corpus")' },
  // ---- GDSL ----
  { name: 'an unknown GDSL command', args: ['gdsl', 'import', 'test/fixtures/gdsl/unknown-command.testgb'], message: 'test/fixtures/gdsl/unknown-command.testgb:7: unknown GDSL command "clikByText"; did you mean "clickByText"?' },
  { name: 'a missing GDSL file', args: ['gdsl', 'import', '@/none.testgb'], message: '@/none.testgb: cannot read the GDSL file (no such file)' },
  { name: 'gdsl export over its own journey', files: { 'x.yaml': journey(STEPS) }, args: ['gdsl', 'export', '@/x.yaml', '--out', '@/x.yaml'], message: '--out @/x.yaml is the input file @/x.yaml: write the output to another file' },
  { name: 'gdsl export over its journey by another path', files: { 'x.yaml': journey(STEPS) }, args: ['gdsl', 'export', '@/x.yaml', '--out', '@/./sub/../x.yaml'], message: '--out @/./sub/../x.yaml is the input file @/x.yaml: write the output to another file' },
  { name: 'gdsl import over its own file', args: ['gdsl', 'import', '@/g.testgb', '--out', '@/g.testgb'], setup: (f) => writeFile(join(f, 'g.testgb'), 'measureStart,X\nmeasureStop\n'), message: '--out @/g.testgb is the input file @/g.testgb: write the output to another file' },
  { name: 'a GDSL file over the size limit', setup: (f) => writeFile(join(f, 'big.testgb'), `# ${'x'.repeat(3000)}\n`), env: { ECOSCORE_MAX_INPUT_BYTES: '2000' }, args: ['gdsl', 'import', '@/big.testgb'], message: '@/big.testgb: the GDSL file is 3 kB, over the 2 kB limit of input files (ECOSCORE_MAX_INPUT_BYTES raises it)' },
  // ---- results: compare ----
  { name: 'compare with a missing result', args: ['compare', 'test/fixtures/results/compare/base/result.json', '@/none.json'], message: '@/none.json: cannot read the result (no such file)' },
  { name: 'compare with a result that is not JSON', files: { 'r.json': '{ nope' }, args: ['compare', 'test/fixtures/results/compare/base/result.json', '@/r.json'], message: /^@\/r\.json: not valid JSON \(/ },
  { name: 'compare with a result of another schema', files: { 'r.json': result((r) => (r.schemaVersion = 99)) }, args: ['compare', 'test/fixtures/results/compare/base/result.json', '@/r.json'], message: /^@\/r\.json: schemaVersion: / },
  { name: 'compare of different journeys', files: { 'r.json': result((r) => (r.journey.name = 'Another journey')) }, args: ['compare', 'test/fixtures/results/compare/base/result.json', '@/r.json'], message: 'compare test/fixtures/results/compare/base/result.json @/r.json: the results are of different journeys ("Demo health app — record a blood pressure measure" and "Another journey"): compare a head with a base of the same journey' },
  { name: 'compare of a head with a removed step', files: { 'r.json': result((r) => (r.steps = r.steps.filter((s: { name: string }) => s.name !== 'health resources (heavy page)'))) }, args: ['compare', 'test/fixtures/results/compare/base/result.json', '@/r.json'], message: 'compare test/fixtures/results/compare/base/result.json @/r.json: the head result has no step "health resources (heavy page)" of the base: a removed step cannot be gated (measure a new base)' },
  { name: 'compare of a head with an added step', files: { 'r.json': result((r) => r.steps.push({ ...r.steps[0], name: 'new step' })) }, args: ['compare', 'test/fixtures/results/compare/base/result.json', '@/r.json'], message: 'compare test/fixtures/results/compare/base/result.json @/r.json: the head result has step(s) "new step" that the base has not: the journeys differ (measure a new base)' },
  { name: 'compare of a head with no steps', files: { 'r.json': result((r) => (r.steps = [])) }, args: ['compare', 'test/fixtures/results/compare/base/result.json', '@/r.json'], message: 'compare test/fixtures/results/compare/base/result.json @/r.json: the head result has no steps: there is nothing to compare' },
  // Synthetic 1.x base: the recorded (2.0.0) base without its methodology version, which counts as 1.0.0.
  { name: 'compare across methodology major versions', files: { 'r.json': result((r) => delete r.environment.methodology.version) }, args: ['compare', '@/r.json', 'test/fixtures/results/compare/base/result.json'], message: 'compare @/r.json test/fixtures/results/compare/base/result.json: the base was scored with methodology 1.0.0 and the head with 2.0.0: scores of different major versions are not comparable (measure a new base, or pass --allow-methodology-change)' },
  { name: 'compare with a result over the size limit', args: ['compare', 'test/fixtures/results/compare/base/result.json', 'test/fixtures/results/compare/head-unchanged/result.json'], env: { ECOSCORE_MAX_INPUT_BYTES: '50000' }, message: /^test\/fixtures\/results\/compare\/base\/result\.json: the result is 1[01]\d kB, over the 49 kB limit of input files/ },
  // ---- results: whitelabel ----
  { name: 'whitelabel of different journeys', files: { 'a.json': result(), 'b.json': result((r) => (r.journey.name = 'Another journey')) }, args: ['whitelabel', 'a=@/a.json', 'b=@/b.json', '--estimate', 'a', '--out', '@/wl'], message: 'whitelabel: variants a and b measure different journeys ("Demo health app — record a blood pressure measure" and "Another journey"); a white-label statement compares one journey across variants' },
  { name: 'whitelabel of variants with different steps', files: { 'a.json': result(), 'b.json': result((r) => r.steps.pop()) }, args: ['whitelabel', 'a=@/a.json', 'b=@/b.json', '--estimate', 'a', '--out', '@/wl'], message: 'whitelabel: variants a and b have different steps; a white-label statement compares the same journey across variants' },
  { name: 'whitelabel with an unknown --estimate', files: { 'a.json': result(), 'b.json': result() }, args: ['whitelabel', 'acme=@/a.json', 'beta=@/b.json', '--estimate', 'acmee', '--out', '@/wl'], message: '--estimate acmee is not one of the measured variants (acme, beta; did you mean acme?): to state the estimate of a service that was not measured, give --rule median or --rule conservative' },
  { name: 'whitelabel writing over an input', setup: async (f) => {
      await mkdir(join(f, 'wl'));
      await writeFile(join(f, 'wl/whitelabel.json'), result());
    }, args: ['whitelabel', 'a=@/wl/whitelabel.json', '--estimate', 'a', '--out', '@/wl'], message: '--out @/wl/whitelabel.json is the input file @/wl/whitelabel.json: write the output to another file' },
  { name: 'whitelabel of a result that is not one', files: { 'a.json': '[]' }, args: ['whitelabel', 'a=@/a.json', '--estimate', 'a'], message: /^@\/a\.json: result: / },
  // ---- results: merge ----
  { name: 'merge of a combination id that is a path', setup: async (f) => {
      await mkdir(join(f, 's1'));
      await writeFile(join(f, 's1/campaign.json'), campaignIndex(['../../escape'], undefined, () => null));
    }, args: ['merge', '@/s1', '--out', '@/merged'], message: /^@\/s1\/campaign\.json: combinations\[0\]\.id: is not a combination id/ },
  { name: 'merge of a combination whose result file is elsewhere', setup: async (f) => {
      await mkdir(join(f, 's1'));
      await writeFile(join(f, 's1/campaign.json'), campaignIndex([COMBINATION], undefined, () => '../../etc/result.json'));
    }, args: ['merge', '@/s1', '--out', '@/merged'], message: /^@\/s1\/campaign\.json: combinations\[0\]\.resultFile: must be j--desktop--wifi--default\/result\.json/ },
  { name: 'merge of a combination folder that is a link', setup: async (f) => {
      await mkdir(join(f, 's1'));
      await mkdir(join(f, 'elsewhere'));
      await writeFile(join(f, 'elsewhere/result.json'), result());
      await symlink(join(f, 'elsewhere'), join(f, 's1', COMBINATION));
      await writeFile(join(f, 's1/campaign.json'), campaignIndex([COMBINATION]));
    }, args: ['merge', '@/s1', '--out', '@/merged'], message: `@/s1/campaign.json: combination ${COMBINATION}: @/s1/${COMBINATION} is a symbolic link; not merged` },
  { name: 'merge of a combination holding a link', setup: async (f) => {
      await mkdir(join(f, 's1', COMBINATION), { recursive: true });
      await writeFile(join(f, 's1', COMBINATION, 'result.json'), result());
      await symlink('/etc/hostname', join(f, 's1', COMBINATION, 'stolen.png'));
      await writeFile(join(f, 's1/campaign.json'), campaignIndex([COMBINATION]));
    }, args: ['merge', '@/s1', '--out', '@/merged'], message: `@/s1/campaign.json: combination ${COMBINATION}: stolen.png is a symbolic link in @/s1/${COMBINATION}; not merged` },
  { name: 'merge of shards of two campaigns', setup: async (f) => {
      await mkdir(join(f, 's1'));
      await mkdir(join(f, 's2'));
      await writeFile(join(f, 's1/campaign.json'), campaignIndex([], 'a'.repeat(64)));
      await writeFile(join(f, 's2/campaign.json'), campaignIndex([], 'b'.repeat(64)));
    }, args: ['merge', '@/s1', '@/s2', '--out', '@/merged'], message: '@/s2: comes from another campaign file than @/s1 (campaign sha256 differ); merge only shards of one campaign' },
  { name: 'merge of a combination in two shards', setup: async (f) => {
      for (const shard of ['s1', 's2']) {
        await mkdir(join(f, shard, COMBINATION), { recursive: true });
        await writeFile(join(f, shard, 'campaign.json'), campaignIndex([COMBINATION]));
      }
    }, args: ['merge', '@/s1', '@/s2', '--out', '@/merged'], message: `combination ${COMBINATION} is in both @/s1 and @/s2` },
  { name: 'merge into one of its shards', setup: async (f) => {
      await mkdir(join(f, 's1'));
      await writeFile(join(f, 's1/campaign.json'), campaignIndex([]));
    }, args: ['merge', '@/s1', '--out', '@/s1'], message: '--out @/s1: is, holds or is inside the shard folder @/s1; merge into a new folder' },
  { name: 'merge into a folder that is not empty', setup: async (f) => {
      await mkdir(join(f, 's1'));
      await writeFile(join(f, 's1/campaign.json'), campaignIndex([]));
      await mkdir(join(f, 'merged'));
      await writeFile(join(f, 'merged/notes.txt'), 'mine');
    }, args: ['merge', '@/s1', '--out', '@/merged'], message: '--out @/merged: the folder is not empty; merge into a new or empty folder (nothing there is overwritten)' },
  { name: 'merge of a missing shard', args: ['merge', '@/none', '--out', '@/merged'], message: '@/none/campaign.json: cannot read the campaign index (no such file)' },
  // ---- results: report ----
  { name: 'report of a missing result', args: ['report', '@/none.json'], message: '@/none.json: cannot read the result (no such file)' },
  { name: 'report of a result that is not JSON', files: { 'r.json': 'not json' }, args: ['report', '@/r.json'], message: /^@\/r\.json: not valid JSON \(/ },
  { name: 'report into a folder it did not write', setup: async (f) => {
      await mkdir(join(f, 'src'));
      await writeFile(join(f, 'src/result.json'), result());
      await mkdir(join(f, 'mine'));
      await writeFile(join(f, 'mine/report.md'), 'my own notes');
    }, args: ['report', '@/src/result.json', '--out', '@/mine'], message: '--out @/mine: the folder is not empty and holds no result of this run; give a new or empty folder (nothing there is overwritten)' },
  { name: 'report into a folder of another result', setup: async (f) => {
      await mkdir(join(f, 'src'));
      await writeFile(join(f, 'src/result.json'), result());
      await mkdir(join(f, 'other'));
      await writeFile(join(f, 'other/result.json'), result((r) => (r.journey.name = 'other')));
    }, args: ['report', '@/src/result.json', '--out', '@/other'], message: '--out @/other: the folder is not empty and holds another result.json; give a new or empty folder (nothing there is overwritten)' },
  // ---- flags ----
  { name: '--iterations 0', files: { 'j.yaml': journey(STEPS) }, args: ['run', '@/j.yaml', '--iterations', '0'], message: "option '-n, --iterations <n>' argument '0' is invalid. must be a whole number ≥ 1" },
  { name: '--iterations 1000', files: { 'j.yaml': journey(STEPS) }, args: ['run', '@/j.yaml', '--iterations', '1000'], message: "option '-n, --iterations <n>' argument '1000' is invalid. must be at most 100" },
  { name: '--workers 1000', files: { 'c.yaml': 'name: c\njourneys: [j.yaml]\n' }, args: ['run', '@/c.yaml', '--workers', '1000'], message: "option '-w, --workers <n>' argument '1000' is invalid. must be at most 64" },
  { name: '--shard 3/2', files: { 'c.yaml': 'name: c\njourneys: [j.yaml]\n' }, args: ['run', '@/c.yaml', '--shard', '3/2'], message: "option '--shard <i/n>' argument '3/2' is invalid. must be I/N with 1 ≤ I ≤ N ≤ 10000, e.g. 1/4" },
  { name: '--max-drop 1e300', args: ['compare', 'a.json', 'b.json', '--max-drop', '1e300'], message: "option '--max-drop <points>' argument '1e300' is invalid. must be at most 1000000" },
  { name: '--var without a value', files: { 'j.yaml': journey(STEPS) }, args: ['run', '@/j.yaml', '--var', 'NOEQUALS', '--out', '@/out', '--no-history'], message: '--var NOEQUALS: write it NAME=VALUE' },
  { name: '--shard with a journey', files: { 'j.yaml': journey(STEPS) }, args: ['run', '@/j.yaml', '--shard', '1/2', '--out', '@/out', '--no-history'], message: '--shard and --resume apply to campaign files; @/j.yaml is a journey' },
  { name: 'run --out over its journey', files: { 'result.json': journey(STEPS) }, args: ['run', '@/result.json', '--out', '@', '--no-history'], message: '--out @/result.json is the input file @/result.json: write the output to another file' },
];

describe('the bad-input corpus: exit code 2, one sentence naming file, line and field, no secret', () => {
  it('holds at least 80 cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(80);
  });

  for (const [index, testCase] of cases.entries()) {
    it(`${index + 1}. ${testCase.name}`, async () => {
      const folder = join(dir, String(index + 1));
      await mkdir(folder, { recursive: true });
      for (const [name, content] of Object.entries(testCase.files ?? {})) {
        await mkdir(join(folder, name, '..'), { recursive: true });
        await writeFile(join(folder, name), content);
      }
      await testCase.setup?.(folder);
      const at = (text: string) => text.split('@').join(folder);
      const args = testCase.args.map(at);
      const secrets = [...(testCase.secrets ?? []), ...Object.entries(testCase.env ?? {}).filter(([key]) => key !== 'ECOSCORE_MAX_INPUT_BYTES').map(([, value]) => value)];
      for (const debug of [false, true]) {
        const { code, out, err } = await cli(debug ? [...args, '--debug'] : args, testCase.env);
        expect(code, err).toBe(2);
        if (!debug) {
          const lines = err.trim().split('\n');
          expect(lines, err).toHaveLength(1);
          expect(lines[0]).not.toMatch(/\n\s+at /);
          const line = lines[0].replace(/^error: /, '');
          if (typeof testCase.message === 'string') expect(line).toBe(at(testCase.message));
          else expect(line).toMatch(new RegExp(testCase.message.source.split('@').join(folder.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'))));
        }
        for (const secret of secrets) {
          for (const form of secretForms(secret)) expect(`${out}\n${err}`, `${form} printed (debug ${debug})`).not.toContain(form);
        }
      }
    });
  }
});
