/**
 * Android energy per step: the Perfetto trace reader and the sysfs sampler parser on their fixtures (both
 * synthetic, and labelled so: no recorded output under a licence that allows copying was found), unit and sign
 * detection, integration over a window, the refusal rules (charging, plugged without a power cut, "UPDATES
 * STOPPED", lost samples) on the recorded Samsung S24 `dumpsys battery` and outputs derived from it, and the
 * whole iteration through {@link AndroidEnergy} with a scripted device shell: window alignment on the device
 * clock, samples filled at the end, the charge-counter cross-check, and the device left clean.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AndroidEnergy, type EnergyPlan } from '../../src/probes/android-energy.js';
import { pickBatterySupply, shellQuote } from '../../src/probes/android-energy-sampler.js';
import { parseDumpsysBattery } from '../../src/probes/android-parsers/battery.js';
import { judgeWindows, type IterationRecording } from '../../src/probes/android-parsers/energy-verdict.js';
import { deviceFactsOf, parseGetprop } from '../../src/probes/android-parsers/getprop.js';
import { perfettoPowerConfig } from '../../src/probes/android-parsers/perfetto-config.js';
import { readPerfettoPowerTrace } from '../../src/probes/android-parsers/perfetto-trace.js';
import { coverageOf, detectConventions, dischargeMahOver, parseSysfsSamples, type PowerSample } from '../../src/probes/android-parsers/power-samples.js';
import type { RawStepSample } from '../../src/model/result.js';

const fixture = (name: string) => readFileSync(`test/fixtures/android/${name}`, 'utf8');
/** A fixture without its first line (the provenance line). */
const body = (name: string) => fixture(name).split('\n').slice(1).join('\n');

const TRACE_BASE64 = body('perfetto-power-synthetic.b64').replace(/\s+/g, '');
const trace = readPerfettoPowerTrace(Buffer.from(TRACE_BASE64, 'base64'));
const CHARGING = parseDumpsysBattery(fixture('battery-samsung-s24.txt'));
const DISCHARGING = parseDumpsysBattery(fixture('battery-discharging-derived.txt'));
const UPDATES_STOPPED = parseDumpsysBattery(fixture('battery-updates-stopped-derived.txt'));
const PLUGGED_NOT_CHARGING = parseDumpsysBattery(fixture('battery-plugged-not-charging-derived.txt'));

const perfettoSamples: PowerSample[] = trace.battery.map((sample) => ({ bootMs: sample.bootMs, current: sample.current!, voltage: sample.voltage }));
const recording = (over: Partial<IterationRecording> = {}): IterationRecording => ({
  method: 'perfetto-battery',
  samples: perfettoSamples,
  rails: [],
  batteryStart: DISCHARGING,
  batteryEnd: DISCHARGING,
  powerCut: null,
  samplerProblem: null,
  ...over,
});
const BOOT_MS = 123_456_000;

describe('fixtures say what they are in their first line', () => {
  it.each(['perfetto-power-synthetic.b64', 'sysfs-loop-synthetic.txt', 'battery-discharging-derived.txt', 'battery-updates-stopped-derived.txt', 'battery-plugged-not-charging-derived.txt'])('%s', (name) => {
    expect(fixture(name).split('\n')[0]).toMatch(/^# synthetic/);
  });
});

describe('Perfetto trace reader', () => {
  it('reads the battery counters on the boot clock and the power rails, skipping other packets', () => {
    expect(trace.battery).toHaveLength(60);
    expect(trace.battery[0]).toEqual({ bootMs: BOOT_MS, current: -400_000, voltage: 3_850_000, chargeCounterUah: 3_000_000, capacityPercent: null });
    expect(trace.battery[59].bootMs).toBe(BOOT_MS + 5900);
    expect(new Set(trace.rails.map((rail) => rail.rail))).toEqual(new Set(['CPU:S4M_VDD_CPUCL0', 'GPU:S2S_VDD_G3D']));
    expect(trace.otherClockPackets).toBe(0);
  });

  it('refuses bytes that are not a trace with one sentence', () => {
    expect(() => readPerfettoPowerTrace(Buffer.from('not a trace at all'))).toThrow(/^not a Perfetto trace/);
  });

  it('writes a text config Perfetto reads: android.power, 100 ms polls, current and voltage, no single quote', () => {
    const config = perfettoPowerConfig({ batteryPollMs: 100, powerRails: true, maxDurationMs: 3_600_000 });
    expect(config).toContain('name: "android.power"');
    expect(config).toContain('battery_poll_ms: 100');
    expect(config).toContain('battery_counters: BATTERY_COUNTER_CURRENT');
    expect(config).toContain('battery_counters: BATTERY_COUNTER_VOLTAGE');
    expect(config).toContain('collect_power_rails: true');
    expect(config).not.toContain("'");
    expect(() => perfettoPowerConfig({ batteryPollMs: 50, powerRails: false, maxDurationMs: 1 })).toThrow(/≥ 100/);
  });
});

describe('sysfs sampler output', () => {
  const { samples, badLines } = parseSysfsSamples(body('sysfs-loop-synthetic.txt'));
  it('reads uptime, current and voltage, and counts a failed read instead of shifting its fields', () => {
    expect(badLines).toBe(1);
    expect(samples[0]).toEqual({ bootMs: 5_000_000, current: 300, voltage: 3_870_000 });
    expect(samples.every((sample) => sample.current === 300 || sample.current === 600)).toBe(true);
  });

  it('detects mA and a positive-when-discharging gauge from the samples', () => {
    expect(detectConventions(samples)).toMatchObject({ unit: 'mA', signConvention: 'positive-when-discharging' });
  });

  it('picks the battery power supply with a readable current', () => {
    expect(pickBatterySupply('/sys/class/power_supply/usb|USB||\n/sys/class/power_supply/bms|Battery|-350000|3850000\n/sys/class/power_supply/battery|Battery|-352000|3851000\n')).toBe('/sys/class/power_supply/battery');
    expect(pickBatterySupply('/sys/class/power_supply/usb|USB|0|5000000\n/sys/class/power_supply/battery|Battery||\n')).toBeNull();
  });

  it('quotes scripts for the device shell', () => {
    expect(shellQuote(`printf '%s' x`)).toBe(`'printf '\\''%s'\\'' x'`);
  });
});

describe('integration over a step window', () => {
  it('detects µA and the AOSP sign (negative when discharging) on the Perfetto samples', () => {
    expect(detectConventions(perfettoSamples)).toMatchObject({ unit: 'µA', signConvention: 'negative-when-discharging' });
  });

  it('integrates the discharge current over exactly the window, edges interpolated', () => {
    const conventions = detectConventions(perfettoSamples);
    // 400 mA for 1.25 s = 0.138 888… mAh.
    expect(dischargeMahOver(perfettoSamples, { startBootMs: BOOT_MS + 500, endBootMs: BOOT_MS + 1750 }, conventions)).toBeCloseTo((400 * 1.25) / 3600, 9);
    // Across the step from 400 to 800 mA between 2.9 s and 3.0 s: 1 s at 400, a 100 ms ramp (600 mean), 1 s at 800.
    expect(dischargeMahOver(perfettoSamples, { startBootMs: BOOT_MS + 1900, endBootMs: BOOT_MS + 4000 }, conventions)).toBeCloseTo((400 * 1 + 600 * 0.1 + 800 * 1) / 3600, 9);
  });

  it('reports the samples inside the window and the longest gap', () => {
    expect(coverageOf(perfettoSamples.map((sample) => sample.bootMs), { startBootMs: BOOT_MS + 500, endBootMs: BOOT_MS + 1500 })).toEqual({ samples: 11, maxGapMs: 100, problem: null });
  });

  it('measures a covered window of a discharging device and records how', () => {
    const [verdict] = judgeWindows(recording(), [{ startBootMs: BOOT_MS + 500, endBootMs: BOOT_MS + 1750 }]);
    expect(verdict).toEqual({
      measuredEnergyMah: Math.round(((400 * 1.25) / 3600) * 1e6) / 1e6,
      energyMeasurement: { method: 'perfetto-battery', samples: 13, maxGapMs: 100, windowMs: 1250, signConvention: 'negative-when-discharging', unit: 'µA' },
    });
  });

  it('measures the power rails as charge at the battery voltage when that is the method', () => {
    const [verdict] = judgeWindows(recording({ method: 'perfetto-rails', rails: trace.rails }), [{ startBootMs: BOOT_MS + 1000, endBootMs: BOOT_MS + 3000 }]);
    // CPU 500 mW + GPU 100 mW for 2 s = 1.2 J = 1 200 000 µWs; ÷ 3.85 V ÷ 3.6e6 → mAh.
    expect(verdict.measuredEnergyMah).toBeCloseTo(1_200_000 / 3.85 / 3.6e6, 6);
    expect(verdict.energyMeasurement).toMatchObject({ method: 'perfetto-rails', unit: 'µWs' });
  });
});

describe('refusals: the model, with the reason', () => {
  const window = [{ startBootMs: BOOT_MS + 500, endBootMs: BOOT_MS + 1500 }];
  const refusal = (over: Partial<IterationRecording>, windows = window) => {
    const [verdict] = judgeWindows(recording(over), windows);
    expect(verdict.measuredEnergyMah).toBeNull();
    expect(verdict.energyMeasurement).toBeNull();
    return (verdict as { reason: string }).reason;
  };

  it('a charging device (the recorded Samsung S24: USB powered, status 2)', () => {
    expect(refusal({ batteryStart: CHARGING })).toBe("the device was charging at the start of the iteration (dumpsys battery status 2, USB powered): the battery current is not the phone's draw");
  });

  it('"UPDATES STOPPED" after dumpsys battery unplug, even when it prints discharging', () => {
    expect(UPDATES_STOPPED.updatesStopped).toBe(true);
    expect(UPDATES_STOPPED.status).toBe(3);
    expect(refusal({ batteryEnd: UPDATES_STOPPED })).toMatch(/^the battery service reports "UPDATES STOPPED" at the end of the iteration .*dumpsys battery reset/);
  });

  it('plugged and not charging without a documented power cut; measured with one', () => {
    expect(refusal({ batteryStart: PLUGGED_NOT_CHARGING })).toMatch(/^the device was USB powered at the start of the iteration \(status not charging\) and no power cut is documented/);
    const [verdict] = judgeWindows(recording({ batteryStart: PLUGGED_NOT_CHARGING, batteryEnd: PLUGGED_NOT_CHARGING, powerCut: 'USB power blocker between hub and phone' }), window);
    expect(verdict.measuredEnergyMah).toBeGreaterThan(0);
  });

  it('an unreadable battery state', () => {
    expect(refusal({ batteryEnd: null })).toMatch(/could not be read .* charging cannot be ruled out/);
  });

  it('lost samples: a gap over 250 ms inside the window', () => {
    const { samples } = parseSysfsSamples(body('sysfs-loop-synthetic.txt'));
    expect(refusal({ method: 'sysfs-current', samples }, [{ startBootMs: 5_004_500, endBootMs: 5_006_000 }])).toBe('the sampler lost samples: a 600 ms gap around the step window (at most 250 ms)');
    // The same samples measure a window that the gap does not touch.
    const [ok] = judgeWindows(recording({ method: 'sysfs-current', samples }), [{ startBootMs: 5_000_500, endBootMs: 5_002_500 }]);
    expect(ok).toMatchObject({ measuredEnergyMah: Math.round(((300 * 2) / 3600) * 1e6) / 1e6, energyMeasurement: { method: 'sysfs-current', unit: 'mA', signConvention: 'positive-when-discharging', maxGapMs: 100 } });
  });

  it('a window the samples do not cover', () => {
    expect(refusal({}, [{ startBootMs: BOOT_MS + 5000, endBootMs: BOOT_MS + 7000 }])).toMatch(/^the samples do not cover the step window \(they end 1100 ms before it ends\)$/);
    expect(refusal({}, [{ startBootMs: BOOT_MS - 1000, endBootMs: BOOT_MS + 100 }])).toMatch(/they start 1000 ms after it starts/);
  });

  it('a battery that gained charge, a gauge reading 0, a sampler that did not run', () => {
    const charging = perfettoSamples.map((sample, i) => (i >= 5 && i <= 15 ? { ...sample, current: 900_000 } : sample));
    expect(refusal({ samples: charging })).toMatch(/^the battery gained .* mAh during the step/);
    expect(refusal({ samples: perfettoSamples.map((sample) => ({ ...sample, current: 0 })) })).toMatch(/reads 0/);
    expect(refusal({ samplerProblem: 'no battery current sampler could run on the device (x)' })).toBe('no battery current sampler could run on the device (x)');
  });
});

describe('device facts', () => {
  it('reads model, manufacturer, version and fingerprint from getprop', () => {
    const facts = deviceFactsOf(parseGetprop('[ro.build.fingerprint]: [google/husky/husky:14/AP1A.240305.019.A1/11445699:user/release-keys]\n[ro.build.version.release]: [14]\n[ro.build.version.sdk]: [34]\n[ro.product.manufacturer]: [Google]\n[ro.product.model]: [Pixel 8 Pro]\n'));
    expect(facts).toEqual({ model: 'Pixel 8 Pro', manufacturer: 'Google', androidVersion: '14', sdk: 34, fingerprint: 'google/husky/husky:14/AP1A.240305.019.A1/11445699:user/release-keys' });
  });
});

/**
 * A scripted device: a boot clock that runs with the host's, a shell whose answers take 10 ms to reach the
 * device and 50 ms to come back (an asymmetric link), Perfetto answering.
 */
function scriptedDevice(battery: { start: string; end: string }) {
  const hostStart = performance.now();
  const clockAt = (host: number) => BOOT_MS + 300 + (host - hostStart);
  const calls: string[] = [];
  let batteryReads = 0;
  const shell = async (command: string, args: string[] = []) => {
    const line = [command, ...args].join(' ');
    calls.push(line);
    await new Promise((resolve) => setTimeout(resolve, 10));
    const answer = (() => {
      if (line === 'cat /proc/uptime') return `${(clockAt(performance.now()) / 1000).toFixed(2)} 1000.00\n`;
      if (line === 'dumpsys battery') return batteryReads++ === 0 ? battery.start : battery.end;
      if (/perfetto --background-wait --txt -c - -o \/data\/misc\/perfetto-traces\/ecoscore-\w+\.pftrace/.test(line)) return '4242\n';
      if (/kill -0 4242/.test(line)) return 'gone\n';
      if (/^sh -c 'base64 \/data\/misc\/perfetto-traces\//.test(line)) return TRACE_BASE64.replace(/.{76}/g, '$&\n');
      if (/kill -TERM 4242|rm -f/.test(line)) return '';
      throw new Error(`${command}: unexpected ${line}`);
    })();
    await new Promise((resolve) => setTimeout(resolve, 50));
    return answer;
  };
  return { shell, calls, clockAt };
}

const sampleOf = (step: string, index: number, type: RawStepSample['type'] = 'action'): RawStepSample => ({
  step, index, type, status: 'passed', startedAt: new Date().toISOString(), durationMs: null, readyMs: null, bytes: null, requests: null, cachedRequests: null, failedRequests: null,
  firstPartyBytes: null, thirdPartyBytes: null, domains: null, cpuMs: null, scriptMs: null, layoutMs: null, styleMs: null, processCpuMs: null, memoryBytes: null, domElements: null,
  energyMah: null, dischargeUahPerS: null, url: null, screenshot: null,
});

async function runSteps(energy: AndroidEnergy, durationsMs: number[]): Promise<{ samples: RawStepSample[]; hostMs: number[]; startedAt: number[] }> {
  const samples: RawStepSample[] = [];
  const hostMs: number[] = [];
  const startedAt: number[] = [];
  for (const [index, ms] of durationsMs.entries()) {
    const sample = sampleOf(`step ${index}`, index, index === 0 ? 'reference' : 'action');
    samples.push(sample);
    await energy.closing.start();
    await energy.opening.start();
    const t0 = performance.now();
    startedAt.push(t0);
    await new Promise((resolve) => setTimeout(resolve, ms));
    hostMs.push(performance.now() - t0);
    Object.assign(sample, await energy.closing.stop());
    Object.assign(sample, await energy.opening.stop());
    expect(sample.measuredEnergyMah).toBeNull(); // filled at the end of the iteration
  }
  return { samples, hostMs, startedAt };
}

describe('one iteration through AndroidEnergy (scripted device)', () => {
  const plan = (): EnergyPlan => ({ perfetto: true, perfettoProblem: null, powerCut: null });
  const DISCHARGING_TEXT = fixture('battery-discharging-derived.txt');

  it('starts Perfetto before the first step, aligns each window with its step on the device clock, and fills the samples at the end', async () => {
    const device = scriptedDevice({ start: DISCHARGING_TEXT, end: DISCHARGING_TEXT.replace('  Charge counter: 3719506', '  Charge counter: 3717006') });
    const energy = new AndroidEnergy(device.shell, plan());
    const { samples, hostMs, startedAt } = await runSteps(energy, [400, 600]);
    const outcome = await energy.finish(samples);
    expect(device.calls.filter((call) => call.includes('perfetto --background-wait'))).toHaveLength(1);
    // The step boundaries cost no shell call: the clock is read 3 times when the sampler starts, 3 when it stops.
    expect(device.calls.filter((call) => call === 'cat /proc/uptime')).toHaveLength(6);
    for (const [i, sample] of samples.entries()) {
      expect(sample.unavailable).toBeUndefined();
      expect(sample.energyMeasurement).toMatchObject({ method: 'perfetto-battery', unit: 'µA', signConvention: 'negative-when-discharging', maxGapMs: 100 });
      // As long as the step (to the ms: no shell call at its bounds)…
      expect(Math.abs(sample.energyMeasurement!.windowMs - hostMs[i])).toBeLessThan(3);
      // …and placed on the device clock within half the link's 60 ms round trip (its 10/50 ms asymmetry shifts
      // it by 20 ms) plus /proc/uptime's 10 ms resolution.
      expect(Math.abs(outcome.windows[i].startBootMs - device.clockAt(startedAt[i]))).toBeLessThan(45);
      // 400 mA throughout the first 3 s of the trace.
      expect(sample.measuredEnergyMah).toBeCloseTo((400 * sample.energyMeasurement!.windowMs) / 3.6e6, 4); // windowMs is rounded to 0.1 ms
    }
    expect(outcome.chargeCounter).toEqual({ startUah: 3_719_506, endUah: 3_717_006, deltaMah: 2.5 });
    expect(outcome.method).toBe('perfetto-battery');
    expect(device.calls.some((call) => /rm -f \/data\/misc\/perfetto-traces\/ecoscore-/.test(call))).toBe(true);
  });

  it('a charging device: every sample modelled, with the reason in unavailable.energy', async () => {
    const device = scriptedDevice({ start: fixture('battery-samsung-s24.txt'), end: fixture('battery-samsung-s24.txt') });
    const energy = new AndroidEnergy(device.shell, plan());
    const { samples } = await runSteps(energy, [200]);
    await energy.finish(samples);
    expect(samples[0].measuredEnergyMah).toBeNull();
    expect(samples[0].energyMeasurement).toBeNull();
    expect(samples[0].unavailable?.energy).toMatch(/^the device was charging at the start of the iteration/);
  });

  it('falls back to the sysfs loop when Perfetto cannot start, and says why', async () => {
    const device = scriptedDevice({ start: DISCHARGING_TEXT, end: DISCHARGING_TEXT });
    const shell = async (command: string, args: string[] = []) => {
      const line = [command, ...args].join(' ');
      if (line.includes('perfetto --background-wait')) throw new Error('perfetto: not found');
      if (line.includes('/sys/class/power_supply/*')) return '/sys/class/power_supply/battery|Battery|-350000|3850000\n';
      if (line.includes('ecoscore-energy-') && line.includes('nohup')) return '777\n';
      if (line.includes("printf '\\''%s\\n'\\''")) return '';
      if (/^sh -c 'cat \/data\/local\/tmp\/ecoscore-energy-/.test(line)) return '';
      if (line.includes('kill 777')) return '';
      return device.shell(command, args);
    };
    const energyPlan = plan();
    const energy = new AndroidEnergy(shell, energyPlan);
    const { samples } = await runSteps(energy, [100]);
    const outcome = await energy.finish(samples);
    expect(energyPlan.perfetto).toBe(false);
    expect(outcome.method).toBe('sysfs-current');
    expect(outcome.note).toMatch(/^Perfetto could not record the battery counters \(.*perfetto: not found\); sampling \/sys\/class\/power_supply\/battery\/current_now instead$/);
    // The loop wrote nothing here: the window is refused, not guessed.
    expect(samples[0].unavailable?.energy).toMatch(/no battery current|recorded nothing/);
  });
});
