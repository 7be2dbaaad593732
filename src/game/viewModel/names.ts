/**
 * Names and labels for ids, and dates as people read them. Pure.
 */
import { OMIT } from '../../scenario/omit.ts';
import type { PublicPoint, PublicScenario } from './publicScenario.ts';

export const DROPPED_LABEL = 'dropped';

export function venueName(pub: PublicScenario, id: string): string {
  return pub.venues.find((v) => v.id === id)?.name ?? id;
}

export function partyName(pub: PublicScenario, id: string): string {
  return pub.parties.find((p) => p.id === id)?.name ?? id;
}

export function pointOf(pub: PublicScenario, id: string): PublicPoint | undefined {
  return pub.points.find((p) => p.id === id);
}

export function pointTitle(pub: PublicScenario, id: string): string {
  return pointOf(pub, id)?.title ?? id;
}

/** The label of an option of a point; `omit` reads "dropped". */
export function optionLabel(pub: PublicScenario, pointId: string, option: string): string {
  if (option === OMIT) return DROPPED_LABEL;
  return pointOf(pub, pointId)?.options.find((o) => o.id === option)?.label ?? option;
}

/** A list of names in prose: "A", "A and B", "A, B and C". */
export function listOf(names: readonly string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1)!}`;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** Written out by hand, not by Intl, so every browser and Node show the same words. */
function dateParts(iso: string): { day: string; date: number; month: string; year: number } | null {
  const ms = Date.parse(`${iso}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso) || Number.isNaN(ms)) return null;
  const d = new Date(ms);
  return { day: DAYS[d.getUTCDay()]!, date: d.getUTCDate(), month: MONTHS[d.getUTCMonth()]!, year: d.getUTCFullYear() };
}

/** `2031-03-02` → "Sun 2 Mar 2031"; anything else is returned as it is. */
export function shortDate(iso: string): string {
  const p = dateParts(iso);
  return p ? `${p.day.slice(0, 3)} ${p.date} ${p.month.slice(0, 3)} ${p.year}` : iso;
}

/** `2031-03-02` → "Sunday 2 March 2031". */
export function longDate(iso: string): string {
  const p = dateParts(iso);
  return p ? `${p.day} ${p.date} ${p.month} ${p.year}` : iso;
}

/** Capital and costs: whole numbers stay whole, others get one decimal. */
export function amount(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(1);
}
