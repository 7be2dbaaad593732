/**
 * Worker thread of the bot pool (see botPool.ts): plays the games it is asked for and sends
 * back their records. Compiled to dist-cli/bot-worker.mjs.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { playRecord } from '../engine/simulate.ts';
import type { BatchRequest, BatchResult, WorkerSetup } from './botPool.ts';

const setup = workerData as WorkerSetup;
parentPort!.on('message', (request: BatchRequest) => {
  const records = [];
  for (let i = request.from; i < request.to; i++) records.push(playRecord(setup.scenario, request.bot, setup.seed, i, setup.start, setup.difficulty));
  parentPort!.postMessage({ id: request.id, bot: request.bot, from: request.from, records } satisfies BatchResult);
});
