/**
 * A whole run with the energy sampler, end to end, without a phone: the fake-driver journey through a real
 * Appium server, with the Android shell set to `adb` (ECOSCORE_ANDROID_SHELL=adb) and `ADB` pointing at a
 * stand-in written here. The stand-in answers `dumpsys battery` (a discharging state derived from the recorded
 * Samsung S24 output), `getprop` and `settings`, and runs every other command in this host's `sh` with
 * /data/local/tmp and /sys/class/power_supply mapped to temporary folders: so the toolkit's own sampler scripts really run (Perfetto is
 * not installed here, so the sysfs loop takes over), reading this host's boot clock (/proc/uptime) and a
 * battery folder whose `current_now` the test writes (SYNTHETIC: a constant −350 000 µA, not a measurement).
 * What is checked: each step's window on the boot clock matches its duration, the samples cover it, the
 * energy is the integral, and result.json carries energyMeasurement, chargeCounter and mobileDevice.
 */
import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runJourney } from '../../src/run/journey.js';
import { loadJourney } from '../../src/journey/load.js';
import { readResult } from '../../src/output/result-file.js';
import type { Result } from '../../src/model/result.js';
import { requireAppiumDrivers } from './appium-setup.js';

const FAKE_ADB = `#!/usr/bin/env node
// Stand-in for adb (test only): device answers for a few commands, this host's sh for the rest.
const { readFileSync } = require('node:fs');
const { spawnSync } = require('node:child_process');
const [, , sub, ...rest] = process.argv;
const line = rest.join(' ');
const dir = process.env.FAKE_DEVICE_DIR;
const out = (text) => { process.stdout.write(text); process.exit(0); };
if (sub !== 'shell') { process.stderr.write('fake adb: only shell\\n'); process.exit(1); }
if (line === 'dumpsys battery') out(readFileSync(process.env.FAKE_BATTERY, 'utf8'));
if (line === 'getprop') out('[ro.product.model]: [Stand-in]\\n[ro.product.manufacturer]: [ecoscore tests]\\n[ro.build.version.release]: [14]\\n[ro.build.version.sdk]: [34]\\n[ro.build.fingerprint]: [test/standin/standin:14/TEST/1:userdebug/test-keys]\\n');
if (line.startsWith('settings get')) out('0\\n');
if (/^(cat \\/proc\\/uptime|echo ecoscore|sh -c )/.test(line)) {
  const mapped = line.split('/data/local/tmp').join(dir).split('/sys/class/power_supply').join(process.env.FAKE_SYS);
  const run = spawnSync('sh', ['-c', mapped], { stdio: ['ignore', 'inherit', 'inherit'] });
  process.exit(run.status ?? 1);
}
process.stderr.write('fake adb: not emulated: ' + line + '\\n');
process.exit(1);
`;

let dir: string;
let result: Result;
const saved: Record<string, string | undefined> = {};

beforeAll(async () => {
  requireAppiumDrivers();
  dir = await mkdtemp(join(tmpdir(), 'ecoscore-energy-run-'));
  const battery = join(dir, 'sys', 'battery');
  await mkdir(battery, { recursive: true });
  await mkdir(join(dir, 'device-tmp'));
  await writeFile(join(battery, 'current_now'), '-350000\n');
  await writeFile(join(battery, 'voltage_now'), '3870000\n');
  await writeFile(join(battery, 'type'), 'Battery\n');
  const adb = join(dir, 'adb');
  await writeFile(adb, FAKE_ADB);
  await chmod(adb, 0o755);
  const env = {
    ECOSCORE_ANDROID_SHELL: 'adb',
    ADB: adb,
    FAKE_DEVICE_DIR: join(dir, 'device-tmp'),
    FAKE_SYS: join(dir, 'sys'),
    FAKE_BATTERY: resolve('test/fixtures/android/battery-discharging-derived.txt'),
  };
  for (const [name, value] of Object.entries(env)) {
    saved[name] = process.env[name];
    process.env[name] = value;
  }
  ({ result } = await runJourney(await loadJourney('test/fixtures/appium/fake-health.yaml'), { outDir: join(dir, 'out') }));
}, 180_000);

afterAll(async () => {
  for (const [name, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('a run whose device shell samples the battery current (sysfs loop on a stand-in device)', () => {
  it('passes every step and records the device and the charge-counter cross-check', async () => {
    expect(result.runs[0].samples.every((sample) => sample.status === 'passed')).toBe(true);
    const onDisk = await readResult(join(dir, 'out', 'result.json'));
    expect(onDisk.environment.mobileDevice).toMatchObject({ platform: 'android', model: 'Stand-in', manufacturer: 'ecoscore tests', androidVersion: '14', fingerprint: 'test/standin/standin:14/TEST/1:userdebug/test-keys', batteryStart: { status: 'discharging', levelPercent: 75 } });
    expect((onDisk.environment.mobileDevice as { batteryEnd: unknown }).batteryEnd).toMatchObject({ status: 'discharging' });
    expect(onDisk.runs[0].chargeCounter).toEqual({ startUah: 3_719_506, endUah: 3_719_506, deltaMah: 0 });
    const sampler = onDisk.warnings.find((warning) => warning.code === 'device-check' && warning.message.startsWith('device check: energy sampler:'));
    expect(sampler?.message).toMatch(/^device check: energy sampler: Perfetto could not record the battery counters \(.*\); sampling .*\/current_now instead$/);
  });

  it('measures each step over its own window: as long as the step, covered every ≤ 250 ms, 350 mA integrated', () => {
    let measured = 0;
    for (const sample of result.runs[0].samples) {
      if (sample.measuredEnergyMah === null) {
        // A loaded machine may starve the loop: then the window is refused with the reason, never guessed.
        expect(sample.unavailable?.energy, sample.step).toMatch(/^the sampler lost samples: a \d+ ms gap around the step window \(at most 250 ms\)$/);
        continue;
      }
      measured++;
      const how = sample.energyMeasurement!;
      expect(how).toMatchObject({ method: 'sysfs-current', unit: 'µA', signConvention: 'negative-when-discharging' });
      expect(how.maxGapMs).toBeLessThanOrEqual(250);
      expect(how.samples).toBeGreaterThan(0);
      // The window opens after the other probes started and closes before they stop, with no shell call at
      // its bounds: it is the step, to a few ms.
      expect(Math.abs(how.windowMs - sample.durationMs!), sample.step).toBeLessThan(5);
      expect(sample.measuredEnergyMah).toBeCloseTo((350 * how.windowMs) / 3.6e6, 4); // windowMs is rounded to 0.1 ms
    }
    // At least one: on a loaded machine the host loop can miss its 100 ms beat, and those windows are refused (above).
    expect(measured).toBeGreaterThanOrEqual(1);
  });

  it('names the energy source and leaves nothing on the device', async () => {
    const source = result.environment.energySource as { kind: string; method: string | null; measuredSteps: number };
    expect(source.kind).toBe('measured');
    expect(source.method).toBe('sysfs-current');
    expect(source.measuredSteps).toBeGreaterThanOrEqual(1);
    const { readdir } = await import('node:fs/promises');
    expect(await readdir(join(dir, 'device-tmp'))).toEqual([]);
  });
});
