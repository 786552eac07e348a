/**
 * Reader of a Chromium trace in Perfetto's protobuf format (CDP `Tracing` with `streamFormat: "proto"`), for the
 * off-main-thread CPU probe: the top-level task slices of every thread with their wall interval and the thread CPU
 * time they used, and the clock-sync markers. Pure: bytes in, plain objects out.
 *
 * Not JSON: Chromium converts its protobuf trace to JSON on export, 1.7–2.1 s per demo iteration here (Chromium 156).
 *
 * Only the fields read are decoded, with the numbers of Perfetto's public protos (google/perfetto @
 * 005055c991ae2d5717df2d086495181ef7fe5a32: `protos/perfetto/trace/trace_packet.proto`,
 * `track_event/track_event.proto`, `track_event/track_descriptor.proto`, `thread_descriptor.proto`,
 * `process_descriptor.proto`, `interned_data/interned_data.proto`, `clock_snapshot.proto`). Chromium writes, per
 * packet sequence (one per thread): a `ClockSnapshot` and `TracePacketDefaults` when its incremental state is cleared
 * (timestamps on the sequence-scoped incremental clock 64 in µs, each packet's `timestamp` a delta; the thread-time
 * counter track as `extra_counter_track_uuids`, its values deltas in µs), interned event names, and `TrackEvent`
 * slices (`TYPE_SLICE_BEGIN` / `TYPE_SLICE_END`). The decoder walks the wire format by hand (no per-field objects):
 * a protobuf library decoding every packet took three times longer. The trace can be decoded as it is read
 * ({@link ChromeTraceReader}: packets are decoded as soon as a chunk completes them), with the same result as
 * decoding it whole; the packets themselves are decoded in chrome-trace-packets.ts.
 */
import { PacketDecoder } from './chrome-trace-packets.js';

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

/** Decodes a Chromium proto trace (see the module comment). */
export function readChromeTrace(bytes: Uint8Array): ChromeTrace {
  const reader = new ChromeTraceReader();
  reader.push(bytes);
  return reader.finish();
}

/**
 * Decodes a Chromium proto trace given in chunks, in order (`push`), as they arrive: every complete top-level field
 * is decoded at once; the bytes of a field cut by the chunk's end wait for the next chunk. `finish` decodes what is
 * left (exactly as a whole-trace decode would, errors included) and returns the trace.
 */
export class ChromeTraceReader {
  private readonly decoder = new PacketDecoder();
  private rest: Uint8Array = new Uint8Array(0);
  /** After a field the incremental path does not frame (an unsupported wire type): the rest is kept for `finish`. */
  private stalled = false;
  private pending: Uint8Array[] = [];
  /** End of the varint {@link scan} read last. */
  private scanEnd = 0;
  /** Bytes of the trace before `rest`. */
  private consumed = 0;

  /** Decodes every top-level field `chunk` completes. */
  push(chunk: Uint8Array): void {
    if (this.stalled) {
      this.pending.push(chunk);
      return;
    }
    const buf = this.rest.length === 0 ? chunk : concat([this.rest, chunk]);
    this.decoder.offset = this.consumed;
    let pos = 0;
    while (pos < buf.length) {
      const key = this.scan(buf, pos);
      if (key < 0) break;
      let start = this.scanEnd;
      const wire = key & 7;
      let end: number;
      if (wire === 0) {
        if (this.scan(buf, start) < 0) break;
        end = this.scanEnd;
      } else if (wire === 1) end = start + 8;
      else if (wire === 5) end = start + 4;
      else if (wire === 2) {
        const length = this.scan(buf, start);
        if (length < 0) break;
        start = this.scanEnd;
        end = start + length;
      } else {
        this.stalled = true;
        break;
      }
      if (end > buf.length) break;
      if (key === (1 << 3) + 2) this.decoder.packet(buf, start, end);
      pos = end;
    }
    this.rest = buf.slice(pos);
    this.consumed += pos;
  }

  /** Decodes what the chunks left and returns the trace. */
  finish(): ChromeTrace {
    const decoder = this.decoder;
    const buf = this.pending.length === 0 ? this.rest : concat([this.rest, ...this.pending]);
    this.rest = new Uint8Array(0);
    this.pending = [];
    decoder.buf = buf;
    decoder.pos = 0;
    decoder.offset = this.consumed;
    while (decoder.pos < buf.length) {
      const key = decoder.varint();
      if (key === (1 << 3) + 2) {
        const packetEnd = decoder.lengthEnd();
        decoder.packet(buf, decoder.pos, packetEnd);
        decoder.buf = buf;
        decoder.pos = packetEnd;
      } else decoder.skip(key & 7);
    }
    const slices: TaskSlice[] = [];
    for (let i = 0; i < decoder.finishedTracks.length; i++) {
      const thread = decoder.threads.get(decoder.finishedTracks[i]!);
      if (thread) slices.push({ pid: thread.pid, tid: thread.tid, startUs: decoder.finishedStartUs[i]!, endUs: decoder.finishedEndUs[i]!, cpuUs: decoder.finishedCpuUs[i]! });
    }
    return { slices, processNames: decoder.processNames, threadNames: decoder.threadNames, marks: decoder.marks };
  }

  /** The varint at `pos` of `buf` (its end in {@link scanEnd}), or -1 when `buf` ends inside it. */
  private scan(buf: Uint8Array, pos: number): number {
    let result = 0;
    let scale = 1;
    for (let i = pos; i < buf.length; i++) {
      const byte = buf[i]!;
      result += (byte & 0x7f) * scale;
      if (byte < 0x80) {
        this.scanEnd = i + 1;
        return result;
      }
      scale *= 128;
    }
    return -1;
  }
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}
