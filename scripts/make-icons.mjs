// Renders the app and tray icons into resources/icons/: RGBA PNGs, the Windows .ico files and
// the macOS .icns, and the macOS menu-bar template images (black shapes on alpha, which macOS
// recolours for light and dark menu bars).
//
// No image libraries on purpose: the shapes are a few signed-distance
// functions, and drawing them here keeps the icons reproducible from source
// (same script, same bytes) instead of living as hand-edited binaries.
//
// Usage: node scripts/make-icons.mjs

import { Buffer } from 'node:buffer';
import console from 'node:console';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import process from 'node:process';
import { URL, fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const OUT_DIR = fileURLToPath(new URL('../resources/icons/', import.meta.url));

// ---------------------------------------------------------------------------
// PNG encoding

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(bytes) {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function pngChunk(type, data) {
  const typeAndData = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData));
  return Buffer.concat([length, typeAndData, crc]);
}

/** @param {Uint8Array} rgba width*height*4 bytes, straight (non-premultiplied) alpha */
function encodePng(width, height, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // colour type: RGBA
  // bytes 10-12 stay 0: deflate, adaptive filtering, no interlace

  // Filter 0 on every row: the files are tiny either way, and it keeps the
  // encoder trivially correct.
  const stride = width * 4;
  const raw = Buffer.alloc((stride + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (stride + 1)] = 0;
    raw.set(rgba.subarray(y * stride, (y + 1) * stride), y * (stride + 1) + 1);
  }

  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', header),
    pngChunk('IDAT', deflateSync(raw, { level: 9 })),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

// ---------------------------------------------------------------------------
// Shapes. Everything is in unit coordinates (0..1 across the icon, y down) so
// one design renders natively at any size. Distances: negative = inside.

function sdRoundBox(x, y, cx, cy, halfW, halfH, radius) {
  const qx = Math.abs(x - cx) - (halfW - radius);
  const qy = Math.abs(y - cy) - (halfH - radius);
  const outside = Math.hypot(Math.max(qx, 0), Math.max(qy, 0));
  const inside = Math.min(Math.max(qx, qy), 0);
  return outside + inside - radius;
}

function sdSegment(x, y, ax, ay, bx, by) {
  const px = x - ax;
  const py = y - ay;
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, (px * dx + py * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - dx * t, py - dy * t);
}

// A square with a circle of the same radius bitten out of each corner: the
// classic four-point sparkle with concave arcs and sharp tips. The result is a
// distance bound rather than an exact distance, which is enough for an
// inside/outside test.
function sdSparkle(x, y, cx, cy, radius) {
  const qx = Math.abs(x - cx);
  const qy = Math.abs(y - cy);
  const square = Math.max(qx, qy) - radius;
  const bite = radius - Math.hypot(qx - radius, qy - radius);
  return Math.max(square, bite);
}

/**
 * Outline rectangle plus a "V" flap from the top corners to an apex.
 * The geometry describes the stroke centreline; the stroke straddles it.
 */
function inEnvelope(x, y, env) {
  const half = env.stroke / 2;
  const box = sdRoundBox(x, y, env.cx, env.cy, env.halfW, env.halfH, env.radius);
  if (box > half) return false;
  if (box >= -half) return true;
  // The flap starts at the centreline's corners; with a rounded outline those
  // points sit outside the curve, so the flap is only drawn inside the box
  // test above to keep its round caps from poking out of the corners.
  const top = env.cy - env.halfH;
  const left = env.cx - env.halfW;
  const right = env.cx + env.halfW;
  const apexY = top + env.flapDepth * env.halfH * 2;
  const flap = Math.min(sdSegment(x, y, left, top, env.cx, apexY), sdSegment(x, y, right, top, env.cx, apexY));
  return flap <= half;
}

// ---------------------------------------------------------------------------
// Colours and scenes. A scene maps a sample point to the colour of the topmost
// shape there; render() does the anti-aliasing.

const hex = (s) => [1, 3, 5].map((i) => parseInt(s.slice(i, i + 2), 16)).concat(255);
const TRANSPARENT = [0, 0, 0, 0];
const WHITE = hex('#ffffff');
const APP_TOP = hex('#e3132f');
const APP_BOTTOM = hex('#b30018');
const TRAY_RED = hex('#d6001c');
const TRAY_GREY = hex('#7a818c');

// The macOS/Windows family look: corner radius at ~22% of the side.
const SQUARE_RADIUS = 0.22;

const insideSquare = (x, y) => sdRoundBox(x, y, 0.5, 0.5, 0.5, 0.5, SQUARE_RADIUS) <= 0;

const APP_ENVELOPE = {
  cx: 0.5,
  cy: 0.5,
  halfW: 0.3,
  halfH: 0.22,
  radius: 0.045,
  stroke: 0.06,
  flapDepth: 0.55,
};
// Centred on the envelope's top-right corner. Its tips line up with the
// envelope's top and right strokes and would fuse with them, so the envelope
// is knocked out in a disc around the whole sparkle (a badge-style cut-out in
// the background colour) and the sparkle sits in that hole.
const APP_SPARKLE = { cx: 0.8, cy: 0.28, radius: 0.14, gap: 0.035 };

function appIconScene(x, y) {
  if (!insideSquare(x, y)) return TRANSPARENT;
  const { cx, cy, radius, gap } = APP_SPARKLE;
  if (sdSparkle(x, y, cx, cy, radius) <= 0) return WHITE;
  const inKnockout = Math.hypot(x - cx, y - cy) <= radius + gap;
  if (!inKnockout && inEnvelope(x, y, APP_ENVELOPE)) return WHITE;
  return mix(APP_TOP, APP_BOTTOM, y);
}

// Tray sizes are 16 and 32 px, so the outer edges of the tray glyphs sit on
// whole pixels of the 16 px grid to keep them crisp instead of smeared across
// two pixels. No sparkle: it would be a
// smudge at 16 px.
const TRAY_ENVELOPE = {
  // outer edges at x = 2..14 px, y = 3..13 px on the 16 px grid
  cx: 0.5,
  cy: 0.5,
  halfW: 6 / 16 - 0.75 / 16,
  halfH: 5 / 16 - 0.75 / 16,
  radius: 0,
  stroke: 1.5 / 16,
  flapDepth: 0.55,
};

function trayScene(x, y) {
  if (!insideSquare(x, y)) return TRANSPARENT;
  return inEnvelope(x, y, TRAY_ENVELOPE) ? WHITE : TRAY_RED;
}

// Bars 2 px wide with a 2 px gap and 8 px tall, at x = 5..7 and 9..11 px on the
// 16 px grid.
const PAUSE_BARS = [6 / 16, 10 / 16].map((cx) => ({ cx, cy: 0.5, halfW: 1 / 16, halfH: 4 / 16 }));

function trayPausedScene(x, y) {
  if (!insideSquare(x, y)) return TRANSPARENT;
  const onBar = PAUSE_BARS.some((b) => sdRoundBox(x, y, b.cx, b.cy, b.halfW, b.halfH, 0.25 / 16) <= 0);
  return onBar ? WHITE : TRAY_GREY;
}

// macOS template images: only the alpha channel counts, so the glyph is drawn
// alone, in black, without the coloured square behind it.
const BLACK = hex('#000000');

function trayTemplateScene(x, y) {
  return inEnvelope(x, y, TRAY_ENVELOPE) ? BLACK : TRANSPARENT;
}

function trayPausedTemplateScene(x, y) {
  const onBar = PAUSE_BARS.some((b) => sdRoundBox(x, y, b.cx, b.cy, b.halfW, b.halfH, 0.25 / 16) <= 0);
  if (onBar) return BLACK;
  // The paused glyph keeps a thin outline so it reads as the same app's icon.
  const outline = sdRoundBox(x, y, 0.5, 0.5, 6.25 / 16, 6.25 / 16, 2 / 16);
  return Math.abs(outline) <= 0.6 / 16 ? BLACK : TRANSPARENT;
}

function mix(a, b, t) {
  return a.map((v, i) => v + (b[i] - v) * t);
}

// ---------------------------------------------------------------------------
// Rendering

/**
 * Box-filters an n*n grid of samples per pixel. Colours are averaged
 * premultiplied so that transparent samples don't darken the edge pixels.
 */
function render(size, scene, samplesPerAxis) {
  const rgba = new Uint8Array(size * size * 4);
  const count = samplesPerAxis * samplesPerAxis;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0,
        g = 0,
        b = 0,
        a = 0;
      for (let sy = 0; sy < samplesPerAxis; sy++) {
        for (let sx = 0; sx < samplesPerAxis; sx++) {
          const x = (px + (sx + 0.5) / samplesPerAxis) / size;
          const y = (py + (sy + 0.5) / samplesPerAxis) / size;
          const c = scene(x, y);
          const alpha = c[3] / 255;
          r += c[0] * alpha;
          g += c[1] * alpha;
          b += c[2] * alpha;
          a += alpha;
        }
      }
      const i = (py * size + px) * 4;
      if (a > 0) {
        rgba[i] = Math.round(r / a);
        rgba[i + 1] = Math.round(g / a);
        rgba[i + 2] = Math.round(b / a);
      }
      rgba[i + 3] = Math.round((a / count) * 255);
    }
  }
  return rgba;
}

// ---------------------------------------------------------------------------
// Containers

/**
 * A Windows icon: one image per size. Sizes up to 128 are 32-bit DIBs (BGRA rows bottom-up plus
 * the 1-bit AND mask), which every Windows tool reads, NSIS's installer icon included; 256 is a
 * PNG, as Windows expects at that size.
 */
function encodeIco(images) {
  const entries = images.map(({ size, rgba }) => ({ size, data: size >= 256 ? encodePng(size, size, rgba) : encodeDib(size, rgba) }));
  const header = Buffer.alloc(6 + 16 * entries.length);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2); // type: icon
  header.writeUInt16LE(entries.length, 4);
  let offset = header.length;
  entries.forEach(({ size, data }, i) => {
    const at = 6 + 16 * i;
    header[at] = size >= 256 ? 0 : size; // 0 means 256
    header[at + 1] = size >= 256 ? 0 : size;
    header[at + 2] = 0; // no palette
    header[at + 3] = 0;
    header.writeUInt16LE(1, at + 4); // colour planes
    header.writeUInt16LE(32, at + 6); // bits per pixel
    header.writeUInt32LE(data.length, at + 8);
    header.writeUInt32LE(offset, at + 12);
    offset += data.length;
  });
  return Buffer.concat([header, ...entries.map(({ data }) => data)]);
}

function encodeDib(size, rgba) {
  const info = Buffer.alloc(40);
  info.writeUInt32LE(40, 0);
  info.writeInt32LE(size, 4);
  info.writeInt32LE(size * 2, 8); // colour rows plus mask rows
  info.writeUInt16LE(1, 12);
  info.writeUInt16LE(32, 14);
  const pixels = Buffer.alloc(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const from = (y * size + x) * 4;
      const to = ((size - 1 - y) * size + x) * 4;
      pixels[to] = rgba[from + 2];
      pixels[to + 1] = rgba[from + 1];
      pixels[to + 2] = rgba[from];
      pixels[to + 3] = rgba[from + 3];
    }
  }
  // All zero: the alpha channel decides; the mask is there because the format requires it.
  const maskStride = Math.ceil(size / 32) * 4;
  return Buffer.concat([info, pixels, Buffer.alloc(maskStride * size)]);
}

/** A macOS icon family: PNG payloads under their type codes, sizes 16 to 1024 (retina included). */
function encodeIcns(images) {
  const chunks = images.map(({ type, png }) => {
    const head = Buffer.alloc(8);
    head.write(type, 0, 'ascii');
    head.writeUInt32BE(png.length + 8, 4);
    return Buffer.concat([head, png]);
  });
  const head = Buffer.alloc(8);
  head.write('icns', 0, 'ascii');
  head.writeUInt32BE(8 + chunks.reduce((sum, chunk) => sum + chunk.length, 0), 4);
  return Buffer.concat([head, ...chunks]);
}

// Tray icons get more samples: they are cheap, and at 16 px every edge pixel
// is a large share of the glyph.
const OUTPUTS = [
  { file: 'icon.png', size: 1024, scene: appIconScene, samples: 4 },
  { file: 'icon-512.png', size: 512, scene: appIconScene, samples: 4 },
  { file: 'icon-256.png', size: 256, scene: appIconScene, samples: 4 },
  { file: 'tray.png', size: 16, scene: trayScene, samples: 8 },
  { file: 'tray@2x.png', size: 32, scene: trayScene, samples: 8 },
  { file: 'tray-paused.png', size: 16, scene: trayPausedScene, samples: 8 },
  { file: 'tray-paused@2x.png', size: 32, scene: trayPausedScene, samples: 8 },
  // macOS menu bar: the name ending in "Template" makes Electron mark them as template images.
  { file: 'trayTemplate.png', size: 16, scene: trayTemplateScene, samples: 8 },
  { file: 'trayTemplate@2x.png', size: 32, scene: trayTemplateScene, samples: 8 },
  { file: 'tray-pausedTemplate.png', size: 16, scene: trayPausedTemplateScene, samples: 8 },
  { file: 'tray-pausedTemplate@2x.png', size: 32, scene: trayPausedTemplateScene, samples: 8 },
];

// Windows picks the size for the screen's scaling from the .ico (tray: 16 at 100%, 24 at 150%, 32 at 200%).
const ICO_OUTPUTS = [
  { file: 'icon.ico', sizes: [16, 24, 32, 48, 64, 128, 256], scene: appIconScene, samples: 4 },
  { file: 'tray.ico', sizes: [16, 20, 24, 32, 40, 48], scene: trayScene, samples: 8 },
  { file: 'tray-paused.ico', sizes: [16, 20, 24, 32, 40, 48], scene: trayPausedScene, samples: 8 },
];

// ic04/ic05 are ARGB-only on older systems, so the family starts at 32 px (ic11 is 16@2x).
const ICNS_TYPES = [
  { type: 'ic11', size: 32 },
  { type: 'ic12', size: 64 },
  { type: 'ic07', size: 128 },
  { type: 'ic13', size: 256 },
  { type: 'ic08', size: 256 },
  { type: 'ic14', size: 512 },
  { type: 'ic09', size: 512 },
  { type: 'ic10', size: 1024 },
];

function write(file, bytes, what) {
  const path = join(OUT_DIR, file);
  writeFileSync(path, bytes);
  console.log(`${relative(process.cwd(), path)}  ${what}  ${bytes.length} bytes`);
}

function main() {
  mkdirSync(OUT_DIR, { recursive: true });
  for (const { file, size, scene, samples } of OUTPUTS) {
    write(file, encodePng(size, size, render(size, scene, samples)), `${size}x${size}`);
  }
  for (const { file, sizes, scene, samples } of ICO_OUTPUTS) {
    write(file, encodeIco(sizes.map((size) => ({ size, rgba: render(size, scene, samples) }))), sizes.join(','));
  }
  const pngs = new Map();
  const pngOf = (size) => {
    if (!pngs.has(size)) pngs.set(size, encodePng(size, size, render(size, appIconScene, 4)));
    return pngs.get(size);
  };
  write(
    'icon.icns',
    encodeIcns(ICNS_TYPES.map(({ type, size }) => ({ type, png: pngOf(size) }))),
    ICNS_TYPES.map(({ size }) => size).join(','),
  );
}

main();
