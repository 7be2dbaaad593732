/** Calendar arithmetic on ISO dates (UTC). Pure. */
const DAY_MS = 86_400_000;

export function isoToDay(iso: string): number {
  return Math.round(Date.parse(`${iso}T00:00:00Z`) / DAY_MS);
}

export function dayToIso(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** Days from `from` to `to` (ISO dates). */
export function daysBetween(from: string, to: string): number {
  return isoToDay(to) - isoToDay(from);
}

/** The date `n` days after `iso`. */
export function addDays(iso: string, n: number): string {
  return dayToIso(isoToDay(iso) + n);
}
