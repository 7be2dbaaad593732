/**
 * `npm run class [-- --port N]`: run a live class from this machine. Builds the game if dist/
 * is missing or older than src/, then serves the game and the class server on one port bound
 * to every interface, and prints the addresses students can open on the school network with a
 * QR code of the first one.
 *
 * Other options are passed to the server (see src/server/main.ts): --data, --grace, --redis …
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { networkInterfaces } from 'node:os';
import { join, resolve } from 'node:path';
import { renderUnicodeCompact } from 'uqr';
import { ROOT, startClassServer } from '../src/server/app.ts';
import { parseArgs } from '../src/server/main.ts';

/** Newest modification time of any file under `dir` (ms). */
function newest(dir: string): number {
  let t = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    t = Math.max(t, entry.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

/** IPv4 addresses of this machine on its networks (not loopback). */
export function lanAddresses(): string[] {
  return Object.values(networkInterfaces()).flat()
    .filter((a): a is NonNullable<typeof a> => !!a && a.family === 'IPv4' && !a.internal)
    .map((a) => a.address);
}

async function run(): Promise<void> {
  const argv = process.argv.slice(2);
  const options = parseArgs(['--host', '0.0.0.0', '--port', '2567', ...argv]);
  const dist = join(ROOT, 'dist');
  const index = join(dist, 'index.html');
  const stale = !existsSync(index) || Math.max(newest(join(ROOT, 'src')), newest(join(ROOT, 'scenarios')), statSync(join(ROOT, 'index.html')).mtimeMs) > statSync(index).mtimeMs;
  if (stale) {
    console.log('Building the game (dist/ is missing or older than the source)…');
    const built = spawnSync(process.execPath, [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build'], { cwd: ROOT, stdio: 'inherit' });
    if (built.status !== 0) process.exit(built.status ?? 1);
  }
  const server = await startClassServer({
    port: options.port,
    host: options.host,
    dataDir: resolve(ROOT, options.data),
    staticDir: dist,
    redis: options.redis ?? null,
    publicAddress: options.publicAddress ?? null,
    seatGraceSeconds: options.grace,
    reconnectSeconds: options.reconnect,
    fsync: options.fsync ?? false,
    joinAttemptsPerMinute: options.joinLimit,
  });
  const lan = lanAddresses().map((a) => `http://${a}:${server.port}/`);
  console.log('');
  console.log(`Accord live class is running on port ${server.port} (${options.host === '0.0.0.0' ? 'every network interface' : `bound to ${options.host} only`}).`);
  console.log(`  On this computer (teacher):  http://localhost:${server.port}/  → "Run a class"`);
  if (lan.length === 0) console.log('  No network address found: students on other devices cannot reach this computer.');
  for (const url of lan) console.log(`  On the school network:        ${url}`);
  if (lan[0]) {
    console.log('');
    console.log(`Students can scan this to open ${lan[0]}, then type the class code:`);
    console.log(renderUnicodeCompact(lan[0], { border: 1 }));
  }
  console.log('Press Ctrl+C to stop. Classes and tables are kept in', resolve(ROOT, options.data));
  const stop = () => {
    void server.close().finally(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

void run().catch((e: unknown) => {
  console.error((e as Error).message);
  process.exit(1);
});
