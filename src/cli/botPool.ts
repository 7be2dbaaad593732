/**
 * Bot games for `accord analyze`, spread over worker threads (one per core by default).
 * Game i of a bot always has the seed `gameSeed(seed, i)`, and each bot's figures are taken
 * over games 0…n−1, so a run of n games gives the same figures on any number of workers.
 *
 * Two ways to say how many: a fixed number of games per bot (reproducible), or a time budget:
 * batches go to the bot that has had the least time so far (each bot gets an equal share) until
 * the budget is spent, then the games under way finish. How many games fit depends on the machine, so the
 * report says how many were played.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Scenario } from '../scenario/schema.ts';
import type { Difficulty } from '../engine/knowledge.ts';
import { playRecord, summarize, type GameRecord, type Summary } from '../engine/simulate.ts';

export interface WorkerSetup {
  scenario: Scenario;
  start: string;
  difficulty: Difficulty;
  seed: number;
}

export interface BatchRequest {
  id: number;
  bot: string;
  from: number;
  to: number;
}

export interface BatchResult {
  id: number;
  bot: string;
  from: number;
  records: GameRecord[];
}

export interface PoolOptions {
  bots: readonly string[];
  start: string;
  difficulty: Difficulty;
  seed: number;
  /** Games per bot; when absent, play until `budgetMs` is spent. */
  games?: number;
  budgetMs?: number;
  /** Worker threads; 0 plays in this thread. Default: one per core. */
  workers?: number;
  /** Games done per bot so far, and milliseconds elapsed. */
  onProgress?: (done: Record<string, number>, elapsedMs: number) => void;
}

/** Most games a bot plays within a budget. */
export const MAX_BUDGET_GAMES = 100_000;
/** Batches aim to take about this long, so the budget is kept and progress moves. */
const BATCH_MS = 150;

/** The compiled worker beside the compiled program, or null when running from the TypeScript sources. */
function workerFile(): URL | null {
  return import.meta.url.endsWith('.mjs') ? new URL('./bot-worker.mjs', import.meta.url) : null;
}

export async function runBotGames(scenario: Scenario, options: PoolOptions): Promise<Record<string, Summary>> {
  const t0 = performance.now();
  const budget = options.games === undefined ? options.budgetMs ?? 5000 : Infinity;
  const target = options.games ?? MAX_BUDGET_GAMES;
  const records = new Map<string, GameRecord[]>(options.bots.map((b) => [b, []]));
  const dispatched = new Map<string, number>(options.bots.map((b) => [b, 0]));
  const done = new Map<string, number>(options.bots.map((b) => [b, 0]));
  // Milliseconds per game, measured as batches come back; the first batch of a bot is one game.
  const msPerGame = new Map<string, number>();
  let nextId = 0;

  const nextBatch = (): BatchRequest | null => {
    // Past the budget, only a bot that has not started yet gets its one game: every bot reports.
    const over = performance.now() - t0 >= budget;
    // The bot that has had the least time so far (estimated): each gets an equal share of the
    // budget. A bot whose first game has not come back gets single games, and only when no other
    // bot has work, so a slow bot does not flood the queue before its speed is known.
    const spent = (b: string) => (msPerGame.has(b) ? dispatched.get(b)! * msPerGame.get(b)! : dispatched.get(b) === 0 ? -1 : 1e12 + dispatched.get(b)!);
    let bot: string | null = null;
    for (const b of options.bots) {
      if (dispatched.get(b)! >= target || (over && dispatched.get(b)! > 0)) continue;
      if (bot === null || spent(b) < spent(bot)) bot = b;
    }
    if (bot === null) return null;
    const from = dispatched.get(bot)!;
    const per = msPerGame.get(bot);
    const size = per === undefined ? 1 : Math.max(1, Math.min(200, Math.floor(BATCH_MS / Math.max(per, 0.01))));
    const to = Math.min(target, from + size);
    dispatched.set(bot, to);
    return { id: nextId++, bot, from, to };
  };
  const accept = (r: BatchResult, ms: number) => {
    const list = records.get(r.bot)!;
    r.records.forEach((rec, k) => (list[r.from + k] = rec));
    done.set(r.bot, done.get(r.bot)! + r.records.length);
    const per = ms / Math.max(1, r.records.length);
    msPerGame.set(r.bot, msPerGame.has(r.bot) ? (msPerGame.get(r.bot)! + per) / 2 : per);
    options.onProgress?.(Object.fromEntries(done), performance.now() - t0);
  };

  const file = workerFile();
  const workers = file === null ? 0 : Math.max(0, options.workers ?? availableParallelism());
  if (workers === 0) {
    for (let b = nextBatch(); b; b = nextBatch()) {
      const started = performance.now();
      const out: GameRecord[] = [];
      for (let i = b.from; i < b.to; i++) out.push(playRecord(scenario, b.bot, options.seed, i, options.start, options.difficulty));
      accept({ id: b.id, bot: b.bot, from: b.from, records: out }, performance.now() - started);
      // Let progress output and signals through between batches.
      await new Promise((r) => setImmediate(r));
    }
  } else {
    const setup: WorkerSetup = { scenario, start: options.start, difficulty: options.difficulty, seed: options.seed };
    await Promise.all(
      Array.from({ length: workers }, () =>
        new Promise<void>((resolve, reject) => {
          const worker = new Worker(file!, { workerData: setup });
          let started = 0;
          const feed = () => {
            const b = nextBatch();
            if (!b) {
              void worker.terminate().then(() => resolve());
              return;
            }
            started = performance.now();
            worker.postMessage(b);
          };
          worker.on('message', (r: BatchResult) => {
            accept(r, performance.now() - started);
            feed();
          });
          worker.on('error', reject);
          feed();
        }),
      ),
    );
  }
  const out: Record<string, Summary> = {};
  for (const bot of options.bots) out[bot] = summarize(scenario, bot, options.start, options.difficulty, options.seed, records.get(bot)!);
  return out;
}
