// A tiny static file server for the built remote and host shells: the caching and CORS rules of a CDN, nothing more.
import { createReadStream, promises as fs } from 'node:fs';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.ts': 'text/plain; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  '.zip': 'application/zip',
  '.bin': 'application/octet-stream',
};

/** Entry points a host must revalidate on every load: they name the hashed files of the current release. */
const REVALIDATED = new Set(['remoteEntry.js', 'mf-manifest.json', 'mf-stats.json', 'remoteEntry.slim.js', 'mf-manifest.slim.json', 'mf-manifest.slim-stats.json']);
/** `name.0123abcd.js`, `name.0123abcd.css.map`: webpack's [contenthash:8] (or longer) in the file name. */
const HASHED = /\.[0-9a-f]{8,}\.[a-z0-9]+(\.map)?$/i;

export const IMMUTABLE = 'public, max-age=31536000, immutable';
export const REVALIDATE = 'no-cache';

/** CSP as a ready string or as directives, e.g. { 'script-src': ["'self'", 'http://localhost:3001'] }. */
export type ContentSecurityPolicy = string | Record<string, readonly string[]>;

export interface StaticOptions {
  /** Directory served at `/`. */
  root: string;
  /** Content-Security-Policy header added to every response (documents are what it governs). */
  csp?: ContentSecurityPolicy;
  /** Extra headers on every response. */
  headers?: Record<string, string>;
}

export type StaticHandler = (req: IncomingMessage, res: ServerResponse, next?: () => void) => void;

export function contentTypeOf(file: string): string {
  return CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

export function cacheControlOf(file: string): string {
  const name = path.basename(file);
  if (REVALIDATED.has(name) || name.endsWith('.html')) return REVALIDATE;
  return HASHED.test(name) ? IMMUTABLE : REVALIDATE;
}

export function formatCsp(csp: ContentSecurityPolicy): string {
  if (typeof csp === 'string') return csp;
  return Object.entries(csp)
    .map(([directive, sources]) => [directive, ...sources].join(' '))
    .join('; ');
}

/** Resolves a URL path inside root; null for anything that escapes it or is malformed. */
function resolveInside(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const file = path.resolve(root, `.${path.posix.normalize(`/${decoded}`)}`);
  return file === root || file.startsWith(root + path.sep) ? file : null;
}

async function findFile(root: string, urlPath: string): Promise<{ file: string; size: number; mtimeMs: number } | null> {
  const file = resolveInside(root, urlPath);
  if (!file) return null;
  try {
    let stat = await fs.stat(file);
    let target = file;
    if (stat.isDirectory()) {
      target = path.join(file, 'index.html');
      stat = await fs.stat(target);
    }
    return stat.isFile() ? { file: target, size: stat.size, mtimeMs: stat.mtimeMs } : null;
  } catch {
    return null;
  }
}

/** A node:http request handler (and Express middleware: with `next`, misses fall through instead of 404). */
export function createStaticHandler(options: StaticOptions): StaticHandler {
  const root = path.resolve(options.root);
  const common: Record<string, string> = {
    'Access-Control-Allow-Origin': '*',
    'Access-Control-Allow-Methods': 'GET, HEAD, OPTIONS',
    'Access-Control-Allow-Headers': 'Content-Type',
    'X-Content-Type-Options': 'nosniff',
    ...(options.csp ? { 'Content-Security-Policy': formatCsp(options.csp) } : {}),
    ...options.headers,
  };
  return (req, res, next) => {
    for (const [name, value] of Object.entries(common)) res.setHeader(name, value);
    const method = req.method ?? 'GET';
    if (method === 'OPTIONS') {
      res.writeHead(204).end();
      return;
    }
    if (method !== 'GET' && method !== 'HEAD') {
      if (next) return next();
      res.writeHead(405, { Allow: 'GET, HEAD, OPTIONS', 'Content-Type': 'text/plain; charset=utf-8' }).end('Method not allowed\n');
      return;
    }
    const urlPath = new URL(req.url ?? '/', 'http://localhost').pathname;
    findFile(root, urlPath).then(
      (found) => {
        if (!found) {
          if (next) return next();
          res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': REVALIDATE }).end('Not found\n');
          return;
        }
        const etag = `W/"${found.size.toString(16)}-${Math.floor(found.mtimeMs).toString(16)}"`;
        res.setHeader('ETag', etag);
        res.setHeader('Cache-Control', cacheControlOf(found.file));
        res.setHeader('Content-Type', contentTypeOf(found.file));
        if (req.headers['if-none-match'] === etag) {
          res.writeHead(304).end();
          return;
        }
        res.setHeader('Content-Length', String(found.size));
        if (method === 'HEAD') {
          res.writeHead(200).end();
          return;
        }
        res.writeHead(200);
        createReadStream(found.file)
          .on('error', () => res.destroy())
          .pipe(res);
      },
      () => {
        res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Internal error\n');
      },
    );
  };
}

export interface RunningServer {
  /** `http://localhost:<port>` */
  url: string;
  port: number;
  close(): Promise<void>;
}

/** Listens on host:port (port 0 = any free port) with the given request handler. */
export function listen(handler: http.RequestListener, port: number, host = 'localhost'): Promise<RunningServer> {
  const server = http.createServer(handler);
  // Keep-alive sockets from the browser must not hold close() open.
  server.keepAliveTimeout = 1000;
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      const actual = (server.address() as AddressInfo).port;
      resolve({
        url: `http://${host}:${actual}`,
        port: actual,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}

/** Serves one directory statically. */
export function startStaticServer(options: StaticOptions & { port: number; host?: string }): Promise<RunningServer> {
  const handler = createStaticHandler(options);
  return listen((req, res) => handler(req, res), options.port, options.host);
}
