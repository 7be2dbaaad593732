/**
 * The fuzz suite in `npm test`: 2,000 hostile scenario files and over 20,000 engine commands per
 * run, seeded. On failure fast-check prints the seed and path; rerun with FUZZ_SEED=<seed>.
 * The long nightly run is `npm run fuzz -- --files 100000 --commands 1000000`.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkCommandRun, checkHostileFile, commandRunArb, fuzzScenario, hostileFileArb } from './testing/fuzz.ts';

const seed = Number(process.env.FUZZ_SEED ?? 20261202);

describe('fuzzing', () => {
  it('2,000 mutated and hostile scenario files: each a located error or a playable scenario, none over 1 s', () => {
    let refused = 0;
    let loaded = 0;
    fc.assert(fc.property(hostileFileArb, (file) => {
      if (checkHostileFile(file).ok) loaded++;
      else refused++;
    }), { seed, numRuns: 2000 });
    expect(refused + loaded).toBe(2000);
    // Some damage is harmless (a swapped pair of lines in a list), so some files still load and play.
    expect(loaded).toBeGreaterThan(0);
    expect(refused).toBeGreaterThan(loaded);
  }, 300_000);

  it('over 20,000 random valid and invalid engine commands never throw, and every log replays exactly', () => {
    const scenario = fuzzScenario();
    let sent = 0;
    fc.assert(fc.property(commandRunArb, (run) => {
      sent += checkCommandRun(scenario, run);
    }), { seed, numRuns: 180 });
    expect(sent).toBeGreaterThan(20_000);
  }, 300_000);
});
