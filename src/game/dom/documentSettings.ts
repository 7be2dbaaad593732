/**
 * The settings that change the whole page, applied to <html>: `data-motion="reduced"` when
 * motion is reduced (by the setting, or by the system when the setting follows it), so CSS
 * stops transitions; `data-text-size` for the root font size (style.css scales every rem).
 */
import { REDUCED_MOTION_QUERY, currentMotionReduced } from '../settings/motion.ts';
import type { SettingsStore } from '../settings/store.ts';

export function applyDocumentSettings(root: HTMLElement, settings: SettingsStore): () => void {
  const apply = () => {
    if (currentMotionReduced()) root.dataset.motion = 'reduced';
    else delete root.dataset.motion;
    root.dataset.textSize = settings.get().textSize;
  };
  apply();
  const off = settings.subscribe(apply);
  const query = typeof window.matchMedia === 'function' ? window.matchMedia(REDUCED_MOTION_QUERY) : null;
  query?.addEventListener('change', apply);
  return () => {
    off();
    query?.removeEventListener('change', apply);
  };
}
