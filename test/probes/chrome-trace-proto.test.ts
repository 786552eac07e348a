/**
 * SYNTHETIC traces: every trace here is built byte by byte by a minimal protobuf encoder, with the field numbers of
 * Perfetto's public protos (google/perfetto `protos/perfetto/trace/`: trace_packet, track_event/*, interned_data,
 * clock_snapshot, trace_packet_defaults) and the way Chromium fills them (a sequence per thread; a ClockSnapshot and
 * TracePacketDefaults when its incremental state is cleared; timestamps and thread-time counters as deltas on clock
 * 64). Then thread-cpu.ts's off-main CPU arithmetic over hand-made decoded traces, and fast-check properties.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readChromeTrace, type ChromeTrace, type TaskSlice } from '../../src/probes/chrome-trace-proto.js';
import { offMainCpuByWindow, threadGroup } from '../../src/probes/thread-cpu.js';

const RUNS = { numRuns: Number(process.env.PROPERTY_RUNS ?? 150) };
// --- protobuf wire format -------------------------------------------------------------------------------------------

type Bytes = number[];

/** A base-128 varint; a negative value is its 64-bit two's complement (10 bytes), as protobuf writes an int64. */
function varint(value: number | bigint): Bytes {
  const out: Bytes = [];
  for (let rest = BigInt.asUintN(64, BigInt(value)); ; rest >>= 7n) {
    if (rest < 0x80n) return [...out, Number(rest)];
    out.push(Number(rest & 0x7fn) | 0x80);
  }
}
const tag = (field: number, wire: number): Bytes => varint(field * 8 + wire);
const uint = (field: number, value: number | bigint): Bytes => [...tag(field, 0), ...varint(value)];
const bytes = (field: number, content: Bytes): Bytes => [...tag(field, 2), ...varint(content.length), ...content];
const str = (field: number, text: string): Bytes => bytes(field, [...new TextEncoder().encode(text)]);
const msg = (field: number, ...parts: Bytes[]): Bytes => bytes(field, parts.flat());
const fixed64 = (field: number): Bytes => [...tag(field, 1), 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f];
const fixed32 = (field: number): Bytes => [...tag(field, 5), 0x0b, 0x0c, 0x0d, 0x0e];
const trace = (...packets: Bytes[]): Uint8Array => Uint8Array.from(packets.flat());
/** Decodes the packets given. */
const decode = (...packets: Bytes[]): ChromeTrace => readChromeTrace(trace(...packets));
const optional = <T>(value: T | undefined, encode: (value: T) => Bytes): Bytes[] => (value === undefined ? [] : [encode(value)]);

// --- Perfetto messages (field numbers from the protos named above) ----------------------------------------------------

const [SLICE_BEGIN, SLICE_END, INSTANT] = [1, 2, 3];

/** Trace.packet (1) with trusted_packet_sequence_id (10). */
const packet = (seq: number, ...parts: Bytes[]): Bytes => msg(1, uint(10, seq), ...parts);

/**
 * The packet that opens a sequence: sequence_flags (13) INCREMENTAL_STATE_CLEARED (1), a clock_snapshot (6) with the
 * incremental clock 64 at `baseUs` and clock 6 (BOOTTIME, ns: must be ignored), trace_packet_defaults (59) with
 * clock 64, the thread's track (11) and its thread-time counter track (31).
 */
function cleared(seq: number, baseUs: number, trackUuid: number, counterUuid?: number): Bytes {
  const clock = (id: number, value: number, ...more: Bytes[]) => msg(1, uint(1, id), uint(2, value), ...more);
  const snapshot = msg(6, clock(64, baseUs, uint(3, 1), uint(4, 1000)), clock(6, baseUs * 1000 + 777));
  return packet(seq, uint(13, 1), uint(8, 0), snapshot, msg(59, uint(58, 64), msg(11, uint(11, trackUuid), ...optional(counterUuid, (uuid) => uint(31, uuid)))));
}

/** track_descriptor (60) of a thread track: uuid (1), thread (4) { pid 1, tid 2, thread_name 5 }. */
const threadTrack = (seq: number, uuid: number, pid: number, tid: number, name?: string, ...extra: Bytes[]): Bytes =>
  packet(seq, msg(60, uint(1, uuid), msg(4, uint(1, pid), uint(2, tid), ...optional(name, (text) => str(5, text)))), ...extra);

/** track_descriptor (60) of a process track: uuid (1), process (3) { pid 1, process_name 6 }. */
const processTrack = (seq: number, uuid: number, pid: number, name: string): Bytes =>
  packet(seq, msg(60, uint(1, uuid), msg(3, uint(1, pid), str(6, name))));

/** interned_data (12): event_names (2) and debug_annotation_names (3), each { iid 1, name 2 }. */
function interned(seq: number, names: Record<number, string>, annotationNames: Record<number, string> = {}): Bytes {
  const entries = (field: number, table: Record<number, string>) => Object.entries(table).map(([iid, name]) => msg(field, uint(1, Number(iid)), str(2, name)));
  return packet(seq, msg(12, ...entries(2, names), ...entries(3, annotationNames)));
}

/** A TrackEvent; the packet's timestamp (8) `dtUs` is a delta on clock 64 unless `clockId` says otherwise. */
interface EventSpec {
  dtUs: number;
  type?: number; // type (9)
  nameIid?: number; // name_iid (10)
  name?: string; // name (23)
  categoryIid?: number; // category_iids (3)
  category?: string; // categories (22)
  counters?: number[]; // extra_counter_values (12): thread-time deltas, µs
  counterUuids?: number[]; // extra_counter_track_uuids (31)
  track?: number; // track_uuid (11)
  annotations?: Bytes[]; // debug_annotations (4)
  eventExtra?: Bytes[]; // more TrackEvent fields
  packetExtra?: Bytes[]; // more TracePacket fields
  clockId?: number; // timestamp_clock_id (58)
}

/** A packet with a track_event (11). */
function event(seq: number, spec: EventSpec): Bytes {
  const fields: Bytes[] = [
    ...optional(spec.type, (type) => uint(9, type)), ...optional(spec.track, (uuid) => uint(11, uuid)),
    ...optional(spec.nameIid, (iid) => uint(10, iid)), ...optional(spec.name, (name) => str(23, name)),
    ...optional(spec.categoryIid, (iid) => uint(3, iid)), ...optional(spec.category, (name) => str(22, name)),
    ...(spec.counterUuids ?? []).map((uuid) => uint(31, uuid)), ...(spec.counters ?? []).map((value) => uint(12, value)),
    ...(spec.annotations ?? []), ...(spec.eventExtra ?? []),
  ];
  return packet(seq, uint(8, spec.dtUs), ...optional(spec.clockId, (id) => uint(58, id)), msg(11, ...fields), ...(spec.packetExtra ?? []));
}

/** A `toplevel` slice begin / end on the sequence's default track, with a thread-time delta. */
const begin = (seq: number, dtUs: number, cpuUs: number, more: Partial<EventSpec> = {}): Bytes =>
  event(seq, { dtUs, type: SLICE_BEGIN, nameIid: 1, categoryIid: 1, counters: [cpuUs], ...more });
const end = (seq: number, dtUs: number, cpuUs: number, more: Partial<EventSpec> = {}): Bytes => event(seq, { dtUs, type: SLICE_END, counters: [cpuUs], ...more });

/** A debug annotation `sync_id`: its name interned (name_iid 1) or inline (name 10), its string_value (6). */
const syncIdInterned = (iid: number, value: string): Bytes => msg(4, uint(1, iid), str(6, value));
const syncIdInline = (value: string, name = 'sync_id'): Bytes => msg(4, str(10, name), str(6, value));

const slice = (pid: number, tid: number, startUs: number, endUs: number, cpuUs: number | null): TaskSlice => ({ pid, tid, startUs, endUs, cpuUs });

// --- decoder ----------------------------------------------------------------------------------------------------------

describe('readChromeTrace (synthetic Perfetto protobuf)', () => {
  it('places slices on clock 64 from the ClockSnapshot base plus the deltas, with thread CPU from the counter deltas', () => {
    const decoded = decode(
      cleared(7, 1_000_000, 100, 101),
      threadTrack(7, 100, 10, 11, 'Compositor'), interned(7, { 1: 'ThreadControllerImpl::RunTask' }),
      begin(7, 250, 5_000), // at 1 000 250 µs, thread time 5 000 µs (first value: absolute)
      end(7, 40, 30), // at 1 000 290 µs, thread time 5 030 µs
      begin(7, 1_000, 12), end(7, 5, 3),
    );
    expect(decoded.slices).toEqual([slice(10, 11, 1_000_250, 1_000_290, 30), slice(10, 11, 1_001_290, 1_001_295, 3)]);
  });

  it('counts a nested slice once, as part of its outermost top-level slice', () => {
    const decoded = decode(
      cleared(1, 0, 100, 101), threadTrack(1, 100, 10, 11),
      begin(1, 10, 1_000),
      begin(1, 5, 4, { category: 'toplevel' }),
      begin(1, 5, 6), end(1, 5, 8),
      end(1, 5, 2),
      end(1, 5, 10),
      begin(1, 10, 1), end(1, 2, 2),
    );
    expect(decoded.slices).toEqual([slice(10, 11, 10, 35, 30), slice(10, 11, 45, 47, 2)]);
  });

  it('does not count a slice without a category as top-level, nor the categorised slices nested in it', () => {
    const decoded = decode(
      cleared(1, 0, 100, 101), threadTrack(1, 100, 10, 11),
      begin(1, 10, 100, { categoryIid: undefined }),
      begin(1, 1, 5), end(1, 1, 5),
      end(1, 1, 5),
      begin(1, 10, 7, { categoryIid: undefined, category: 'toplevel' }), end(1, 3, 9),
    );
    expect(decoded.slices).toEqual([slice(10, 11, 23, 26, 9)]);
  });

  it('resets interned names and counter bases when the incremental state is cleared, and takes the new clock base', () => {
    const decoded = decode(
      cleared(3, 1_000, 100, 101), threadTrack(3, 100, 10, 11),
      interned(3, { 1: 'clock_sync', 2: 'RunTask' }, { 1: 'sync_id' }),
      event(3, { dtUs: 10, type: INSTANT, nameIid: 1, categoryIid: 2, annotations: [syncIdInterned(1, 'before')] }),
      begin(3, 10, 5_000, { nameIid: 2 }),
      // The sequence is cleared mid-slice: the next counter value is absolute again (5 060), the clock restarts at
      // 2 000, and neither event name iid 1 nor annotation name iid 1 means anything until interned again.
      cleared(3, 2_000, 100, 101),
      end(3, 20, 5_060),
      event(3, { dtUs: 5, type: INSTANT, nameIid: 1, categoryIid: 2, annotations: [syncIdInline('lost-name')] }),
      event(3, { dtUs: 5, type: INSTANT, name: 'clock_sync', categoryIid: 2, annotations: [syncIdInterned(1, 'lost-annotation')] }),
      interned(3, { 1: 'clock_sync' }, { 1: 'sync_id' }),
      event(3, { dtUs: 10, type: INSTANT, nameIid: 1, categoryIid: 2, annotations: [syncIdInterned(1, 'after')] }),
    );
    expect(decoded.slices).toEqual([slice(10, 11, 1_020, 2_020, 60)]);
    expect([...decoded.marks]).toEqual([['before', 1_010], ['after', 2_040]]);
  });

  it('attributes slices to pid/tid from track descriptors that arrive after the events, and drops undescribed tracks', () => {
    const decoded = decode(
      cleared(4, 0, 200, 201),
      begin(4, 10, 50), end(4, 10, 20),
      begin(4, 1, 0, { track: 300 }), end(4, 1, 7, { track: 300 }), // an explicit track nobody describes
      threadTrack(4, 200, 42, 43, 'VizCompositorThread'),
      processTrack(4, 199, 42, 'GPU Process'),
    );
    expect(decoded.slices).toEqual([slice(42, 43, 10, 20, 20)]);
    expect(decoded.processNames.get(42)).toBe('GPU Process');
    expect(decoded.threadNames.get('42:43')).toBe('VizCompositorThread');
  });

  it('reads process and thread names of several processes and sequences, interleaved', () => {
    const decoded = decode(
      cleared(1, 500, 10, 11), cleared(2, 500, 20, 21),
      processTrack(1, 9, 1, 'Renderer'),
      threadTrack(1, 10, 1, 100, 'CrRendererMain'),
      processTrack(2, 19, 2, 'Service: network.mojom.NetworkService'),
      threadTrack(2, 20, 2, 200, 'Chrome_ChildIOThread'),
      begin(1, 1, 10), begin(2, 3, 1_000), end(1, 4, 2), end(2, 4, 9),
    );
    expect([...decoded.processNames]).toEqual([[1, 'Renderer'], [2, 'Service: network.mojom.NetworkService']]);
    expect([...decoded.threadNames]).toEqual([['1:100', 'CrRendererMain'], ['2:200', 'Chrome_ChildIOThread']]);
    expect(decoded.slices).toEqual([slice(1, 100, 501, 505, 2), slice(2, 200, 503, 507, 9)]);
  });

  it('reads clock_sync markers by interned or inline event name and sync_id annotation name, nothing else', () => {
    const decoded = decode(
      cleared(5, 10_000, 50),
      interned(5, { 1: 'clock_sync', 2: 'other' }, { 1: 'sync_id', 2: 'not_sync_id' }),
      event(5, { dtUs: 100, type: INSTANT, nameIid: 1, categoryIid: 1, annotations: [syncIdInterned(1, 'step-1:start')] }),
      event(5, { dtUs: 100, type: INSTANT, name: 'clock_sync', categoryIid: 1, annotations: [syncIdInline('step-1:end')] }),
      event(5, { dtUs: 100, type: INSTANT, nameIid: 2, categoryIid: 1, annotations: [syncIdInterned(1, 'other-event')] }),
      event(5, { dtUs: 100, type: INSTANT, nameIid: 1, categoryIid: 1, annotations: [syncIdInterned(2, 'other-annotation')] }),
      event(5, { dtUs: 100, type: INSTANT, nameIid: 1, categoryIid: 1, annotations: [syncIdInline('inline-other', 'id')] }),
      event(5, { dtUs: 100, type: INSTANT, nameIid: 1, categoryIid: 1 }),
      // Several annotations: the sync_id one is found among them.
      event(5, { dtUs: 100, type: INSTANT, nameIid: 1, categoryIid: 1, annotations: [msg(4, uint(1, 2), uint(4, 12)), syncIdInterned(1, 'step-2:start'), msg(4, str(10, 'x'), str(6, 'y'))] }),
    );
    expect([...decoded.marks]).toEqual([['step-1:start', 10_100], ['step-1:end', 10_200], ['step-2:start', 10_700]]);
    expect(decoded.slices).toEqual([]);
  });

  it('skips unknown fields of every wire type (varint, 64-bit, length-delimited, 32-bit) at every level', () => {
    const unknown = (): Bytes[] => [uint(999, 5), fixed64(998), str(997, 'ignored'), fixed32(996), msg(995, uint(1, 3), fixed64(2))];
    const decoded = decode(
      uint(2, 12345), fixed32(3), // unknown Trace fields before the first packet
      cleared(1, 100, 10, 11),
      packet(1, ...unknown(), msg(60, ...unknown(), uint(1, 10), fixed64(7), msg(4, fixed32(9), uint(1, 5), fixed64(8), uint(2, 6), str(5, 'Compositor'), ...unknown()))),
      packet(1, msg(12, fixed64(9), msg(2, fixed32(7), uint(1, 1), str(2, 'clock_sync'), ...unknown()), msg(3, uint(1, 1), fixed64(5), str(2, 'sync_id')))),
      begin(1, 10, 40, { eventExtra: unknown(), packetExtra: unknown() }),
      event(1, { dtUs: 5, type: INSTANT, nameIid: 1, categoryIid: 1, annotations: [msg(4, fixed64(20), uint(1, 1), fixed32(21), str(6, 'mid'), ...unknown())] }),
      end(1, 5, 15, { eventExtra: [fixed32(40), fixed64(47), fixed64(48)] }),
      fixed64(4), // and after the last one
    );
    expect(decoded.threadNames.get('5:6')).toBe('Compositor');
    expect(decoded.slices).toEqual([slice(5, 6, 110, 120, 15)]);
    expect([...decoded.marks]).toEqual([['mid', 115]]);
  });

  it('reads negative int64 counter deltas (10-byte two\u2019s complement varints) exactly, packed or not', () => {
    const decoded = decode(
      cleared(1, 0, 10, 11), threadTrack(1, 10, 1, 2),
      begin(1, 1, 5_000),
      event(1, { dtUs: 1, type: INSTANT, counters: [-3] }), // 4 997
      end(1, 1, 33), // 5 030
      begin(1, 1, -100_000), // −94 970: a large negative loses its low bits as a double near 2^64
      end(1, 1, 100_007), // 5 037
      // extra_counter_values packed (wire type 2): the first value is the thread time.
      event(1, { dtUs: 1, type: SLICE_BEGIN, categoryIid: 1, eventExtra: [bytes(12, [...varint(-7), ...varint(99)])] }), // 5 030
      event(1, { dtUs: 1, type: SLICE_END, eventExtra: [bytes(12, [...varint(21), ...varint(-1)])] }), // 5 051
    );
    expect(decoded.slices.map((s) => s.cpuUs)).toEqual([30, 100_007, 21]);
  });

  it('advances clock 64 on packets without an event too (a track descriptor with its own delta)', () => {
    const decoded = decode(
      cleared(1, 1_000, 10, 11),
      threadTrack(1, 10, 1, 2, 'Compositor', uint(8, 70)), // the descriptor written just before the event, at +70 µs
      begin(1, 0, 10), end(1, 30, 4),
    );
    expect(decoded.slices).toEqual([slice(1, 2, 1_070, 1_100, 4)]);
  });

  it('reads a per-event counter track and leaves the time of events on another clock out', () => {
    const decoded = decode(
      cleared(1, 0, 10), threadTrack(1, 10, 1, 2),
      begin(1, 10, 1_000, { counterUuids: [12] }),
      event(1, { dtUs: 999_999, clockId: 6, type: INSTANT, name: 'clock_sync', annotations: [syncIdInline('boottime')] }),
      end(1, 10, 50, { counterUuids: [12] }),
      begin(1, 1, 0), end(1, 1, 0), // no counter track at all: no thread time
    );
    expect(decoded.slices).toEqual([slice(1, 2, 10, 20, 50), slice(1, 2, 21, 22, null)]);
    expect(decoded.marks.size).toBe(0);
  });

  it('decodes generated top-level tasks, nested or not, exactly (property)', () => {
    const small = fc.integer({ min: 0, max: 500 });
    const task = fc.record({
      gapUs: fc.integer({ min: 0, max: 100_000 }),
      // Nested slices; cpuBefore may be a negative delta inside the task.
      children: fc.array(fc.record({ before: small, cpuBefore: fc.integer({ min: -200, max: 500 }), durationUs: small, cpuUs: small }), { maxLength: 3 }),
      tailUs: fc.integer({ min: 0, max: 1_000 }),
      tailCpuUs: fc.integer({ min: 0, max: 1_000 }),
      startCpuDeltaUs: fc.integer({ min: -2_000, max: 2_000 }),
    });
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 40 }), fc.array(task, { maxLength: 8 }), (baseUs, tasks) => {
        const packets: Bytes[] = [cleared(1, baseUs, 10, 11), threadTrack(1, 10, 1, 2)];
        const expected: TaskSlice[] = [];
        let [nowUs, cpuUs] = [baseUs, 1_000_000];
        packets.push(event(1, { dtUs: 0, type: INSTANT, counters: [cpuUs] }));
        for (const t of tasks) {
          packets.push(begin(1, t.gapUs, t.startCpuDeltaUs));
          [nowUs, cpuUs] = [nowUs + t.gapUs, cpuUs + t.startCpuDeltaUs];
          const [startUs, startCpu] = [nowUs, cpuUs];
          for (const child of t.children) {
            packets.push(begin(1, child.before, child.cpuBefore), end(1, child.durationUs, child.cpuUs));
            nowUs += child.before + child.durationUs;
            cpuUs += child.cpuBefore + child.cpuUs;
          }
          packets.push(end(1, t.tailUs, t.tailCpuUs));
          [nowUs, cpuUs] = [nowUs + t.tailUs, cpuUs + t.tailCpuUs];
          expected.push(slice(1, 2, startUs, nowUs, Math.max(0, cpuUs - startCpu)));
        }
        expect(readChromeTrace(trace(...packets)).slices).toEqual(expected);
      }),
      RUNS,
    );
  });
});

// --- off-main CPU per window ------------------------------------------------------------------------------------------

/** A decoded trace of the processes and threads Chromium runs (names as Chromium 156 writes them). */
function browserTrace(slices: TaskSlice[]): ChromeTrace {
  const processes = ['Browser', 'Renderer', 'WebUI Top Renderer', 'GPU Process', 'Service: network.mojom.NetworkService', 'Service: tracing.mojom.TracingService', 'Service: storage.mojom.StorageService'];
  const processNames = new Map(processes.map((name, index) => [index + 1, name]));
  const threads = { '1:10': 'CrBrowserMain', '2:20': 'CrRendererMain', '2:21': 'CPUThrottlingThread', '2:22': 'Compositor', '2:23': 'ThreadPoolForegroundWorker' };
  const more = { '3:30': 'Compositor', '4:40': 'VizCompositorThread', '4:41': 'CrGpuMain', '5:50': 'Chrome_ChildIOThread', '6:60': 'tracing.CrUtilityMain', '7:70': 'Chrome_ChildIOThread' };
  const threadNames = new Map(Object.entries({ ...threads, ...more }));
  return { slices, processNames, threadNames, marks: new Map() };
}

describe('threadGroup', () => {
  it('sorts threads into the three off-main figures, or none', () => {
    expect([threadGroup('Renderer', 'CrRendererMain'), threadGroup('Renderer', 'CPUThrottlingThread')]).toEqual([null, null]);
    expect(threadGroup('Renderer', 'Compositor')).toBe('rendererOtherCpuMs');
    expect(threadGroup('Renderer', undefined)).toBe('rendererOtherCpuMs');
    expect(threadGroup('WebUI Top Renderer', 'Compositor')).toBeNull();
    expect(threadGroup('GPU Process', 'VizCompositorThread')).toBe('gpuCpuMs');
    expect(threadGroup('Service: network.mojom.NetworkService', 'Chrome_ChildIOThread')).toBe('utilityCpuMs');
    expect(threadGroup('Service: tracing.mojom.TracingService', 'tracing.CrUtilityMain')).toBeNull();
    // Last two: the trace writer thread is the probe's own cost.
    expect([threadGroup('Browser', 'CrBrowserMain'), threadGroup(undefined, 'Compositor'), threadGroup('Renderer', 'PerfettoTrace'), threadGroup('GPU Process', 'PerfettoTrace')]).toEqual([null, null, null, null]);
  });
});

describe('offMainCpuByWindow', () => {
  it('counts renderer threads but the main and throttling ones, the GPU process and services but tracing', () => {
    const slices = [
      slice(1, 10, 100, 200, 1_000), // browser: not counted
      slice(2, 20, 100, 200, 2_000), // renderer main thread: the cpu probe's
      slice(2, 21, 100, 200, 4_000), // CPUThrottlingThread: busy-waits under throttling
      slice(2, 22, 100, 200, 300), slice(2, 23, 150, 160, 200),
      slice(2, 24, 150, 160, 100), // an unnamed renderer thread
      slice(3, 30, 100, 200, 8_000), // the browser's WebUI renderer
      slice(4, 40, 100, 200, 1_500), slice(4, 41, 100, 200, 600),
      slice(5, 50, 100, 200, 700), slice(7, 70, 100, 200, 100),
      slice(6, 60, 100, 200, 9_000), // tracing service
      slice(9, 90, 100, 200, 5_000), // a process without a name
      slice(4, 40, 100, 200, null), // no thread time recorded
    ];
    expect(offMainCpuByWindow(browserTrace(slices), [[0, 1_000]])).toEqual([{ rendererOtherCpuMs: 0.6, gpuCpuMs: 2.1, utilityCpuMs: 0.8 }]);
  });

  it('splits a slice straddling a window edge by its wall-time share, and keeps null windows null', () => {
    const slices = [
      slice(4, 40, 900, 1_100, 10_000), // half in [1 000, 2 000], half before
      slice(4, 40, 1_900, 2_300, 8_000), // a quarter in, three quarters in the next window
      slice(2, 22, 500, 2_500, 20_000), // covers the window: its half
      slice(5, 50, 1_500, 1_500, 3_000), // zero wall time, inside: counted whole
      slice(5, 50, 2_600, 2_600, 3_000), // zero wall time, outside
    ];
    const windows: ([number, number] | null)[] = [[1_000, 2_000], null, [2_000, 3_000], [3_000, 4_000]];
    expect(offMainCpuByWindow(browserTrace(slices), windows)).toEqual([
      { rendererOtherCpuMs: 10, gpuCpuMs: 7, utilityCpuMs: 3 },
      null,
      { rendererOtherCpuMs: 5, gpuCpuMs: 6, utilityCpuMs: 3 },
      { rendererOtherCpuMs: 0, gpuCpuMs: 0, utilityCpuMs: 0 },
    ]);
    expect(offMainCpuByWindow(browserTrace(slices), [null, null])).toEqual([null, null]);
  });

  it('rounds each figure to 0.1 ms', () => {
    // Utility: 1.04 + 1.04 = 2.08 ms → 2.1 (rounded once, after the sum: 1.0 + 1.0 would give 2.0).
    const slices = [slice(2, 22, 0, 10, 1_234), slice(4, 40, 0, 10, 1_260), slice(5, 50, 0, 10, 1_040), slice(7, 70, 0, 10, 1_040)];
    expect(offMainCpuByWindow(browserTrace(slices), [[0, 10]])).toEqual([{ rendererOtherCpuMs: 1.2, gpuCpuMs: 1.3, utilityCpuMs: 2.1 }]);
    // A third of 1 000 µs: 0.333… ms → 0.3.
    expect(offMainCpuByWindow(browserTrace([slice(4, 40, 0, 30, 1_000)]), [[0, 10]])).toEqual([{ rendererOtherCpuMs: 0, gpuCpuMs: 0.3, utilityCpuMs: 0 }]);
  });

  it('sums over a partition of the trace to the whole-trace total, within rounding (property)', () => {
    // Zero-length slices included: one exactly on a shared edge counts in the window it starts (end exclusive).
    const counted: Array<[number, number]> = [[2, 22], [2, 23], [4, 40], [5, 50], [7, 70]];
    const anyThread: Array<[number, number]> = [...counted, [1, 10], [2, 20], [2, 21], [3, 30], [6, 60]];
    const generated = fc.record({
      slices: fc.array(fc.record({ thread: fc.constantFrom(...anyThread), startUs: fc.integer({ min: 0, max: 99_999 }), lengthUs: fc.integer({ min: 0, max: 20_000 }), cpuUs: fc.integer({ min: 0, max: 50_000 }) }), {
        maxLength: 40,
      }),
      edges: fc.uniqueArray(fc.integer({ min: 1, max: 119_999 }), { maxLength: 12 }),
    });
    fc.assert(
      fc.property(generated, ({ slices, edges }) => {
        const trace = browserTrace(slices.map((s) => slice(s.thread[0], s.thread[1], s.startUs, s.startUs + s.lengthUs, s.cpuUs)));
        const points = [0, ...[...edges].sort((a, b) => a - b), 120_000];
        const windows = points.slice(1).map((to, i) => [points[i]!, to] as [number, number]);
        const [whole] = offMainCpuByWindow(trace, [[0, 120_000]]);
        const parts = offMainCpuByWindow(trace, windows);
        for (const group of ['rendererOtherCpuMs', 'gpuCpuMs', 'utilityCpuMs'] as const) {
          const sum = parts.reduce((total, part) => total + part![group], 0);
          expect(Math.abs(sum - whole![group])).toBeLessThanOrEqual(0.05 * (windows.length + 1) + 1e-9);
          for (const part of parts) expect(part![group]).toBeGreaterThanOrEqual(0);
        }
        const isCounted = (thread: [number, number]) => counted.some(([pid, tid]) => pid === thread[0] && tid === thread[1]);
        const exact = slices.filter((s) => isCounted(s.thread)).reduce((total, s) => total + s.cpuUs / 1000, 0);
        const wholeSum = whole!.rendererOtherCpuMs + whole!.gpuCpuMs + whole!.utilityCpuMs;
        expect(Math.abs(wholeSum - exact)).toBeLessThanOrEqual(0.15 + 1e-9);
      }),
      RUNS,
    );
  });
});
