/**
 * REFERENCE, not used by src/: the Chromium proto trace decoder as it was in src/probes/chrome-trace-proto.ts at
 * commit 5da77a5 (before it was rewritten for speed into chrome-trace-proto.ts, chrome-trace-packets.ts and
 * chrome-trace-wire.ts), kept unchanged below this comment so that tests and bench/trace-decode.ts can check that the
 * new decoder returns exactly what this one returns, on traces recorded from real Chromium.
 */

/** A top-level task slice of one thread. */
export interface TaskSlice {
  pid: number;
  tid: number;
  /** Wall interval, µs on the trace clock. */
  startUs: number;
  endUs: number;
  /** Thread CPU time the slice used, µs (null when the sequence records no thread time). */
  cpuUs: number | null;
}

/** What {@link readChromeTrace} extracts. */
export interface ChromeTrace {
  slices: TaskSlice[];
  /** pid → process name (`Renderer`, `GPU Process`, `Service: network.mojom.NetworkService`, …). */
  processNames: Map<number, string>;
  /** `pid:tid` → thread name. */
  threadNames: Map<string, string>;
  /** Clock-sync marker id → time, µs on the trace clock. */
  marks: Map<string, number>;
}

const UTF8 = new TextDecoder();
const INCREMENTAL_CLOCK_ID = 64;
const SEQ_INCREMENTAL_STATE_CLEARED = 1;
const TYPE_SLICE_BEGIN = 1;
const TYPE_SLICE_END = 2;

interface OpenTrack {
  depth: number;
  startUs: number;
  startCpu: number | null;
  topLevel: boolean;
}

interface SequenceState {
  timestampUs: number;
  trackUuid: string | null;
  counterUuids: string[];
  counters: Map<string, number>;
  names: Map<string, string>;
  annotationNames: Map<string, string>;
  open: Map<string, OpenTrack>;
}

/** A finished top-level slice, still keyed by its track (descriptors may come after a thread's first events). */
interface TrackSlice {
  track: string;
  startUs: number;
  endUs: number;
  cpuUs: number | null;
}

/** Decodes a Chromium proto trace (see the module comment). */
export function readChromeTrace(bytes: Uint8Array): ChromeTrace {
  return new Decoder(bytes).read();
}

class Decoder {
  private pos = 0;
  private readonly threads = new Map<string, { pid: number; tid: number }>();
  private readonly processNames = new Map<number, string>();
  private readonly threadNames = new Map<string, string>();
  private readonly marks = new Map<string, number>();
  private readonly finished: TrackSlice[] = [];
  private readonly sequences = new Map<number, SequenceState>();

  constructor(private readonly buf: Uint8Array) {}

  read(): ChromeTrace {
    const end = this.buf.length;
    while (this.pos < end) {
      const key = this.varint();
      if (key === (1 << 3) + 2) {
        const length = this.varint();
        const packetEnd = this.pos + length;
        this.packet(packetEnd);
        this.pos = packetEnd;
      } else this.skip(key & 7);
    }
    const slices: TaskSlice[] = [];
    for (const slice of this.finished) {
      const thread = this.threads.get(slice.track);
      if (thread) slices.push({ pid: thread.pid, tid: thread.tid, startUs: slice.startUs, endUs: slice.endUs, cpuUs: slice.cpuUs });
    }
    return { slices, processNames: this.processNames, threadNames: this.threadNames, marks: this.marks };
  }

  // --- wire format -------------------------------------------------------------------------------------------------

  private varint(): number {
    const buf = this.buf;
    let byte = buf[this.pos++]!;
    if (byte < 0x80) return byte;
    let result = byte & 0x7f;
    let scale = 128;
    for (;;) {
      byte = buf[this.pos++]!;
      result += (byte & 0x7f) * scale;
      if (byte < 0x80) return result;
      scale *= 128;
    }
  }

  /** int64 varint: two's complement for negative deltas (read exactly: a double near 2^64 has lost the low bits). */
  private int64(): number {
    const start = this.pos;
    const value = this.varint();
    if (value < 2 ** 63) return value;
    let bits = 0n;
    for (let i = this.pos - 1; i >= start; i--) bits = (bits << 7n) | BigInt(this.buf[i]! & 0x7f);
    return Number(BigInt.asIntN(64, bits));
  }

  /** An exact key for a 64-bit varint (uuids, iids): its encoded bytes. */
  private key(): string {
    const start = this.pos;
    while (this.buf[this.pos++]! >= 0x80);
    return String.fromCharCode(...this.buf.subarray(start, this.pos));
  }

  /** The string field ending at `end`; leaves the position there. */
  private string(end: number): string {
    const text = UTF8.decode(this.buf.subarray(this.pos, end));
    this.pos = end;
    return text;
  }

  private skip(wire: number): void {
    if (wire === 0) this.varint();
    else if (wire === 1) this.pos += 8;
    else if (wire === 2) this.pos = this.lengthEnd();
    else if (wire === 5) this.pos += 4;
    else throw new Error(`chrome trace: unsupported wire type ${wire} at byte ${this.pos}`);
  }

  /** Runs `each` for every field up to `end`; `each` returns false to have the field skipped. */
  private message(end: number, each: (field: number, wire: number) => boolean): void {
    while (this.pos < end) {
      const key = this.varint();
      const field = key >>> 3;
      const wire = key & 7;
      if (!each(field, wire)) this.skip(wire);
    }
  }

  /** The end of a length-delimited field, reading its length. */
  private lengthEnd(): number {
    const length = this.varint();
    return this.pos + length;
  }

  // --- messages ----------------------------------------------------------------------------------------------------

  private state(id: number): SequenceState {
    let state = this.sequences.get(id);
    if (!state) {
      state = { timestampUs: 0, trackUuid: null, counterUuids: [], counters: new Map(), names: new Map(), annotationNames: new Map(), open: new Map() };
      this.sequences.set(id, state);
    }
    return state;
  }

  private packet(end: number): void {
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
    this.message(end, (field, wire) => {
      if (wire === 0) {
        if (field === 8) timestamp = this.varint();
        else if (field === 58) clockId = this.varint();
        else if (field === 10) sequenceId = this.varint();
        else if (field === 13) flags = this.varint();
        else return false;
        return true;
      }
      if (wire !== 2) return false;
      if (field === 11) event = this.pos;
      else if (field === 12) interned = this.pos;
      else if (field === 59) defaults = this.pos;
      else if (field === 6) snapshot = this.pos;
      else if (field === 60) descriptor = this.pos;
      else return false;
      this.pos = this.lengthEnd();
      return true;
    });
    const state = this.state(sequenceId);
    if (flags & SEQ_INCREMENTAL_STATE_CLEARED) {
      state.counters.clear();
      state.names.clear();
      state.annotationNames.clear();
    }
    if (snapshot >= 0) this.at(snapshot, (e) => this.snapshot(e, state));
    if (defaults >= 0) this.at(defaults, (e) => this.defaults(e, state));
    if (descriptor >= 0) this.at(descriptor, (e) => this.descriptor(e));
    if (interned >= 0) this.at(interned, (e) => this.interned(e, state));
    if (clockId !== -1 && clockId !== INCREMENTAL_CLOCK_ID) return;
    state.timestampUs += timestamp;
    if (event >= 0) this.at(event, (e) => this.event(e, state));
  }

  /** Reads the length-delimited field that starts at `position` with `read(end)`. */
  private at(position: number, read: (end: number) => void): void {
    this.pos = position;
    const end = this.lengthEnd();
    read(end);
    this.pos = end;
  }

  private snapshot(end: number, state: SequenceState): void {
    this.message(end, (field, wire) => {
      if (field !== 1 || wire !== 2) return false;
      const clockEnd = this.lengthEnd();
      let id = -1;
      let value = 0;
      this.message(clockEnd, (f, w) => {
        if (w !== 0 || (f !== 1 && f !== 2)) return false;
        if (f === 1) id = this.varint();
        else value = this.varint();
        return true;
      });
      if (id === INCREMENTAL_CLOCK_ID) state.timestampUs = value;
      return true;
    });
  }

  private defaults(end: number, state: SequenceState): void {
    this.message(end, (field, wire) => {
      if (field !== 11 || wire !== 2) return false;
      const eventEnd = this.lengthEnd();
      const uuids: string[] = [];
      this.message(eventEnd, (f, w) => {
        if (f === 11 && w === 0) state.trackUuid = this.key();
        else if (f === 31) this.keys(w, uuids);
        else return false;
        return true;
      });
      state.counterUuids = uuids;
      return true;
    });
  }

  private keys(wire: number, into: string[]): void {
    if (wire !== 2) {
      into.push(this.key());
      return;
    }
    const end = this.lengthEnd();
    while (this.pos < end) into.push(this.key());
  }

  private descriptor(end: number): void {
    let uuid = '';
    this.message(end, (field, wire) => {
      if (field === 1 && wire === 0) uuid = this.key();
      else if ((field === 3 || field === 4) && wire === 2) {
        const subEnd = this.lengthEnd();
        let pid = 0;
        let tid = 0;
        let name = '';
        this.message(subEnd, (f, w) => {
          if (f === 1 && w === 0) pid = this.varint();
          else if (field === 4 && f === 2 && w === 0) tid = this.varint();
          else if (((field === 3 && f === 6) || (field === 4 && f === 5)) && w === 2) name = this.string(this.lengthEnd());
          else return false;
          return true;
        });
        if (field === 3 && name) this.processNames.set(pid, name);
        if (field === 4) {
          this.threads.set(uuid, { pid, tid });
          if (name) this.threadNames.set(`${pid}:${tid}`, name);
        }
      } else return false;
      return true;
    });
  }

  private interned(end: number, state: SequenceState): void {
    this.message(end, (field, wire) => {
      if ((field !== 2 && field !== 3) || wire !== 2) return false;
      const entryEnd = this.lengthEnd();
      let iid = '';
      let name = '';
      this.message(entryEnd, (f, w) => {
        if (f === 1 && w === 0) iid = this.key();
        else if (f === 2 && w === 2) name = this.string(this.lengthEnd());
        else return false;
        return true;
      });
      (field === 2 ? state.names : state.annotationNames).set(iid, name);
      return true;
    });
  }

  private event(end: number, state: SequenceState): void {
    let type = 0;
    let track = state.trackUuid;
    let nameIid: string | null = null;
    let name: string | null = null;
    let firstValue: number | null = null;
    let counterUuid: string | null = null;
    let hasCategory = false;
    let syncId: string | null = null;
    const values: number[] = [];
    this.message(end, (field, wire) => {
      if (field === 9 && wire === 0) type = this.varint();
      else if (field === 11 && wire === 0) track = this.key();
      else if (field === 10 && wire === 0) nameIid = this.key();
      else if (field === 12) {
        if (wire === 2) {
          const packedEnd = this.lengthEnd();
          while (this.pos < packedEnd) values.push(this.int64());
        } else values.push(this.int64());
      } else if (field === 31) {
        const uuids: string[] = [];
        this.keys(wire, uuids);
        counterUuid ??= uuids[0] ?? null;
      } else if (field === 3 || field === 22) {
        hasCategory = true;
        return false;
      } else if (field === 23 && wire === 2) name = this.string(this.lengthEnd());
      else if (field === 4 && wire === 2) syncId = this.syncId(this.lengthEnd(), state) ?? syncId;
      else return false;
      return true;
    });
    // Thread time: the first counter (the event's own, or the sequence default), whose values are deltas.
    const uuid = counterUuid ?? state.counterUuids[0];
    if (values.length > 0 && uuid !== undefined) {
      firstValue = (state.counters.get(uuid) ?? 0) + values[0]!;
      state.counters.set(uuid, firstValue);
    }
    for (let i = 1; i < values.length; i++) {
      const other = state.counterUuids[i];
      if (other !== undefined) state.counters.set(other, (state.counters.get(other) ?? 0) + values[i]!);
    }
    const eventName = name ?? (nameIid !== null ? state.names.get(nameIid) ?? null : null);
    if (eventName === 'clock_sync' && syncId !== null) this.marks.set(syncId, state.timestampUs);
    if (track === null) return;
    let open = state.open.get(track);
    if (!open) {
      open = { depth: 0, startUs: 0, startCpu: null, topLevel: false };
      state.open.set(track, open);
    }
    if (type === TYPE_SLICE_BEGIN) {
      if (open.depth === 0) {
        open.startUs = state.timestampUs;
        open.startCpu = firstValue;
        open.topLevel = hasCategory;
      }
      open.depth++;
    } else if (type === TYPE_SLICE_END && open.depth > 0) {
      open.depth--;
      if (open.depth === 0 && open.topLevel) {
        const cpuUs = firstValue !== null && open.startCpu !== null ? Math.max(0, firstValue - open.startCpu) : null;
        this.finished.push({ track, startUs: open.startUs, endUs: state.timestampUs, cpuUs });
      }
    }
  }

  /** The `sync_id` string of a debug annotation, if it is one. */
  private syncId(end: number, state: SequenceState): string | null {
    let annotation = '';
    let text: string | null = null;
    this.message(end, (f, w) => {
      if (f === 1 && w === 0) annotation = state.annotationNames.get(this.key()) ?? '';
      else if ((f === 10 || f === 6) && w === 2) {
        const value = this.string(this.lengthEnd());
        if (f === 10) annotation = value;
        else text = value;
      } else return false;
      return true;
    });
    return annotation === 'sync_id' ? text : null;
  }
}
