/**
 * Main-thread work per frame while envoys travel (Phaser's pre-step to post-render), read
 * from the game's own ring buffer of frame times. Filled in once the map scene exposes it.
 */
import type { Browser } from '@playwright/test';

export async function runFrameBench(_browser: Browser, _url: string, _quick: boolean): Promise<string[]> {
  return ['  main-thread work per frame while envoys travel: not measured yet (the map scene is being built)'];
}
