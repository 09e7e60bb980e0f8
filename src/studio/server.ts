/**
 * The studio's local web server: node:http, bound to 127.0.0.1 only, serving a fixed list of
 * files held in memory (the built page) and, when the user named one, that scenario's text at a
 * fixed URL. No part of a request ever becomes a file path: a request either names one of the
 * allowlisted URLs or gets 404. Every answer carries a strict Content-Security-Policy (own
 * scripts and workers only, no eval, no inline script, no other origin).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';

/** The built page's files (dist/studio), by the URL they are served at. */
export const STUDIO_FILES: Readonly<Record<string, { file: string; type: string }>> = {
  '/': { file: 'index.html', type: 'text/html; charset=utf-8' },
  '/index.html': { file: 'index.html', type: 'text/html; charset=utf-8' },
  '/app.js': { file: 'app.js', type: 'text/javascript; charset=utf-8' },
  '/worker.js': { file: 'worker.js', type: 'text/javascript; charset=utf-8' },
  '/reader.js': { file: 'reader.js', type: 'text/javascript; charset=utf-8' },
  '/analyst.js': { file: 'analyst.js', type: 'text/javascript; charset=utf-8' },
  '/studio.css': { file: 'studio.css', type: 'text/css; charset=utf-8' },
};

/** Where the page finds the scenario given on the command line (`{file, text}`, or `{file: null}`). */
export const SCENARIO_URL = '/scenario.json';

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "worker-src 'self'",
  "style-src 'self'",
  "connect-src 'self'",
  "img-src 'self' data: blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

interface Asset {
  type: string;
  body: Buffer;
}

/** Reads the allowlisted files of the built page from `dir` (a file: URL ending in '/'). */
export function readStudioAssets(dir: URL): Map<string, Asset> {
  const assets = new Map<string, Asset>();
  for (const [url, { file, type }] of Object.entries(STUDIO_FILES)) {
    assets.set(url, { type, body: readFileSync(new URL(file, dir)) });
  }
  return assets;
}

export interface StudioServer {
  url: string;
  close(): Promise<void>;
}

export interface StudioOptions {
  assets: Map<string, Asset>;
  /** The scenario named on the command line, served at SCENARIO_URL. */
  scenario?: { file: string; text: string } | undefined;
  /** 0 (default): any free port. */
  port?: number | undefined;
}

function send(res: ServerResponse, status: number, type: string, body: Buffer | string, head: boolean): void {
  res.writeHead(status, {
    'Content-Type': type,
    'Content-Length': Buffer.byteLength(body),
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-store',
  });
  res.end(head ? undefined : body);
}

export function startStudioServer(options: StudioOptions): Promise<StudioServer> {
  const files = new Map(options.assets);
  // Always answered (`{"file": null}` without FILE), so the page's request never shows as an error.
  files.set(SCENARIO_URL, { type: 'application/json; charset=utf-8', body: Buffer.from(JSON.stringify(options.scenario ?? { file: null })) });
  let port = 0;
  const handle = (req: IncomingMessage, res: ServerResponse): void => {
    const head = req.method === 'HEAD';
    if (req.method !== 'GET' && !head) {
      send(res, 405, 'text/plain; charset=utf-8', 'method not allowed\n', false);
      return;
    }
    // Another site's page resolving its own name to 127.0.0.1 (DNS rebinding) sends its own Host.
    const host = req.headers.host ?? '';
    if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`) {
      send(res, 421, 'text/plain; charset=utf-8', 'misdirected request\n', head);
      return;
    }
    const path = (req.url ?? '').split('?')[0]!;
    const asset = files.get(path);
    if (asset === undefined) send(res, 404, 'text/plain; charset=utf-8', 'not found\n', head);
    else send(res, 200, asset.type, asset.body, head);
  };
  const server = createServer(handle);
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      port = (server.address() as AddressInfo).port;
      resolve({
        url: `http://127.0.0.1:${port}/`,
        close: () => new Promise<void>((done) => server.close(() => done())),
      });
    });
  });
}
