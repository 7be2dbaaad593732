/** The bots by name. */
import type { BotFactory } from './bot.ts';
import { greedyBot } from './greedyBot.ts';
import { mediatorBot } from './mediatorBot.ts';
import { oracleBot } from './oracleBot.ts';
import { randomBot } from './randomBot.ts';

export const BOTS: Readonly<Record<string, BotFactory>> = {
  random: randomBot,
  greedy: greedyBot,
  mediator: mediatorBot,
  oracle: oracleBot,
};

export const BOT_NAMES = Object.keys(BOTS);
export type { Bot, BotFactory } from './bot.ts';
