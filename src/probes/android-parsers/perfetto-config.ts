/**
 * The Perfetto trace config of the energy sampler, as a TraceConfig text proto (`perfetto --txt -c -`): the
 * `android.power` data source polling the battery counters (instantaneous current, voltage, charge counter,
 * capacity) every `batteryPollMs`, and the power rails (ODPM) where the device has them.
 *
 * Field names from Perfetto's public protos (google/perfetto `protos/perfetto/config/trace_config.proto`,
 * `protos/perfetto/config/power/android_power_config.proto` @ ec5d16b); traced_probes clamps
 * `battery_poll_ms` to at least 100 ms (`src/traced/probes/power/android_power_data_source.cc`).
 */

/** Options of {@link perfettoPowerConfig}. */
export interface PerfettoPowerConfigOptions {
  /** Battery counter polling period, ms (100 to 250 for per-step figures). */
  batteryPollMs: number;
  /** Ask for the power rails too. */
  powerRails: boolean;
  /** Longest trace, ms: the session stops by itself after it (a safety net if the toolkit dies). */
  maxDurationMs: number;
}

/** The text proto. Contains no single quote, so it can be passed through `sh -c '…'` as it is. */
export function perfettoPowerConfig(options: PerfettoPowerConfigOptions): string {
  if (!Number.isInteger(options.batteryPollMs) || options.batteryPollMs < 100) throw new Error('battery_poll_ms must be an integer ≥ 100');
  return [
    'buffers { size_kb: 8192 fill_policy: DISCARD }',
    'data_sources {',
    '  config {',
    '    name: "android.power"',
    '    android_power_config {',
    `      battery_poll_ms: ${options.batteryPollMs}`,
    '      battery_counters: BATTERY_COUNTER_CURRENT',
    '      battery_counters: BATTERY_COUNTER_VOLTAGE',
    '      battery_counters: BATTERY_COUNTER_CHARGE',
    '      battery_counters: BATTERY_COUNTER_CAPACITY_PERCENT',
    `      collect_power_rails: ${options.powerRails ? 'true' : 'false'}`,
    '    }',
    '  }',
    '}',
    `duration_ms: ${Math.round(options.maxDurationMs)}`,
    '',
  ].join('\n');
}
