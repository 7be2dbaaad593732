/**
 * Which sound goes with which engine notice, and the caption that says what it means.
 * Pure: the sound layer and its tests share it.
 */
import type { Notice } from '../../engine/negotiationMachine.ts';
import type { AppState } from '../app/controller.ts';

export const SOUND_NAMES = ['select', 'redraft', 'stamp', 'page', 'news', 'good', 'bad', 'signing', 'ambience-map', 'ambience-table'] as const;
export type SoundName = (typeof SOUND_NAMES)[number];
export type AmbienceName = Extract<SoundName, `ambience-${string}`>;

export interface Cue {
  sound: SoundName;
  /** Caption for sounds that carry meaning; null for pure interface feedback. */
  caption: string | null;
}

/** The cue for a notice, or null when it makes no sound. */
export function cueForNotice(notice: Notice): Cue | null {
  switch (notice.kind) {
    case 'proposal.accepted':
      return { sound: 'good', caption: 'Chime: a party accepts the text' };
    case 'proposal.rejected':
    case 'proposal.stalled':
      return { sound: 'bad', caption: 'Low tones: a party turns the text down' };
    case 'news.reported':
      return { sound: 'news', caption: 'News sting: news from the world' };
    case 'deal.signed':
      return { sound: 'signing', caption: 'Bells: the accord is signed' };
    case 'party.returned':
      return { sound: 'good', caption: 'Chime: a party comes back to the table' };
    case 'summit.refused':
    case 'summit.failed':
    case 'talks.collapsed':
    case 'party.walkedOut':
    case 'party.withdrew':
    case 'deadline.passed':
    case 'deadline.reached':
      return { sound: 'bad', caption: 'Low tones: a setback' };
    case 'text.redrafted':
    case 'package.drafted':
    case 'point.omitted':
    case 'point.deferred':
    case 'point.undeferred':
      return { sound: 'redraft', caption: null };
    case 'meeting.held':
    case 'allies.consulted':
      return { sound: 'stamp', caption: null };
    case 'day.ended':
      return { sound: 'page', caption: 'Page turn: a new day' };
    default:
      return null;
  }
}

/** At most this many different sounds for what one action caused. */
const MAX_SOUNDS = 3;

/**
 * The sounds (each once, in the order their notices came) and captions for everything one
 * action caused. A signed deal drowns out the rest: its bells are the whole answer.
 */
export function cuesFor(notices: readonly Notice[]): { sounds: SoundName[]; captions: string[] } {
  const cues = notices.map(cueForNotice).filter((c): c is Cue => c !== null);
  const signed = cues.find((c) => c.sound === 'signing');
  const chosen: Cue[] = [];
  for (const cue of signed ? [signed] : cues) {
    if (chosen.length < MAX_SOUNDS && !chosen.some((c) => c.sound === cue.sound)) chosen.push(cue);
  }
  return {
    sounds: chosen.map((c) => c.sound),
    captions: [...new Set(chosen.map((c) => c.caption).filter((c): c is string => c !== null))],
  };
}

/** The ambience for what is on screen: the map's or the table's during play, else none. */
export function ambienceFor(state: Pick<AppState, 'screen' | 'stage'>): AmbienceName | null {
  if (state.screen !== 'play') return null;
  return state.stage.kind === 'table' && state.stage.party !== '' ? 'ambience-table' : 'ambience-map';
}
