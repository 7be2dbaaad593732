/**
 * The ratification rule: which signatures a deal needs. Pure.
 * All signatories by default; or at least k of them including every veto holder.
 */
import type { Scenario } from '../scenario/schema.ts';

export interface Rule {
  signatories: readonly string[];
  vetoes: readonly string[];
  atLeast: number;
}

export function ruleOf(scenario: Scenario): Rule {
  const r = scenario.ratification;
  return {
    signatories: r.signatories,
    vetoes: r.vetoes ?? (r.atLeast === undefined ? r.signatories : []),
    atLeast: r.atLeast ?? r.signatories.length,
  };
}

/** Does the set of parties that accept pass the rule? */
export function passes(rule: Rule, accepting: ReadonlySet<string>): boolean {
  if (!rule.vetoes.every((p) => accepting.has(p))) return false;
  return rule.signatories.filter((p) => accepting.has(p)).length >= rule.atLeast;
}

/** Parties whose signature cannot be missing (veto holders, or all when unanimity is needed). */
export function required(rule: Rule): string[] {
  return rule.atLeast >= rule.signatories.length ? [...rule.signatories] : [...rule.vetoes];
}
