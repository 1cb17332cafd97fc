import { decode } from 'fast-png';

/** Width and height from a PNG's IHDR chunk (big-endian at bytes 16 and 20), checking the signature. */
export function pngSize(bytes: Uint8Array): { width: number; height: number } {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  signature.forEach((byte, i) => {
    if (bytes[i] !== byte) throw new Error('not a PNG file');
  });
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const chunkType = String.fromCharCode(...bytes.subarray(12, 16));
  if (chunkType !== 'IHDR') throw new Error(`first chunk is ${chunkType}, not IHDR`);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

/** RGBA pixels decoded by fast-png, an implementation independent of the renderer. */
export interface Pixels {
  width: number;
  height: number;
  /** [r, g, b, a] at (x, y). */
  at(x: number, y: number): [number, number, number, number];
}

export function decodePng(bytes: Uint8Array): Pixels {
  const image = decode(bytes);
  if (image.depth !== 8) throw new Error(`expected 8-bit channels, got ${image.depth}`);
  const { width, height, channels, data } = image;
  return {
    width,
    height,
    at(x, y) {
      const i = (y * width + x) * channels;
      const alpha = channels === 4 ? (data[i + 3] as number) : 255;
      return [data[i] as number, data[i + 1] as number, data[i + 2] as number, alpha];
    },
  };
}

/** Counts the pixels of a region (default: all) for which `test` holds. */
export function countPixels(
  image: Pixels,
  test: (rgba: [number, number, number, number]) => boolean,
  region = { x: 0, y: 0, width: image.width, height: image.height },
): number {
  let count = 0;
  for (let y = region.y; y < region.y + region.height; y++) {
    for (let x = region.x; x < region.x + region.width; x++) if (test(image.at(x, y))) count++;
  }
  return count;
}

/** Within `tolerance` of a colour given as '#rrggbb', per channel. */
export function near(hex: string, tolerance = 24) {
  const target = [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16));
  return ([r, g, b]: [number, number, number, number]) =>
    [r, g, b].every((value, i) => Math.abs(value - (target[i] as number)) <= tolerance);
}
