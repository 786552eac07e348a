/**
 * The packet decoder behind chrome-trace-proto.ts: Perfetto `TracePacket`s of a Chromium trace, decoded by hand
 * in the wire format (field numbers: see chrome-trace-proto.ts). Written for speed on a 10–20 MB trace of 300 000
 * packets: no closure or array per field, identifiers kept as numbers when they are short canonical varints (their
 * encoded bytes as a string otherwise, so that 64-bit uuids stay exact), and an event's debug annotations read
 * only when the event is a `clock_sync` marker (the only one whose annotation is used; the others are skipped by
 * their length, unread). Same result as the decoder it replaced (test/probes/chrome-trace-equivalence.test.ts).
 */

const INCREMENTAL_CLOCK_ID = 64;
const SEQ_INCREMENTAL_STATE_CLEARED = 1;
const TYPE_SLICE_BEGIN = 1;
const TYPE_SLICE_END = 2;
import { WireReader, type WireKey } from './chrome-trace-wire.js';

interface OpenTrack {
  depth: number;
  startUs: number;
  startCpu: number | null;
  topLevel: boolean;
}

interface SequenceState {
  timestampUs: number;
  trackUuid: WireKey | null;
  counterUuids: WireKey[];
  counters: Map<WireKey, number>;
  names: Map<WireKey, string>;
  annotationNames: Map<WireKey, string>;
  open: Map<WireKey, OpenTrack>;
}

/**
 * Decodes packets one at a time (`packet(buf, start, end)`) and keeps what they build: threads, names, markers and
 * the finished top-level slices (still keyed by their track: descriptors may come after a thread's first events).
 */
export class PacketDecoder extends WireReader {
  readonly threads = new Map<WireKey, { pid: number; tid: number }>();
  readonly processNames = new Map<number, string>();
  readonly threadNames = new Map<string, string>();
  readonly marks = new Map<string, number>();
  readonly finishedTracks: WireKey[] = [];
  readonly finishedStartUs: number[] = [];
  readonly finishedEndUs: number[] = [];
  readonly finishedCpuUs: (number | null)[] = [];
  private readonly sequences = new Map<number, SequenceState>();
  private lastSequenceId = -1;
  private lastSequence: SequenceState | null = null;
  /** Reused per event: its counter values and the start of each debug annotation (counts in the event). */
  private readonly values: number[] = [];
  private readonly annotations: number[] = [];

  // --- messages ----------------------------------------------------------------------------------------------------

  private state(id: number): SequenceState {
    if (id === this.lastSequenceId) return this.lastSequence!;
    let state = this.sequences.get(id);
    if (!state) {
      state = { timestampUs: 0, trackUuid: null, counterUuids: [], counters: new Map(), names: new Map(), annotationNames: new Map(), open: new Map() };
      this.sequences.set(id, state);
    }
    this.lastSequenceId = id;
    this.lastSequence = state;
    return state;
  }

  /** Decodes the `TracePacket` between `start` and `end` of `buf`. */
  packet(buf: Uint8Array, start: number, end: number): void {
    this.buf = buf;
    this.pos = start;
    let timestamp = 0;
    let clockId = -1;
    let sequenceId = 0;
    let flags = 0;
    let event = -1;
    let interned = -1;
    let defaults = -1;
    let snapshot = -1;
    let descriptor = -1;
    // First pass: scalars, and where the sub-messages start (they need the sequence's state).
    while (this.pos < end) {
      const key = this.varint();
      const field = key >>> 3;
      const wire = key & 7;
      if (wire === 0) {
        if (field === 8) timestamp = this.varint();
        else if (field === 58) clockId = this.varint();
        else if (field === 10) sequenceId = this.varint();
        else if (field === 13) flags = this.varint();
        else this.varint();
        continue;
      }
      if (wire === 2) {
        if (field === 11) event = this.pos;
        else if (field === 12) interned = this.pos;
        else if (field === 59) defaults = this.pos;
        else if (field === 6) snapshot = this.pos;
        else if (field === 60) descriptor = this.pos;
        this.pos = this.lengthEnd();
        continue;
      }
      this.skip(wire);
    }
    const state = this.state(sequenceId);
    if (flags & SEQ_INCREMENTAL_STATE_CLEARED) {
      state.counters.clear();
      state.names.clear();
      state.annotationNames.clear();
    }
    if (snapshot >= 0) this.snapshot(this.enter(snapshot), state);
    if (defaults >= 0) this.defaults(this.enter(defaults), state);
    if (descriptor >= 0) this.descriptor(this.enter(descriptor));
    if (interned >= 0) this.interned(this.enter(interned), state);
    if (clockId !== -1 && clockId !== INCREMENTAL_CLOCK_ID) return;
    state.timestampUs += timestamp;
    if (event >= 0) this.event(this.enter(event), state);
  }

  private snapshot(end: number, state: SequenceState): void {
    while (this.pos < end) {
      const key = this.varint();
      if (key !== (1 << 3) + 2) {
        this.skip(key & 7);
        continue;
      }
      const clockEnd = this.lengthEnd();
      let id = -1;
      let value = 0;
      while (this.pos < clockEnd) {
        const inner = this.varint();
        if (inner === (1 << 3) + 0) id = this.varint();
        else if (inner === (2 << 3) + 0) value = this.varint();
        else this.skip(inner & 7);
      }
      if (id === INCREMENTAL_CLOCK_ID) state.timestampUs = value;
    }
    this.pos = end;
  }

  private defaults(end: number, state: SequenceState): void {
    while (this.pos < end) {
      const key = this.varint();
      if (key !== (11 << 3) + 2) {
        this.skip(key & 7);
        continue;
      }
      const eventEnd = this.lengthEnd();
      const uuids: WireKey[] = [];
      while (this.pos < eventEnd) {
        const inner = this.varint();
        const field = inner >>> 3;
        const wire = inner & 7;
        if (field === 11 && wire === 0) state.trackUuid = this.key();
        else if (field === 31) this.keys(wire, uuids);
        else this.skip(wire);
      }
      state.counterUuids = uuids;
    }
    this.pos = end;
  }

  private keys(wire: number, into: WireKey[]): void {
    if (wire !== 2) {
      into.push(this.key());
      return;
    }
    const end = this.lengthEnd();
    while (this.pos < end) into.push(this.key());
  }

  private descriptor(end: number): void {
    let uuid: WireKey = '';
    while (this.pos < end) {
      const key = this.varint();
      const field = key >>> 3;
      const wire = key & 7;
      if (field === 1 && wire === 0) uuid = this.key();
      else if ((field === 3 || field === 4) && wire === 2) this.processOrThread(field, uuid, this.lengthEnd());
      else this.skip(wire);
    }
    this.pos = end;
  }

  /** A `ProcessDescriptor` (field 3 of a track descriptor) or `ThreadDescriptor` (4) ending at `end`. */
  private processOrThread(field: number, uuid: WireKey, end: number): void {
    let pid = 0;
    let tid = 0;
    let name = '';
    const nameField = field === 3 ? 6 : 5;
    while (this.pos < end) {
      const key = this.varint();
      const f = key >>> 3;
      const w = key & 7;
      if (f === 1 && w === 0) pid = this.varint();
      else if (field === 4 && f === 2 && w === 0) tid = this.varint();
      else if (f === nameField && w === 2) name = this.string(this.lengthEnd());
      else this.skip(w);
    }
    if (field === 3 && name) this.processNames.set(pid, name);
    if (field === 4) {
      this.threads.set(uuid, { pid, tid });
      if (name) this.threadNames.set(`${pid}:${tid}`, name);
    }
  }

  private interned(end: number, state: SequenceState): void {
    while (this.pos < end) {
      const key = this.varint();
      const field = key >>> 3;
      const wire = key & 7;
      if ((field !== 2 && field !== 3) || wire !== 2) {
        this.skip(wire);
        continue;
      }
      const entryEnd = this.lengthEnd();
      let iid: WireKey = '';
      let name = '';
      while (this.pos < entryEnd) {
        const inner = this.varint();
        if (inner === (1 << 3) + 0) iid = this.key();
        else if (inner === (2 << 3) + 2) name = this.string(this.lengthEnd());
        else this.skip(inner & 7);
      }
      (field === 2 ? state.names : state.annotationNames).set(iid, name);
    }
    this.pos = end;
  }

  private event(end: number, state: SequenceState): void {
    let type = 0;
    let track = state.trackUuid;
    let nameIid: WireKey | null = null;
    let name: string | null = null;
    let counterUuid: WireKey | null = null;
    let hasCategory = false;
    const values = this.values;
    const annotations = this.annotations;
    let valueCount = 0;
    let annotationCount = 0;
    while (this.pos < end) {
      const key = this.varint();
      const field = key >>> 3;
      const wire = key & 7;
      if (field === 9 && wire === 0) type = this.varint();
      else if (field === 11 && wire === 0) track = this.key();
      else if (field === 10 && wire === 0) nameIid = this.key();
      else if (field === 12) {
        if (wire === 2) {
          const packedEnd = this.lengthEnd();
          while (this.pos < packedEnd) values[valueCount++] = this.int64();
        } else values[valueCount++] = this.int64();
      } else if (field === 31) {
        const first = this.firstKey(wire);
        counterUuid ??= first;
      }
      else if (field === 3 || field === 22) {
        hasCategory = true;
        this.skip(wire);
      } else if (field === 23 && wire === 2) name = this.string(this.lengthEnd());
      else if (field === 4 && wire === 2) {
        annotations[annotationCount++] = this.pos;
        this.pos = this.lengthEnd();
      } else this.skip(wire);
    }
    const firstValue = this.counters(valueCount, counterUuid, state);
    const eventName = name ?? (nameIid !== null ? state.names.get(nameIid) ?? null : null);
    if (eventName === 'clock_sync' && annotationCount > 0) {
      const syncId = this.syncIdOf(annotationCount, state);
      if (syncId !== null) this.marks.set(syncId, state.timestampUs);
    }
    this.pos = end;
    if (track === null) return;
    this.slice(track, type, hasCategory, firstValue, state);
  }

  /** The first uuid of an event's `extra_counter_track_uuids` field (all of them read), or null. */
  private firstKey(wire: number): WireKey | null {
    if (wire !== 2) return this.key();
    const end = this.lengthEnd();
    const first = this.pos < end ? this.key() : null;
    while (this.pos < end) this.key();
    return first;
  }

  /**
   * Thread time: the first counter (the event's own, or the sequence default), whose values are deltas; further
   * values feed the sequence's further default counters. Returns the first counter's new value, or null.
   */
  private counters(count: number, counterUuid: WireKey | null, state: SequenceState): number | null {
    const values = this.values;
    let firstValue: number | null = null;
    const uuid = counterUuid ?? state.counterUuids[0];
    if (count > 0 && uuid !== undefined) {
      firstValue = (state.counters.get(uuid) ?? 0) + values[0]!;
      state.counters.set(uuid, firstValue);
    }
    for (let i = 1; i < count; i++) {
      const other = state.counterUuids[i];
      if (other !== undefined) state.counters.set(other, (state.counters.get(other) ?? 0) + values[i]!);
    }
    return firstValue;
  }

  /** The `sync_id` of a `clock_sync` event: the last of its `count` debug annotations that has one. */
  private syncIdOf(count: number, state: SequenceState): string | null {
    let syncId: string | null = null;
    for (let i = 0; i < count; i++) syncId = this.syncId(this.enter(this.annotations[i]!), state) ?? syncId;
    return syncId;
  }

  /** The `sync_id` string of a debug annotation, if it is one. */
  private syncId(end: number, state: SequenceState): string | null {
    let annotation = '';
    let text: string | null = null;
    while (this.pos < end) {
      const key = this.varint();
      const f = key >>> 3;
      const w = key & 7;
      if (f === 1 && w === 0) annotation = state.annotationNames.get(this.key()) ?? '';
      else if ((f === 10 || f === 6) && w === 2) {
        const value = this.string(this.lengthEnd());
        if (f === 10) annotation = value;
        else text = value;
      } else this.skip(w);
    }
    return annotation === 'sync_id' ? text : null;
  }

  /** Opens or closes the slice an event of `type` begins or ends on `track`. */
  private slice(track: WireKey, type: number, hasCategory: boolean, cpu: number | null, state: SequenceState): void {
    let open = state.open.get(track);
    if (!open) {
      open = { depth: 0, startUs: 0, startCpu: null, topLevel: false };
      state.open.set(track, open);
    }
    if (type === TYPE_SLICE_BEGIN) {
      if (open.depth === 0) {
        open.startUs = state.timestampUs;
        open.startCpu = cpu;
        open.topLevel = hasCategory;
      }
      open.depth++;
    } else if (type === TYPE_SLICE_END && open.depth > 0) {
      open.depth--;
      if (open.depth === 0 && open.topLevel) {
        this.finishedTracks.push(track);
        this.finishedStartUs.push(open.startUs);
        this.finishedEndUs.push(state.timestampUs);
        this.finishedCpuUs.push(cpu !== null && open.startCpu !== null ? Math.max(0, cpu - open.startCpu) : null);
      }
    }
  }
}
