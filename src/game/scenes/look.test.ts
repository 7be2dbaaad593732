import { describe, expect, it } from 'vitest';
import { shippedScenario, tutorial } from '../../testing/scenarios.ts';
import { looksOf, resolveLook, type Look } from './look.ts';

/** The features a player tells leaders apart by (not the tie, which every party already had). */
const features = (l: Look) => JSON.stringify({ ...l, tie: undefined });

describe('leaders at the table', () => {
  it.each([
    ['Geneva', shippedScenario('geneva-2025')],
    ['the tutorial', tutorial()],
  ])('every leader of %s is drawn with their own features, not the same figure with another tie', (_, scenario) => {
    const looks = scenario.parties.flatMap((p) => looksOf(p, 0x123456));
    expect(looks.length).toBeGreaterThanOrEqual(scenario.parties.length);
    expect(new Set(looks.map(features)).size).toBe(looks.length);
  });

  it("the E3 sit as three people, Starmer in the middle with glasses, Macron the youngest", () => {
    const e3 = shippedScenario('geneva-2025').parties.find((p) => p.id === 'e3')!;
    const [starmer, merz, macron] = looksOf(e3, 0);
    expect([starmer?.glasses, merz?.hair, macron?.age]).toEqual([true, 'bald', 'younger']);
  });

  it('what the author leaves out is chosen from the party id: the same every time, different between parties', () => {
    const a = looksOf({ id: 'aldoria', figures: undefined }, 0xaa0000);
    expect(looksOf({ id: 'aldoria', figures: undefined }, 0xaa0000)).toEqual(a);
    const many = Array.from({ length: 40 }, (_, i) => features(resolveLook({}, `party-${i}`, 0)));
    expect(new Set(many).size).toBe(40);
    // The tie is the party's colour unless the author names one.
    expect(a[0]!.tie).toBe(0xaa0000);
    expect(resolveLook({ tie: '#102030', age: 'older', glasses: false }, 'x', 0)).toMatchObject({ tie: 0x102030, age: 'older', glasses: false });
  });
});
