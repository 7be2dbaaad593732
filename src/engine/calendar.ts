/** Calendar arithmetic on ISO dates (UTC). Pure. */
const DAY_MS = 86_400_000;

// Games ask for the same few hundred dates over and over (every notice and view is dated): each
// conversion is kept once made. Bounded, so a long-running server cannot grow them without end.
const MAX_KEPT = 20_000;
const days = new Map<string, number>();
const isos = new Map<number, string>();

export function isoToDay(iso: string): number {
  let day = days.get(iso);
  if (day === undefined) {
    day = Math.round(Date.parse(`${iso}T00:00:00Z`) / DAY_MS);
    if (days.size >= MAX_KEPT) days.clear();
    days.set(iso, day);
  }
  return day;
}

export function dayToIso(day: number): string {
  let iso = isos.get(day);
  if (iso === undefined) {
    iso = new Date(day * DAY_MS).toISOString().slice(0, 10);
    if (isos.size >= MAX_KEPT) isos.clear();
    isos.set(day, iso);
  }
  return iso;
}

/** Days from `from` to `to` (ISO dates). */
export function daysBetween(from: string, to: string): number {
  return isoToDay(to) - isoToDay(from);
}

/** The date `n` days after `iso`. */
export function addDays(iso: string, n: number): string {
  return dayToIso(isoToDay(iso) + n);
}
