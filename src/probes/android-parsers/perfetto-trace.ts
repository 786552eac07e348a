/**
 * Reader of a binary Perfetto trace: the battery counters and power rails the `android.power` data source
 * wrote, as samples on the device's boot clock. Pure: bytes in, plain objects out.
 *
 * Why this way: no npm package decodes Perfetto traces offline (Perfetto's own reader is `trace_processor`, a
 * native binary fetched at run time), and a device cannot be asked for text output (`perfetto` writes binary
 * protobuf only). So the trace is decoded with protobufjs against the schema below, which declares only the
 * messages and fields read here, with the names and numbers of Perfetto's public protos (google/perfetto @
 * ec5d16b: `protos/perfetto/trace/trace.proto`, `trace_packet.proto`, `power/battery_counters.proto`,
 * `power/power_rails.proto`). Every other field of a packet is skipped by the decoder.
 *
 * Timestamps: `TracePacket.timestamp` is in ns of the trace clock, CLOCK_BOOTTIME unless
 * `timestamp_clock_id` names another (traced_probes stamps battery packets with the boot time);
 * `PowerRails.EnergyData.timestamp_ms` is CLOCK_BOOTTIME in ms.
 */
import protobuf from 'protobufjs';

const SCHEMA = `
syntax = "proto2";
package perfetto.protos;
message Trace { repeated TracePacket packet = 1; }
message TracePacket {
  optional uint64 timestamp = 8;
  optional uint32 timestamp_clock_id = 58;
  optional BatteryCounters battery = 38;
  optional PowerRails power_rails = 40;
}
message BatteryCounters {
  optional int64 charge_counter_uah = 1;
  optional float capacity_percent = 2;
  optional int64 current_ua = 3;
  optional int64 current_avg_ua = 4;
  optional string name = 5;
  optional int64 energy_counter_uwh = 6;
  optional int64 voltage_uv = 7;
}
message PowerRails {
  message RailDescriptor {
    optional uint32 index = 1;
    optional string rail_name = 2;
    optional string subsys_name = 3;
    optional uint32 sampling_rate = 4;
  }
  repeated RailDescriptor rail_descriptor = 1;
  message EnergyData {
    optional uint32 index = 1;
    optional uint64 timestamp_ms = 2;
    optional uint64 energy = 3;
  }
  repeated EnergyData energy_data = 2;
  optional uint64 session_uuid = 3;
}
`;

/** BuiltinClock BOOTTIME (protos/perfetto/common/builtin_clock.proto). */
const BOOTTIME_CLOCK_ID = 6;

let traceType: protobuf.Type | null = null;
function traceMessage(): protobuf.Type {
  traceType ??= protobuf.parse(SCHEMA, { keepCase: true }).root.lookupType('perfetto.protos.Trace');
  return traceType;
}

/** One battery poll: what the HAL returned (raw values; the unit and sign conventions are detected later). */
export interface BatteryCounterSample {
  /** CLOCK_BOOTTIME, ms. */
  bootMs: number;
  /** `current_ua` as written (µA by the proto's contract; vendors differ). */
  current: number | null;
  /** `voltage_uv` as written (µV by contract; some devices write mV). */
  voltage: number | null;
  chargeCounterUah: number | null;
  capacityPercent: number | null;
}

/** One rail reading: energy accumulated since boot. */
export interface RailEnergySample {
  rail: string;
  bootMs: number;
  /** Accumulated energy, µWs. */
  energyUws: number;
}

/** What a trace holds for the energy sampler. */
export interface PerfettoPowerTrace {
  battery: BatteryCounterSample[];
  rails: RailEnergySample[];
  /** Packets skipped because their timestamp is on another clock than the boot clock. */
  otherClockPackets: number;
}

interface DecodedPacket {
  timestamp?: number;
  timestamp_clock_id?: number;
  battery?: { current_ua?: number; voltage_uv?: number; charge_counter_uah?: number; capacity_percent?: number };
  power_rails?: {
    rail_descriptor?: Array<{ index?: number; rail_name?: string; subsys_name?: string }>;
    energy_data?: Array<{ index?: number; timestamp_ms?: number; energy?: number }>;
  };
}

/** Decodes a trace file. Throws one sentence when the bytes are not a Perfetto trace. */
export function readPerfettoPowerTrace(bytes: Uint8Array): PerfettoPowerTrace {
  let packets: DecodedPacket[];
  try {
    const type = traceMessage();
    packets = (type.toObject(type.decode(bytes), { longs: Number, defaults: false }) as { packet?: DecodedPacket[] }).packet ?? [];
  } catch (error) {
    throw new Error(`not a Perfetto trace (${(error as Error).message})`);
  }
  const battery: BatteryCounterSample[] = [];
  const rails: RailEnergySample[] = [];
  const railNames = new Map<number, string>();
  let otherClockPackets = 0;
  for (const packet of packets) {
    if (packet.battery) {
      if (packet.timestamp_clock_id !== undefined && packet.timestamp_clock_id !== BOOTTIME_CLOCK_ID) {
        otherClockPackets++;
        continue;
      }
      if (packet.timestamp === undefined) continue;
      const counters = packet.battery;
      battery.push({
        bootMs: packet.timestamp / 1e6,
        current: counters.current_ua ?? null,
        voltage: counters.voltage_uv ?? null,
        chargeCounterUah: counters.charge_counter_uah ?? null,
        capacityPercent: counters.capacity_percent ?? null,
      });
    }
    if (packet.power_rails) {
      for (const descriptor of packet.power_rails.rail_descriptor ?? []) {
        railNames.set(descriptor.index ?? 0, [descriptor.subsys_name, descriptor.rail_name].filter(Boolean).join(':') || `rail ${descriptor.index ?? 0}`);
      }
      for (const data of packet.power_rails.energy_data ?? []) {
        if (data.timestamp_ms === undefined || data.energy === undefined) continue;
        rails.push({ rail: railNames.get(data.index ?? 0) ?? `rail ${data.index ?? 0}`, bootMs: data.timestamp_ms, energyUws: data.energy });
      }
    }
  }
  battery.sort((a, b) => a.bootMs - b.bootMs);
  rails.sort((a, b) => a.bootMs - b.bootMs);
  return { battery, rails, otherClockPackets };
}
