/**
 * The plan's text: one entry per point with the chosen option (or "omit") and whether
 * it is deferred to the leaders. Pure helpers.
 */
import { OMIT } from '../scenario/omit.ts';
import type { Scenario, Start } from '../scenario/schema.ts';

export interface Clause {
  option: string;
  deferred: boolean;
}
export type PlanText = Readonly<Record<string, Clause>>;
/** A text as a plain choice per point, the form the analyser and scoring use. */
export type Choice = Readonly<Record<string, string>>;

export function textFromStart(scenario: Scenario, start: Start): PlanText {
  const out: Record<string, Clause> = {};
  for (const point of scenario.points) {
    out[point.id] = { option: start.text[point.id] ?? OMIT, deferred: point.leadersOnly };
  }
  return compact(out);
}

/**
 * The same record as an ordinary object. V8 keeps a record built key by key (or by
 * `Object.fromEntries`) with a few dozen keys as a slow dictionary, and every copy of it is slow
 * (10–20× a copy of an ordinary object: texts and knowledge are copied in every search loop and
 * every step); a spread copy is an ordinary object, and so are copies of it. Same keys, same
 * order, same values.
 */
export function compact<T extends object>(record: T): T {
  return { ...record };
}

export function choiceOf(text: PlanText): Choice {
  return Object.fromEntries(Object.entries(text).map(([p, c]) => [p, c.option]));
}

/** Points still in the text (not omitted). */
export function pointsInText(text: PlanText): number {
  return Object.values(text).filter((c) => c.option !== OMIT).length;
}

/** Points whose option differs between two texts. */
export function changedPoints(a: PlanText, b: PlanText): string[] {
  return Object.keys(a).filter((p) => a[p]?.option !== b[p]?.option || a[p]?.deferred !== b[p]?.deferred);
}

export function withOption(text: PlanText, point: string, option: string): PlanText {
  const clause = text[point];
  if (!clause) return text;
  return { ...text, [point]: { ...clause, option } };
}

export function withDeferred(text: PlanText, point: string, deferred: boolean): PlanText {
  const clause = text[point];
  if (!clause) return text;
  return { ...text, [point]: { ...clause, deferred } };
}

export const isOmitted = (c: Clause | undefined): boolean => c?.option === OMIT;
