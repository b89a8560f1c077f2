/**
 * Reads the format and pixel size of an image from its first bytes, so the
 * exporter can size it without a decoder. Supports what `docx` embeds
 * without a fallback: PNG, JPEG, GIF and BMP.
 */

export type ImageFormat = 'png' | 'jpg' | 'gif' | 'bmp';

export type ImageInfo = {
  data: Uint8Array;
  type: ImageFormat;
  /** Pixel size as stored in the file. */
  width: number;
  height: number;
};

/** Big-endian 16-bit read. */
function u16be(bytes: Uint8Array, at: number): number {
  return (bytes[at]! << 8) | bytes[at + 1]!;
}

/** Little-endian 16-bit read. */
function u16le(bytes: Uint8Array, at: number): number {
  return bytes[at]! | (bytes[at + 1]! << 8);
}

/** Big-endian unsigned 32-bit read. */
function u32be(bytes: Uint8Array, at: number): number {
  return ((bytes[at]! << 24) >>> 0) + ((bytes[at + 1]! << 16) | (bytes[at + 2]! << 8) | bytes[at + 3]!);
}

/** Little-endian signed 32-bit read. */
function i32le(bytes: Uint8Array, at: number): number {
  return bytes[at]! | (bytes[at + 1]! << 8) | (bytes[at + 2]! << 16) | (bytes[at + 3]! << 24);
}

/** JPEG: walk the segments to the first start-of-frame marker (SOF0-SOF15 except DHT, JPG, DAC). */
function jpegSize(bytes: Uint8Array): { width: number; height: number } | undefined {
  let at = 2;
  while (at + 9 < bytes.length) {
    if (bytes[at] !== 0xff) return undefined;
    const marker = bytes[at + 1]!;
    if (marker === 0xff) {
      at++;
      continue;
    }
    if (marker === 0xd8 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      at += 2;
      continue;
    }
    const length = u16be(bytes, at + 2);
    const isFrame = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
    if (isFrame) return { height: u16be(bytes, at + 5), width: u16be(bytes, at + 7) };
    at += 2 + length;
  }
  return undefined;
}

/** Detects the format and size; undefined when the bytes are not a supported image. */
export function readImageInfo(data: Uint8Array): ImageInfo | undefined {
  let size: { width: number; height: number } | undefined;
  let type: ImageFormat | undefined;
  if (data.length >= 24 && data[0] === 0x89 && data[1] === 0x50 && data[2] === 0x4e && data[3] === 0x47) {
    type = 'png';
    size = { width: u32be(data, 16), height: u32be(data, 20) };
  } else if (data.length >= 4 && data[0] === 0xff && data[1] === 0xd8) {
    type = 'jpg';
    size = jpegSize(data);
  } else if (data.length >= 10 && data[0] === 0x47 && data[1] === 0x49 && data[2] === 0x46) {
    type = 'gif';
    size = { width: u16le(data, 6), height: u16le(data, 8) };
  } else if (data.length >= 26 && data[0] === 0x42 && data[1] === 0x4d) {
    type = 'bmp';
    size = { width: Math.abs(i32le(data, 18)), height: Math.abs(i32le(data, 22)) };
  }
  if (!type || !size || size.width <= 0 || size.height <= 0) return undefined;
  return { data, type, width: size.width, height: size.height };
}

/** Scales an image down (never up) to fit a box, in pixels at 96 per inch; integers, at least 1. */
export function fitImage(info: { width: number; height: number }, maxWidth: number, maxHeight: number): { width: number; height: number } {
  const scale = Math.min(1, maxWidth / info.width, maxHeight / info.height);
  return { width: Math.max(1, Math.floor(info.width * scale)), height: Math.max(1, Math.floor(info.height * scale)) };
}
