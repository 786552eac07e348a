/**
 * The protobuf wire format as chrome-trace-packets.ts reads it: a position in a byte buffer, base-128 varints, exact
 * keys for 64-bit identifiers, strings, and skipping of unread fields.
 */

const UTF8 = new TextDecoder();
/** Varints of at most this many bytes (49 bits) are exact as numbers. */
const MAX_NUMBER_KEY_BYTES = 7;

/**
 * An exact identifier (track uuid, interning id): the value of a short canonical varint, else its encoded bytes as a
 * string (a 64-bit uuid is not exact as a number). Two keys are equal exactly when their encoded bytes are.
 */
export type WireKey = number | string;

/** A reading position in a buffer. */
export class WireReader {
  buf: Uint8Array = new Uint8Array(0);
  pos = 0;
  /** Where `buf` starts in the whole trace (for error messages). */
  offset = 0;

  /** A base-128 varint, as a number (exact below 2^53). */
  varint(): number {
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
  protected int64(): number {
    const start = this.pos;
    const value = this.varint();
    if (value < 2 ** 63) return value;
    let bits = 0n;
    for (let i = this.pos - 1; i >= start; i--) bits = (bits << 7n) | BigInt(this.buf[i]! & 0x7f);
    return Number(BigInt.asIntN(64, bits));
  }

  /** An exact key for a 64-bit varint: its value when short and canonical, else its encoded bytes. */
  protected key(): WireKey {
    const buf = this.buf;
    const start = this.pos;
    const value = this.varint();
    const length = this.pos - start;
    if (length <= MAX_NUMBER_KEY_BYTES && (length === 1 || buf[this.pos - 1] !== 0)) return value;
    let text = '';
    for (let i = start; i < this.pos; i++) text += String.fromCharCode(buf[i]!);
    return text;
  }

  /** The string field ending at `end`; leaves the position there. */
  protected string(end: number): string {
    const text = UTF8.decode(this.buf.subarray(this.pos, end));
    this.pos = end;
    return text;
  }

  /** Skips the value of a field of wire type `wire`; throws on a type Chromium never writes (groups). */
  skip(wire: number): void {
    if (wire === 0) this.varint();
    else if (wire === 1) this.pos += 8;
    else if (wire === 2) this.pos = this.lengthEnd();
    else if (wire === 5) this.pos += 4;
    else throw new Error(`chrome trace: unsupported wire type ${wire} at byte ${this.offset + this.pos}`);
  }

  /** The end of a length-delimited field, reading its length. */
  lengthEnd(): number {
    const length = this.varint();
    return this.pos + length;
  }

  /** Moves to the content of the length-delimited field at `position`; returns its end. */
  protected enter(position: number): number {
    this.pos = position;
    return this.lengthEnd();
  }
}
