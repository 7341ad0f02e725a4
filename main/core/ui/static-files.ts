import { stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';

/**
 * How the app's own pages are served, the same in Electron (app://) and headless (http on
 * 127.0.0.1): one content security policy, one MIME map, one path resolver.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');

/** Browsers ignore (and warn about) frame-ancestors in a <meta> policy; headers carry it instead. */
export const META_CONTENT_SECURITY_POLICY = CONTENT_SECURITY_POLICY.split('; ')
  .filter((directive) => !directive.startsWith('frame-ancestors'))
  .join('; ');

/** Every answer for one of the app's pages carries these, so the policy holds even if the HTML's meta tag were stripped. */
export const PAGE_HEADERS = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
} as const;

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
};

export const mimeTypeOf = (file: string): string => MIME[extname(file).toLowerCase()] ?? 'application/octet-stream';

export type StaticFile = { status: 200; file: string; contentType: string } | { status: 400 | 404 };

/**
 * The file under `root` for a URL path. A malformed escape is 400; a path that climbs out of root,
 * or a missing file, is 404, unless `fallbackToIndex` serves the app shell for client-side routes.
 */
export async function resolveStaticFile(root: string, urlPath: string, options: { fallbackToIndex?: boolean } = {}): Promise<StaticFile> {
  let relative: string;
  try {
    relative = decodeURIComponent(urlPath).replace(/^\/+/, '') || 'index.html';
  } catch {
    return { status: 400 };
  }
  const base = normalize(root + sep);
  let file = normalize(join(base, relative));
  if (!file.startsWith(base)) return { status: 404 };
  if (!(await stat(file).catch(() => undefined))?.isFile()) {
    if (!options.fallbackToIndex) return { status: 404 };
    file = join(base, 'index.html');
  }
  return { status: 200, file, contentType: mimeTypeOf(file) };
}
