import { describe, expect, it } from 'vitest';
import { tutorial } from '../testing/scenarios.ts';
import type { Scenario } from '../scenario/schema.ts';
import { scoreDeal } from './score.ts';
import type { Clause, PlanText } from './text.ts';


const scenario = tutorial();
const SIGNERS = ['commission', 'aldoria', 'belmar'];

function text(choice: Record<string, string>): PlanText {
  const out: Record<string, Clause> = {};
  for (const [point, option] of Object.entries(choice)) out[point] = { option, deferred: false };
  return out;
}

/** The same scenario with some parties' reservations moved. */
function withReservations(moved: Record<string, number>): Scenario {
  return { ...scenario, parties: scenario.parties.map((p) => ({ ...p, reservation: moved[p.id] ?? p.reservation })) };
}

/**
 * A compromise worked out by hand from the tutorial's weights and values:
 * Aldoria 62.25 (reservation 48), Belmar 58.75 (reservation 45), the Commission 86 (reservation 35).
 */
const compromise = text({ flow: 'f40', dam: 'seasonal', monitoring: 'joint', fund: 'shared', island: 'joint-admin' });

describe('the score of a deal', () => {
  it('each signatory’s margin is its utility above its reservation', () => {
    const score = scoreDeal(scenario, compromise, SIGNERS, 9);
    expect(score.margins).toEqual({ commission: 51, aldoria: 14.25, belmar: 13.75 });
    expect(score.days).toBe(9);
  });

  it('durability is the smallest margin: the party that barely accepts', () => {
    expect(scoreDeal(scenario, compromise, SIGNERS, 9).durability).toBe(13.75);
    // Raise Aldoria's reservation until it is the one that barely accepts.
    expect(scoreDeal(withReservations({ aldoria: 60 }), compromise, SIGNERS, 9).durability).toBe(2.25);
  });

  it('balance is the Nash product of the margins', () => {
    // 51 × 14.25 × 13.75 = 9992.8125, rounded to cents.
    expect(scoreDeal(scenario, compromise, SIGNERS, 9).balance).toBe(9992.81);
    // A more lopsided deal with the same smallest margin has a smaller product.
    expect(scoreDeal(withReservations({ aldoria: 49.25 }), compromise, SIGNERS, 9)).toMatchObject({ durability: 13, balance: 51 * 13 * 13.75 });
  });

  it('a party exactly at its reservation makes the balance zero', () => {
    const score = scoreDeal(withReservations({ belmar: 58.75 }), compromise, SIGNERS, 9);
    expect(score.margins.belmar).toBe(0);
    expect(score.durability).toBe(0);
    expect(score.balance).toBe(0);
  });

  it('a party below its reservation gives a negative durability and a zero balance, even when two are below', () => {
    const one = scoreDeal(withReservations({ belmar: 70 }), compromise, SIGNERS, 9);
    expect(one.margins.belmar).toBe(-11.25);
    expect(one.durability).toBe(-11.25);
    expect(one.balance).toBe(0);
    // Two negative margins must not multiply into a positive balance.
    const two = scoreDeal(withReservations({ aldoria: 70, belmar: 70 }), compromise, SIGNERS, 9);
    expect(two.margins).toMatchObject({ aldoria: -7.75, belmar: -11.25 });
    expect(two.balance).toBe(0);
  });

  it('points counts what is left in the text: dropped points do not count', () => {
    expect(scoreDeal(scenario, compromise, SIGNERS, 9).points).toBe(5);
    const shorter = text({ flow: 'f40', dam: 'seasonal', monitoring: 'omit', fund: 'omit', island: 'joint-admin' });
    expect(scoreDeal(scenario, shorter, SIGNERS, 9).points).toBe(3);
  });

  it('only the signers are scored', () => {
    const score = scoreDeal(scenario, compromise, ['aldoria', 'belmar'], 9);
    expect(Object.keys(score.margins).sort()).toEqual(['aldoria', 'belmar']);
    // 14.25 × 13.75 = 195.9375, rounded to cents.
    expect(score.balance).toBe(195.94);
  });
});
