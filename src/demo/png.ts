import { deflateSync } from 'node:zlib';

/** A raw 8-bit picture: `pixels` holds `width × height × channels` bytes, row by row. */
export interface RawImage {
  width: number;
  height: number;
  /** 3 = RGB, 4 = RGBA. */
  channels: 3 | 4;
  pixels: Uint8Array;
}

/** PNG row filter applied to every scanline: `none` for noise, `sub`/`up` for smooth pictures. */
export type PngFilter = 'none' | 'sub' | 'up';

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const FILTER_CODE: Record<PngFilter, number> = { none: 0, sub: 1, up: 2 };

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** CRC-32 (ISO 3309, as used by PNG chunks) of `bytes`. */
export function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = CRC_TABLE[(crc ^ byte) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'latin1');
  out.set(data, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

function filterScanlines(image: RawImage, filter: PngFilter): Buffer {
  const stride = image.width * image.channels;
  const out = Buffer.alloc((stride + 1) * image.height);
  const { pixels, channels } = image;
  for (let y = 0; y < image.height; y++) {
    const src = y * stride;
    const dst = y * (stride + 1);
    out[dst] = FILTER_CODE[filter];
    for (let i = 0; i < stride; i++) {
      const value = pixels[src + i];
      let predictor = 0;
      if (filter === 'sub' && i >= channels) predictor = pixels[src + i - channels];
      if (filter === 'up' && y > 0) predictor = pixels[src + i - stride];
      out[dst + 1 + i] = (value - predictor) & 0xff;
    }
  }
  return out;
}

/**
 * Encodes a picture as a PNG file (8 bits per channel, no interlace).
 *
 * @param image - the raw pixels; their length must be `width × height × channels`
 * @param options - row filter (default `up`) and zlib level (default 9)
 * @returns the PNG file bytes
 */
export function encodePng(image: RawImage, options: { filter?: PngFilter; level?: number } = {}): Buffer {
  const { width, height, channels, pixels } = image;
  if (pixels.length !== width * height * channels) {
    throw new Error(`encodePng: expected ${width * height * channels} bytes of pixels, got ${pixels.length}`);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = channels === 4 ? 6 : 2; // colour type: RGBA or RGB
  // bytes 10-12: compression 0, filter method 0, interlace 0
  const data = deflateSync(filterScanlines(image, options.filter ?? 'up'), { level: options.level ?? 9 });
  return Buffer.concat([SIGNATURE, chunk('IHDR', header), chunk('IDAT', data), chunk('IEND', new Uint8Array(0))]);
}
