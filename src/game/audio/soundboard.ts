/**
 * The sound layer (Howler): interface sounds, stings and ambience, with master, effects and
 * ambience volumes and mute from the settings. Web Audio starts after the first user gesture;
 * plays queued before it are silent, not errors. Exposes its state for tests on
 * `window.__accordAudio` (loaded sounds, the latest plays, any load or play errors).
 */
import { Howl, Howler } from 'howler';
import type { Settings } from '../settings/settings.ts';
import { SOUND_NAMES, type AmbienceName, type SoundName } from './soundMap.ts';

const urls = import.meta.glob('../../../assets/audio/*.wav', { query: '?url', import: 'default', eager: true }) as Record<string, string>;

function urlOf(name: SoundName): string {
  const entry = Object.entries(urls).find(([path]) => path.endsWith(`/${name}.wav`));
  if (!entry) throw new Error(`assets/audio/${name}.wav is missing; run npm run assets:audio`);
  return entry[1];
}

/** Plays kept in the test hook's log: it lives as long as the page, so only the latest. */
const PLAYED_KEPT = 200;

export interface AudioDebug {
  loaded: SoundName[];
  /** The most recent plays (up to {@link PLAYED_KEPT}), oldest first. */
  played: { sound: SoundName; at: number }[];
  errors: string[];
  ambience: AmbienceName | null;
  /** The mix as applied: volumes 0–1 and mute. */
  mix: { master: number; effects: number; ambience: number; muted: boolean };
  state(): Record<string, string>;
  /** The Web Audio context's state ('running' once a gesture has unlocked it), or 'none'. */
  context(): string;
}

declare global {
  interface Window {
    __accordAudio?: AudioDebug;
  }
}

export class Soundboard {
  private readonly howls = new Map<SoundName, Howl>();
  private ambienceName: AmbienceName | null = null;
  private settings: Settings;
  readonly debug: AudioDebug;

  constructor(settings: Settings) {
    this.settings = settings;
    const howls = this.howls;
    this.debug = {
      loaded: [],
      played: [],
      errors: [],
      ambience: null,
      mix: { master: settings.master, effects: settings.effects, ambience: settings.ambience, muted: settings.muted },
      state: () => Object.fromEntries([...howls].map(([name, h]) => [name, h.state()])),
      context: () => (Howler.ctx as AudioContext | null | undefined)?.state ?? 'none',
    };
    for (const name of SOUND_NAMES) {
      const ambience = name.startsWith('ambience-');
      const howl = new Howl({
        src: [urlOf(name)],
        loop: ambience,
        preload: true,
        onload: () => this.debug.loaded.push(name),
        onloaderror: (_id, error) => this.debug.errors.push(`load ${name}: ${String(error)}`),
        onplayerror: (_id, error) => this.debug.errors.push(`play ${name}: ${String(error)}`),
      });
      this.howls.set(name, howl);
    }
    this.apply(settings);
    window.__accordAudio = this.debug;
  }

  /** Apply volumes and mute (at once, to sounds already playing too). */
  apply(settings: Settings): void {
    this.settings = settings;
    this.debug.mix = { master: settings.master, effects: settings.effects, ambience: settings.ambience, muted: settings.muted };
    Howler.volume(settings.master);
    Howler.mute(settings.muted);
    for (const [name, howl] of this.howls) howl.volume(name.startsWith('ambience-') ? settings.ambience : settings.effects);
  }

  play(name: SoundName): void {
    const howl = this.howls.get(name);
    if (!howl) return;
    howl.play();
    this.debug.played.push({ sound: name, at: Date.now() });
    if (this.debug.played.length > PLAYED_KEPT) this.debug.played.splice(0, this.debug.played.length - PLAYED_KEPT);
  }

  /** Switch the looping ambience (null: silence). */
  setAmbience(name: AmbienceName | null): void {
    if (name === this.ambienceName) return;
    if (this.ambienceName) this.howls.get(this.ambienceName)?.stop();
    this.ambienceName = name;
    this.debug.ambience = name;
    if (name) {
      const howl = this.howls.get(name)!;
      howl.volume(this.settings.ambience);
      howl.play();
    }
  }

  /** Stop everything and free the sounds (leaving the page, or in leak tests). */
  unload(): void {
    for (const howl of this.howls.values()) howl.unload();
    this.howls.clear();
  }
}
