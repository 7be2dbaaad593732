/**
 * Page-wide shortcuts: `?` help, O or `,` settings, E end day, S summit, 1–4 sections, M map. They wait while a
 * dialog is open and never take keys from a field, a list or a select.
 */
import { anyDialogOpen } from './dialog.ts';

export interface ShortcutTarget {
  help(): void;
  settings(): void;
  /** Null when the screen has no such action. */
  play(): { endDay(): void; callSummit(): void; showSection(i: number): void; showMap(): void } | null;
}

function typing(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLSelectElement || target instanceof HTMLTextAreaElement) return true;
  return target instanceof HTMLInputElement && !['radio', 'checkbox', 'button', 'submit', 'file'].includes(target.type);
}

export function watchShortcuts(target: ShortcutTarget): () => void {
  const onKey = (e: KeyboardEvent) => {
    if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || e.repeat) return;
    if (anyDialogOpen() || typing(e.target)) return;
    if (e.key === '?') {
      e.preventDefault();
      target.help();
      return;
    }
    if (e.key === ',' || e.key.toLowerCase() === 'o') {
      e.preventDefault();
      target.settings();
      return;
    }
    const play = target.play();
    if (!play) return;
    const key = e.key.toLowerCase();
    if (key === 'e') play.endDay();
    else if (key === 's') play.callSummit();
    else if (key === 'm') play.showMap();
    else if (/^[1-9]$/.test(key)) play.showSection(Number(key) - 1);
    else return;
    e.preventDefault();
  };
  document.addEventListener('keydown', onKey);
  return () => document.removeEventListener('keydown', onKey);
}
