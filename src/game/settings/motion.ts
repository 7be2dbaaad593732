/**
 * Whether motion is reduced right now: the player's setting, or the system's preference when
 * the setting follows the system. The settings store keeps it current; the canvas scenes, the
 * debrief charts and the DOM read it through `currentMotionReduced()`.
 */
import { DEFAULT_SETTINGS, reduceMotion, type Settings } from './settings.ts';

export const REDUCED_MOTION_QUERY = '(prefers-reduced-motion: reduce)';

let active: Settings = DEFAULT_SETTINGS;

/** The system asks for less motion (false where there is no window, e.g. in Node). */
export function systemPrefersReducedMotion(): boolean {
  return typeof window !== 'undefined' && typeof window.matchMedia === 'function' && window.matchMedia(REDUCED_MOTION_QUERY).matches;
}

/** Called by the settings store whenever the settings change. */
export function setMotionSettings(settings: Settings): void {
  active = settings;
}

/**
 * Should animations be skipped now? True for "reduced", false for "full", the system's
 * preference for "follow the system". Cheap: call it when a tween is about to start.
 */
export function currentMotionReduced(): boolean {
  return reduceMotion(active, systemPrefersReducedMotion());
}
