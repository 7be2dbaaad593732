/** Words the canvas draws: dates and the deadline. Pure, independent of the browser's locale. */
import { isoToDay } from '../../engine/calendar.ts';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const WEEKDAYS = ['Thursday', 'Friday', 'Saturday', 'Sunday', 'Monday', 'Tuesday', 'Wednesday'];

/** "2025-11-21" → "Friday 21 November 2025". */
export function longDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  if (!y || !m || !d) return iso;
  // Day 0 of the Unix epoch (1970-01-01) was a Thursday.
  const weekday = WEEKDAYS[((isoToDay(iso) % 7) + 7) % 7]!;
  return `${weekday} ${d} ${MONTHS[m - 1]} ${y}`;
}

/** "2025-11-21" → "21 Nov". */
export function shortDate(iso: string): string {
  const [, m, d] = iso.split('-').map(Number);
  if (!m || !d) return iso;
  return `${d} ${MONTHS[m - 1]!.slice(0, 3)}`;
}

/** How far the deadline is, from the view's `daysLeft`. */
export function deadlineText(daysLeft: number): string {
  if (daysLeft <= 0) return 'Deadline today';
  return `${daysLeft} day${daysLeft === 1 ? '' : 's'} to the deadline`;
}
