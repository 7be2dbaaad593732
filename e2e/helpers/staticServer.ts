/**
 * A small static file server for tests that need a build served differently from the suite's
 * own preview server: the production build (dist/), or a page with extra response headers
 * (a Content-Security-Policy header, whose reports it collects). Listens on a free port; `stop()` closes it.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.mp3': 'audio/mpeg',
  '.ogg': 'audio/ogg',
  '.webm': 'audio/webm',
  '.wav': 'audio/wav',
  '.woff2': 'font/woff2',
};

export interface Served {
  url: string;
  /** Bodies of the CSP violation reports posted to /csp-report (the header's report-uri). */
  reports: string[];
  stop: () => Promise<void>;
}

/**
 * @param prefix serve the folder under this path (e.g. `/some/path/`), as a host that puts the
 *   game in a sub-folder would; anything outside it is 404
 */
export async function serveFolder(folder: string, headers: Record<string, string> = {}, prefix = '/'): Promise<Served> {
  if (!existsSync(join(folder, 'index.html'))) throw new Error(`${folder} has no index.html: build it first`);
  const reports: string[] = [];
  const server = createServer((req, res) => {
    if (req.method === 'POST' && req.url === '/csp-report') {
      let body = '';
      req.setEncoding('utf8');
      req.on('data', (chunk: string) => (body += chunk));
      req.on('end', () => {
        reports.push(body);
        res.writeHead(204).end();
      });
      return;
    }
    const full = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    if (!full.startsWith(prefix)) {
      res.writeHead(404).end();
      return;
    }
    const path = `/${full.slice(prefix.length)}`;
    const file = normalize(join(folder, path === '/' ? 'index.html' : path));
    if (!file.startsWith(folder + sep) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', ...(extname(file) === '.html' ? headers : {}) });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${prefix}`,
    reports,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
