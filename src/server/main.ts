/**
 * Start a live-class server from the command line.
 *
 *   node --import tsx src/server/main.ts [--port 2567] [--host 0.0.0.0] [--data .accord-class]
 *        [--static dist] [--redis redis://127.0.0.1:6379] [--public-address HOST:PORT]
 *        [--grace 60] [--reconnect 30] [--fsync]
 *
 * Prints one line `accord-class listening {"port":…}` once it accepts connections (tests and
 * the `npm run class` launcher read it), then the addresses to open.
 */
import { Command, InvalidArgumentError } from 'commander';
import { resolve } from 'node:path';
import { startClassServer } from './app.ts';

function int(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new InvalidArgumentError('a whole number from 0 to 65535');
  return n;
}

function seconds(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0 || n > 86400) throw new InvalidArgumentError('seconds, from 0 to 86400');
  return n;
}

export interface MainOptions {
  port: number;
  host: string;
  data: string;
  static?: string;
  redis?: string;
  publicAddress?: string;
  grace: number;
  reconnect: number;
  fsync?: boolean;
  joinLimit: number;
}

export function parseArgs(argv: string[]): MainOptions {
  const program = new Command('accord-class')
    .option('--port <n>', 'port to listen on (0: any free port)', int, 2567)
    .option('--host <address>', 'address to bind (0.0.0.0: every interface)', '127.0.0.1')
    .option('--data <dir>', 'where classes and table logs are kept', '.accord-class')
    .option('--static <dir>', 'built game to serve (dist)')
    .option('--redis <url>', 'share rooms with other processes through Redis')
    .option('--public-address <host:port>', 'address clients reach this process at (several processes)')
    .option('--grace <seconds>', 'seconds an empty seat waits for its student before its machine plays', seconds, 60)
    .option('--reconnect <seconds>', 'seconds a dropped connection may come back', seconds, 30)
    .option('--join-limit <n>', 'join-code look-ups allowed per address per minute', int, 20)
    .option('--fsync', 'flush every write to disk')
    .exitOverride();
  program.parse(argv, { from: 'user' });
  return program.opts<MainOptions>();
}

export async function main(argv: string[]): Promise<void> {
  const o = parseArgs(argv);
  const server = await startClassServer({
    port: o.port,
    host: o.host,
    dataDir: resolve(o.data),
    staticDir: o.static ? resolve(o.static) : null,
    redis: o.redis ?? null,
    publicAddress: o.publicAddress ?? null,
    seatGraceSeconds: o.grace,
    reconnectSeconds: o.reconnect,
    fsync: o.fsync ?? false,
    joinAttemptsPerMinute: o.joinLimit,
    // For tests only (no option a teacher would need): a small budget, so the class debrief's bounded answer can be seen.
    ...(Number(process.env.ACCORD_ANALYSIS_WORK) > 0 ? { analysisWork: Number(process.env.ACCORD_ANALYSIS_WORK) } : {}),
  });
  console.log(`accord-class listening ${JSON.stringify({ port: server.port, pid: process.pid })}`);
  const stop = () => {
    void server.close().finally(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(new URL(import.meta.url).pathname)) {
  main(process.argv.slice(2)).catch((e: unknown) => {
    console.error((e as Error).message);
    process.exit(1);
  });
}
