/**
 * Radio part of the energy model 2.0: the charge of a step's transfers on the device's Wi-Fi or cellular
 * radio, with the radio's tail after the last byte.
 *
 *   radioMah = radioMa × (transferMs + requestWaitMs + Σ tail segments × powerRatio) / MS_PER_HOUR
 *   transferMs    = bytes × 8 / downloadKbps                      (kbit/s = bit/ms)
 *   requestWaitMs = requests × latencyMs / REQUEST_CONCURRENCY    (the radio stays active while responses are awaited)
 *
 * The tail is carried across step boundaries: a step that transferred anything pays its whole tail, whether the
 * tail ends inside the step or during the next ones. A step's radio charge therefore does not depend on how long
 * the step lasted (padding a step, or doing its work more slowly, cannot lower it). Overlapping tails of
 * consecutive steps are not merged: an upper bound, by at most one tail per transferring step.
 *
 * Pure: no I/O.
 */
import type { DevicePower, NetworkProfile } from '../profiles/schema.js';

/** mA × ms → mAh. */
const MS_PER_HOUR = 3_600_000;

/**
 * Requests whose round trips overlap: 6, Chromium's limit of connections per host and proxy
 * (`g_max_sockets_per_group` for the normal socket pool, chromium/src `net/socket/client_socket_pool_manager.cc`,
 * https://source.chromium.org/chromium/chromium/src/+/main:net/socket/client_socket_pool_manager.cc). Inferred: the
 * radio is taken to wait for one round trip per six requests (HTTP/2 multiplexing would overlap more).
 */
export const REQUEST_CONCURRENCY = 6;

/** A part of a radio's tail: how long the radio stays in a state after the last byte, and its current relative to active. */
export interface RadioTailSegment {
  /** Duration of the state, ms. */
  readonly durationMs: number;
  /** Current in that state as a fraction of the active (transferring) current, in [0, 1]. */
  readonly powerRatio: number;
}

/** How a radio behaves after a transfer. */
export interface RadioTailModel {
  /** Short name, recorded with results: `lte`, `umts`, `wifi`. */
  readonly name: string;
  /** States the radio goes through after the last byte, in order. */
  readonly tail: readonly RadioTailSegment[];
  /** Where the numbers come from. */
  readonly source: string;
}

/**
 * LTE (4G): after the last packet the radio stays in RRC_CONNECTED for the inactivity timer (0.1 s), then
 * short DRX (0.02 s), then long DRX (10 s) before RRC_IDLE: 10.12 s in all, at the tail power P_TAIL
 * 1.06 W against LTE_BETA 1.2 W while transferring (ratio 0.8833). AT&T Application Resource Optimizer's
 * default LTE profile (attdevsupport/ARO, ARODataAnalyzer/src/lte.conf @ 86c3078f1b40a85ece6e17271ced3584a13918cb:
 * INACTIVITY_TIMER=0.1, T_SHORT_DRX=0.02, T_LONG_DRX=10, P_TAIL=1.06, LTE_BETA=1.2), the tool built on the
 * LTE power model of Huang et al., "A Close Examination of Performance and Power Characteristics of 4G LTE
 * Networks", MobiSys 2012.
 */
export const LTE_TAIL: RadioTailModel = Object.freeze({
  name: 'lte',
  tail: Object.freeze([Object.freeze({ durationMs: 100 + 20 + 10_000, powerRatio: 1.06 / 1.2 })]),
  source: 'attdevsupport/ARO ARODataAnalyzer/src/lte.conf @ 86c3078f (Huang et al., MobiSys 2012)',
});

/**
 * UMTS (3G): after the last packet the radio stays in DCH for 4 s (POWER_DCH 1.30 W), then in FACH for
 * 10 s (POWER_FACH 0.30 W, ratio 0.30 / 1.30) before IDLE. AT&T ARO's 3G profile of a Samsung i997 on
 * AT&T's network (attdevsupport/ARO, ARODataAnalyzer/src/i997.conf @ e003885da668322c45ec90420e5e88b05124f354:
 * DCH_FACH_TIMER=4, FACH_IDLE_TIMER=10, POWER_DCH=1.30, POWER_FACH=0.30), after the state-machine inference
 * of Qian et al., "Characterizing Radio Resource Allocation for 3G Networks", IMC 2010.
 */
export const UMTS_TAIL: RadioTailModel = Object.freeze({
  name: 'umts',
  tail: Object.freeze([
    Object.freeze({ durationMs: 4_000, powerRatio: 1 }),
    Object.freeze({ durationMs: 10_000, powerRatio: 0.3 / 1.3 }),
  ]),
  source: 'attdevsupport/ARO ARODataAnalyzer/src/i997.conf @ e003885d (Qian et al., IMC 2010)',
});

/**
 * Wi-Fi: the interface stays awake 0.25 s after a transfer before power-save mode. AT&T ARO's Wi-Fi profile
 * (attdevsupport/ARO, ARODataAnalyzer/src/WiFi.conf @ 0ddc244b9f768941a8907da0ab64bd68c6f11c7a:
 * WIFI_TAIL_TIME=0.25). ARO gives no tail power: inferred equal to the active current (ratio 1).
 */
export const WIFI_TAIL: RadioTailModel = Object.freeze({
  name: 'wifi',
  tail: Object.freeze([Object.freeze({ durationMs: 250, powerRatio: 1 })]),
  source: 'attdevsupport/ARO ARODataAnalyzer/src/WiFi.conf @ 0ddc244b',
});

/**
 * Tail model of the built-in cellular networks by profile id. Network profiles do not say which
 * generation they emulate; other cellular profiles (custom ones) get {@link LTE_TAIL}.
 */
export const CELLULAR_TAIL_BY_NETWORK_ID: Readonly<Record<string, RadioTailModel>> = Object.freeze({ '3g': UMTS_TAIL, '4g': LTE_TAIL });

/** The radio tail model of a network, or null when the device uses no radio (wired). */
export function radioTailModel(network: Pick<NetworkProfile, 'id' | 'radio'>): RadioTailModel | null {
  if (network.radio === 'wifi') return WIFI_TAIL;
  if (network.radio === 'cellular') return CELLULAR_TAIL_BY_NETWORK_ID[network.id] ?? LTE_TAIL;
  return null;
}


/** The radio current of a network on a device, mA: Wi-Fi or cellular receive current, 0 on a wired network. */
export function radioCurrentMa(power: DevicePower, network: Pick<NetworkProfile, 'radio'>): number {
  return network.radio === 'wifi' ? power.wifiActiveMa : network.radio === 'cellular' ? power.radioActiveMa : 0;
}

/** Radio time, ms, charged at the full active current after a transfer: Σ tail segment × power ratio (0 on a wired network). */
export function tailEquivalentMs(network: Pick<NetworkProfile, 'id' | 'radio'>): number {
  const model = radioTailModel(network);
  return model === null ? 0 : model.tail.reduce((sum, segment) => sum + segment.durationMs * segment.powerRatio, 0);
}

/** What {@link radioCharge} found. */
export interface RadioCharge {
  /** Radio charge of the step, mAh. */
  mah: number;
  /** Time charged at the radio's active current: transfer + request waits + power-weighted tail, ms. */
  radioEquivalentMs: number;
  /** Transfer time at the network's download throughput, ms. */
  transferMs: number;
}

/**
 * Radio charge of a step that moved `bytes` in `requests` requests: see the module comment. 0 when the step made
 * no request and moved no byte, and on a wired network.
 */
export function radioCharge(bytes: number, requests: number, power: DevicePower, network: NetworkProfile): RadioCharge {
  const radioMa = radioCurrentMa(power, network);
  if (radioMa === 0 || (bytes === 0 && requests === 0)) return { mah: 0, radioEquivalentMs: 0, transferMs: 0 };
  const transferMs = (bytes * 8) / network.downloadKbps;
  const requestWaitMs = (requests * network.latencyMs) / REQUEST_CONCURRENCY;
  const radioEquivalentMs = transferMs + requestWaitMs + tailEquivalentMs(network);
  return { mah: (radioMa * radioEquivalentMs) / MS_PER_HOUR, radioEquivalentMs, transferMs };
}

/**
 * Radio charge of transferring `bytes` at the network's download throughput, mAh: the marginal cost of a byte in
 * this model, `radioMa × (bytes × 8 / downloadKbps) / MS_PER_HOUR` (without the tail, which a smaller transfer
 * does not remove when the step still makes requests). 0 on a wired network. Used to express a recommendation's
 * byte savings as charge (docs/lighthouse.md).
 */
export function energyOfBytes(bytes: number, device: { power: DevicePower }, network: NetworkProfile): number {
  if (!(Number.isFinite(bytes) && bytes >= 0)) {
    throw new RangeError(`energy model: "bytes" must be a non-negative finite number, got ${bytes} (see docs/methodology.md)`);
  }
  return (radioCurrentMa(device.power, network) * ((bytes * 8) / network.downloadKbps)) / MS_PER_HOUR;
}
