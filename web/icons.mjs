// PNG icons of the PWA (192 and 512 px, plus a full-bleed maskable 512), drawn from the same geometry as
// public/icon.svg with Node's zlib only — no image library, no network. build.mjs writes them into web/dist
// after the Vite build (they are generated, never committed). `node web/icons.mjs <dir>` writes them anywhere.
import { deflateSync } from 'node:zlib';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const BG = [0x1c, 0x4f, 0x82];
// The bars of icon.svg in its 512-unit box: [x, width]; all from y 136 to 376.
const BARS = [
  [112, 24],
  [156, 12],
  [188, 36],
  [244, 12],
  [276, 24],
  [320, 12],
  [352, 48],
];

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}

/** RGBA pixels of the icon at `size` px; `rounded` clips the corners like the SVG (rx 96/512), else full bleed. */
export function iconPixels(size, rounded) {
  const s = size / 512;
  const r = 96 * s;
  const px = Buffer.alloc(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      // Sample the pixel centre in the 512 box.
      const u = (x + 0.5) / s;
      const v = (y + 0.5) / s;
      let inside = true;
      if (rounded) {
        const cx = Math.min(Math.max(x + 0.5, r), size - r);
        const cy = Math.min(Math.max(y + 0.5, r), size - r);
        inside = (x + 0.5 - cx) ** 2 + (y + 0.5 - cy) ** 2 <= r * r;
      }
      const bar = v >= 136 && v < 376 && BARS.some(([bx, bw]) => u >= bx && u < bx + bw);
      const i = (y * size + x) * 4;
      const [cr, cg, cb] = bar ? [255, 255, 255] : BG;
      px[i] = cr;
      px[i + 1] = cg;
      px[i + 2] = cb;
      px[i + 3] = inside ? 255 : 0;
    }
  }
  return px;
}

export function png(size, rounded) {
  const px = iconPixels(size, rounded);
  const raw = Buffer.alloc((size * 4 + 1) * size);
  for (let y = 0; y < size; y++) px.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

export function writeIcons(dir) {
  writeFileSync(path.join(dir, 'icon-192.png'), png(192, true));
  writeFileSync(path.join(dir, 'icon-512.png'), png(512, true));
  writeFileSync(path.join(dir, 'icon-maskable-512.png'), png(512, false));
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  writeIcons(path.resolve(process.argv[2] ?? path.join(path.dirname(fileURLToPath(import.meta.url)), 'dist')));
}
