/**
 * Where an envoy stands on the map, from the player's view: at a venue, or a share of the way
 * along its route while travelling. Pure.
 */
import type { EnvoyState } from '../../engine/commands.ts';

export interface EnvoyPlace {
  id: string;
  /** The venue it is at, or left from. */
  from: string;
  /** The venue it is travelling to, or null when it is at `from`. */
  to: string | null;
  /** Share of the route behind it (0 at `from`, 1 at `to`); 0 when not travelling. */
  progress: number;
}

/**
 * An envoy's place on day `day`. A traveller is shown part-way: halfway through a one-day
 * journey, a quarter then three quarters of the way through a two-day one, and so on.
 * `travelDays` gives the length of the route (the scenario's travel table).
 */
export function envoyPlace(envoy: EnvoyState, day: number, travelDays: (from: string, to: string) => number | null): EnvoyPlace {
  if (envoy.to === null || envoy.arrives === null) return { id: envoy.id, from: envoy.at, to: null, progress: 0 };
  const left = Math.max(1, envoy.arrives - day);
  const days = Math.max(left, travelDays(envoy.at, envoy.to) ?? left);
  const done = days - left;
  const progress = Math.min(0.9, Math.max(0.1, (done + 0.5) / days));
  return { id: envoy.id, from: envoy.at, to: envoy.to, progress };
}

/** Two initials for a token: "Steve Witkoff" → "SW", "Rubio" → "RU". */
export function initials(name: string): string {
  const words = name.split(/\s+/).filter((w) => /\p{L}/u.test(w));
  if (words.length === 0) return '?';
  if (words.length === 1) return words[0]!.slice(0, 2).toUpperCase();
  return (words[0]![0]! + words[words.length - 1]![0]!).toUpperCase();
}

/**
 * Offsets of `count` tokens sharing a venue: a row centred above the marker, `spacing` apart.
 */
export function rowOffsets(count: number, spacing: number, lift: number): { dx: number; dy: number }[] {
  return Array.from({ length: count }, (_, i) => ({ dx: (i - (count - 1) / 2) * spacing, dy: -lift }));
}
