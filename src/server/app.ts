/**
 * A live-class server: one HTTP server carrying the built game (static files), a small JSON
 * API (create a class, look up a join code) and Colyseus (matchmaking and WebSockets) on the
 * same port. Optionally shares rooms with other processes through Redis.
 */
import { createServer, type IncomingMessage, type Server as HttpServer, type ServerResponse } from 'node:http';
import { createReadStream, existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { hostname } from 'node:os';
import { matchMaker, Server, type Presence } from '@colyseus/core';
import { WebSocketTransport } from '@colyseus/ws-transport';
import type { Scenario } from '../scenario/schema.ts';
import { readScenarioFile } from '../cli/readScenarioFile.ts';
import { ClassRoom, codeKey, setContext, type ClassRecord } from './classRoom.ts';
import { checkMessage, classSetupSchema, joinRequestSchema, MAX_FRAME_BYTES, MAX_MESSAGE_CHARS } from './protocol.ts';
import { hashSecret, joinCode, randomId, randomToken, RateLimiter } from './secrets.ts';
import { Store } from './store.ts';
import { TableRoom } from './tableRoom.ts';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

export interface ClassServerOptions {
  port: number;
  /** 127.0.0.1 for tests; 0.0.0.0 (all interfaces) for a class. */
  host: string;
  /** Where classes and table logs are kept. */
  dataDir: string;
  /** Built game to serve (dist/), or null for the API and rooms only. */
  staticDir?: string | null;
  /** redis://host:port to share rooms with other processes. */
  redis?: string | null;
  /** Address clients use to reach this process directly (several processes behind Redis). */
  publicAddress?: string | null;
  seatGraceSeconds?: number;
  reconnectSeconds?: number;
  /** Flush every write to disk (survives a power cut, not only a killed process). */
  fsync?: boolean;
  /** Join-code look-ups allowed per address per minute. */
  joinAttemptsPerMinute?: number;
  /** The analyser's work budget for the tables' debriefs (its default when not given): tests set a small one to see a bounded answer. */
  analysisWork?: number;
}

export interface ClassServer {
  port: number;
  http: HttpServer;
  close(): Promise<void>;
}

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.json': 'application/json', '.svg': 'image/svg+xml', '.png': 'image/png',
  '.jpg': 'image/jpeg', '.webp': 'image/webp', '.ogg': 'audio/ogg', '.mp3': 'audio/mpeg', '.m4a': 'audio/mp4',
  '.wav': 'audio/wav', '.woff2': 'font/woff2', '.ico': 'image/x-icon', '.txt': 'text/plain; charset=utf-8', '.yaml': 'text/yaml; charset=utf-8',
};

/** The shipped scenarios, loaded once each on first use. */
function scenarioCatalogue(): (id: string) => Scenario | null {
  const dir = join(ROOT, 'scenarios');
  const ids = new Set(readdirSync(dir).filter((d) => existsSync(join(dir, d, 'scenario.yaml'))));
  const cache = new Map<string, Scenario | null>();
  return (id) => {
    if (!ids.has(id)) return null;
    if (!cache.has(id)) {
      const r = readScenarioFile(join(dir, id, 'scenario.yaml'));
      cache.set(id, r.ok ? r.scenario : null);
    }
    return cache.get(id) ?? null;
  };
}

function json(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' });
  res.end(text);
}

/** Read a small JSON body; null when it is too large or not JSON. */
function readBody(req: IncomingMessage, limit: number): Promise<unknown | null> {
  return new Promise((resolveBody) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > limit && !done) {
        done = true;
        resolveBody(null);
        req.destroy();
      } else chunks.push(c);
    });
    req.on('end', () => {
      if (done) return;
      done = true;
      try {
        resolveBody(JSON.parse(Buffer.concat(chunks).toString('utf8')));
      } catch {
        resolveBody(null);
      }
    });
    req.on('error', () => {
      if (!done) resolveBody(null);
      done = true;
    });
  });
}

function clientAddress(req: IncomingMessage): string {
  return req.socket.remoteAddress ?? 'unknown';
}

export async function startClassServer(options: ClassServerOptions): Promise<ClassServer> {
  const store = new Store(options.dataDir, { fsync: options.fsync ?? false });
  const scenarios = scenarioCatalogue();
  setContext({
    store,
    scenarios,
    seatGraceSeconds: options.seatGraceSeconds ?? 60,
    reconnectSeconds: options.reconnectSeconds ?? 30,
    processName: `${hostname()}:${process.pid}`,
    ...(options.analysisWork ? { analysisWork: options.analysisWork } : {}),
  });
  const joinLimit = new RateLimiter(options.joinAttemptsPerMinute ?? 20, 60_000);
  const globalJoinLimit = new RateLimiter(10 * (options.joinAttemptsPerMinute ?? 20), 60_000);
  const createLimit = new RateLimiter(30, 60_000);
  const staticDir = options.staticDir ? resolve(options.staticDir) : null;
  let presence: Presence | undefined;
  let driver: matchMaker.MatchMakerDriver | undefined;
  if (options.redis) {
    const { RedisPresence } = await import('@colyseus/redis-presence');
    const { RedisDriver } = await import('@colyseus/redis-driver');
    presence = new RedisPresence(options.redis);
    driver = new RedisDriver(options.redis);
  }

  const api = async (req: IncomingMessage, res: ServerResponse, path: string): Promise<void> => {
    if (req.method !== 'POST') return json(res, 405, { error: 'use POST' });
    const body = await readBody(req, MAX_MESSAGE_CHARS);
    if (body === null) return json(res, 400, { error: 'the request is not JSON, or too large' });
    const address = clientAddress(req);
    if (path === '/api/classes') {
      if (!createLimit.allow(address)) return json(res, 429, { error: 'too many classes made from this address; wait a minute' });
      const checked = checkMessage(classSetupSchema, body);
      if (!checked.ok) return json(res, 400, { error: checked.reason });
      const setup = checked.value;
      const scenario = scenarios(setup.scenario);
      if (!scenario) return json(res, 400, { error: `there is no scenario "${setup.scenario}" on this server` });
      if (setup.start && !scenario.starts.some((s) => s.id === setup.start)) return json(res, 400, { error: `scenario "${setup.scenario}" has no start "${setup.start}"` });
      let code = joinCode();
      for (let i = 0; i < 20 && await mmPresence().hget(codeKey, code); i++) code = joinCode();
      const teacher = randomToken();
      const record: ClassRecord = {
        id: randomId(12), code, teacherHash: hashSecret(teacher), key: randomToken(32), setup, createdAt: Date.now(),
        tables: [], students: [], paused: false, dayMinutes: setup.dayMinutes ?? null, ended: false,
      };
      try {
        await matchMaker.createRoom('class', { record });
      } catch (e) {
        return json(res, 500, { error: `the class could not be made: ${(e as Error).message}` });
      }
      return json(res, 200, { classId: record.id, code, teacher });
    }
    if (path === '/api/join') {
      // Wrong codes count against the address (and all addresses together), so guessing is slow;
      // a class of students behind one address joining with the right code is never held up.
      if (joinLimit.blocked(address) || globalJoinLimit.blocked('*')) return json(res, 429, { error: 'too many wrong codes; wait a minute and check the code' });
      const checked = checkMessage(joinRequestSchema, body);
      const found = checked.ok ? await mmPresence().hget(codeKey, checked.value.code) : null;
      if (!found) {
        joinLimit.allow(address);
        globalJoinLimit.allow('*');
        return checked.ok ? json(res, 404, { error: 'no class has that code; check it with your teacher' }) : json(res, 400, { error: 'a join code is six letters and digits' });
      }
      const { classId, ended } = JSON.parse(found) as { classId: string; ended: boolean };
      if (ended) return json(res, 410, { error: 'that lesson has ended' });
      return json(res, 200, { classId });
    }
    return json(res, 404, { error: 'no such API' });
  };

  const serveStatic = (req: IncomingMessage, res: ServerResponse, path: string): void => {
    if (!staticDir) return json(res, 404, { error: 'this server does not serve the game' });
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405);
      res.end();
      return;
    }
    let file = normalize(join(staticDir, decodeURIComponent(path)));
    if (file !== staticDir && !file.startsWith(staticDir + sep)) {
      res.writeHead(403);
      res.end();
      return;
    }
    if (!existsSync(file) || statSync(file).isDirectory()) file = join(staticDir, 'index.html');
    if (!existsSync(file)) {
      res.writeHead(404);
      res.end();
      return;
    }
    const type = MIME[extname(file).toLowerCase()] ?? 'application/octet-stream';
    const immutable = file.includes(`${sep}assets${sep}`) && /-[A-Za-z0-9_-]{8,}\./.test(file);
    res.writeHead(200, {
      'content-type': type,
      'content-length': statSync(file).size,
      'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
      'x-content-type-options': 'nosniff',
    });
    if (req.method === 'HEAD') res.end();
    else createReadStream(file).pipe(res);
  };

  const http = createServer((req, res) => {
    let path: string;
    try {
      path = new URL(req.url ?? '/', 'http://x').pathname;
    } catch {
      res.writeHead(400);
      res.end();
      return;
    }
    if (path.startsWith('/api/')) {
      void api(req, res, path).catch((e: unknown) => json(res, 500, { error: (e as Error).message }));
      return;
    }
    serveStatic(req, res, path);
  });

  const transport = new WebSocketTransport({ server: http, maxPayload: MAX_FRAME_BYTES, pingInterval: 5000, pingMaxRetries: 3 });
  const server = new Server({
    transport,
    ...(presence ? { presence } : {}),
    ...(driver ? { driver } : {}),
    ...(options.publicAddress ? { publicAddress: options.publicAddress } : {}),
    gracefullyShutdown: false,
    greet: false,
  });
  server.define('class', ClassRoom);
  server.define('table', TableRoom);
  const mmPresence = (): Presence => matchMaker.presence;

  await server.listen(options.port, options.host);
  const address = http.address();
  const port = typeof address === 'object' && address ? address.port : options.port;

  // Resume every class on disk that has not ended (after a restart or a crash).
  for (const id of store.classIds()) {
    const record = store.readClass(id) as ClassRecord | null;
    if (!record || record.ended) continue;
    const existing = await matchMaker.query({ roomId: id });
    if (existing.length > 0) continue;
    try {
      await matchMaker.createRoom('class', { classId: id });
    } catch (e) {
      console.error(`class ${id} could not be resumed: ${(e as Error).message}`);
    }
  }

  return {
    port,
    http,
    close: () => server.gracefullyShutdown(false),
  };
}
