import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SOUNDS, wav } from './synth-audio.ts';

describe('the synthesised sounds', () => {
  it('committed in assets/audio are exactly what the script makes (run npm run assets:audio if not)', () => {
    for (const [name, make] of Object.entries(SOUNDS)) {
      const committed = readFileSync(new URL(`../assets/audio/${name}.wav`, import.meta.url));
      expect(committed.equals(wav(make())), `${name}.wav is stale`).toBe(true);
    }
  });
});
