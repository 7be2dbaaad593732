/**
 * Every figure of `npm run bench` beside its target (issue #13) and, where there is one, the
 * baseline measured in the same run (a bare Phaser page, `node -e 0`). Figures are recorded so
 * `--check` can exit non-zero when a target is missed (a local guard, not for CI timing).
 */
import { fmt } from './stats.ts';

export interface Target {
  /** The figure must be at most this (times, sizes, ratios) … */
  max?: number;
  /** … or at least this (rates). */
  min?: number;
}

export interface Figure {
  label: string;
  value: number;
  unit: string;
  target: Target;
  ok: boolean;
}

export const figures: Figure[] = [];

/** One line: the figure, its target, whether it is met, and the baseline of the same run. */
export function figure(label: string, value: number, unit: string, target: Target, baseline?: string, digits = 2): string {
  const ok = Number.isFinite(value) && (target.max === undefined || value <= target.max) && (target.min === undefined || value >= target.min);
  figures.push({ label, value, unit, target, ok });
  const want = target.max !== undefined ? `≤ ${target.max}` : `≥ ${target.min}`;
  return `  ${label.padEnd(52)} ${fmt(value, digits).padStart(9)} ${unit.padEnd(8)} target ${want} ${unit.padEnd(8)} ${ok ? 'met   ' : 'MISSED'}${baseline ? `  (${baseline})` : ''}`;
}

export function summary(): string[] {
  const missed = figures.filter((f) => !f.ok);
  return [`Targets: ${figures.length - missed.length} of ${figures.length} met${missed.length > 0 ? `; missed: ${missed.map((f) => f.label.trim()).join('; ')}` : ''}`];
}
