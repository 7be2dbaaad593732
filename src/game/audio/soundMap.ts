/**
 * Which sound goes with which engine notice, and the caption that says what it means.
 * Pure: the sound layer and its tests share it.
 */
import type { Notice } from '../../engine/negotiationMachine.ts';

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
    case 'summit.refused':
    case 'summit.failed':
    case 'talks.collapsed':
    case 'party.walkedOut':
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
