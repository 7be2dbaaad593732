/**
 * Sound follows the game: a cue for what each action caused (engine notices, batched per
 * action), the interface click on primary buttons and tabs, the ambience of the map or the
 * table during play, and captions for the sounds that carry meaning. The Soundboard (Howler)
 * is created once, on the first user gesture, so no AudioContext exists before the browser
 * would let it run; until then only the wanted ambience is remembered.
 */
import type { AppController } from '../app/controller.ts';
import type { Notice } from '../../engine/negotiationMachine.ts';
import type { SettingsStore } from '../settings/store.ts';
import { interactive } from '../ready.ts';
import type { Soundboard } from './soundboard.ts';
import { ambienceFor, cuesFor, type AmbienceName, type SoundName } from './soundMap.ts';

export interface CaptionSink {
  show(lines: readonly string[]): void;
}

/** Sounds caused by one action start this far apart, so they are heard one after another. */
const STAGGER_MS = 220;
/** A click within this long after a notice's cue makes no click of its own. */
const CUE_HIDES_CLICK_MS = 150;
/** What makes the interface click: primary buttons and section tabs. */
const CLICKY = 'button.primary, [role="tab"]';

export interface SoundDirector {
  /** The soundboard, once a gesture has created it. */
  board(): Soundboard | null;
  stop(): void;
}

export function directSound(controller: AppController, settings: SettingsStore, captions: CaptionSink): SoundDirector {
  let board: Soundboard | null = null;
  let ambience: AmbienceName | null = ambienceFor(controller.snapshot());
  let pending: Notice[] = [];
  let lastCueAt = -Infinity;
  const timers = new Set<number>();

  const play = (sounds: readonly SoundName[]) => {
    sounds.forEach((sound, i) => {
      if (i === 0) return board?.play(sound);
      const t = window.setTimeout(() => {
        timers.delete(t);
        board?.play(sound);
      }, i * STAGGER_MS);
      timers.add(t);
    });
  };

  const flush = () => {
    const { sounds, captions: lines } = cuesFor(pending);
    pending = [];
    play(sounds);
    if (lines.length > 0 && settings.get().captions) captions.show(lines);
  };

  const offNotices = controller.onNotice((n) => {
    lastCueAt = performance.now();
    if (pending.length === 0) queueMicrotask(flush);
    pending.push(n);
  });

  const offState = controller.subscribe((s) => {
    ambience = ambienceFor(s);
    board?.setAmbience(ambience);
  });

  const offSettings = settings.subscribe((s) => board?.apply(s));

  // The first gesture creates the soundboard (and with it the audio context), before the
  // gesture's own handlers run, so a click's sound is already queued with Howler.
  let Board: typeof Soundboard | null = null;
  let unlocked = false;
  let stopped = false;
  const create = () => {
    if (board || !Board || !unlocked || stopped) return;
    board = new Board(settings.get());
    board.setAmbience(ambience);
  };
  void interactive.then(() => import('./soundboard.ts')).then((m) => {
    Board = m.Soundboard;
    create();
  });
  const unlock = () => {
    window.removeEventListener('pointerdown', unlock, true);
    window.removeEventListener('keydown', unlock, true);
    unlocked = true;
    create();
  };
  window.addEventListener('pointerdown', unlock, true);
  window.addEventListener('keydown', unlock, true);

  // Bubbling to the document comes after the button's own handler: if that handler caused a
  // notice, its cue (a redraft, a stamp) stands for the click.
  const onClick = (e: MouseEvent) => {
    const target = e.target instanceof Element ? e.target.closest(CLICKY) : null;
    if (!target || (target as HTMLButtonElement).disabled) return;
    if (performance.now() - lastCueAt < CUE_HIDES_CLICK_MS) return;
    board?.play('select');
  };
  document.addEventListener('click', onClick);

  return {
    board: () => board,
    stop() {
      stopped = true;
      offNotices();
      offState();
      offSettings();
      document.removeEventListener('click', onClick);
      window.removeEventListener('pointerdown', unlock, true);
      window.removeEventListener('keydown', unlock, true);
      for (const t of timers) window.clearTimeout(t);
      board?.unload();
      board = null;
    },
  };
}
