/**
 * How each leader is drawn: the scenario's `figures` for a party, every field it leaves out
 * chosen from the party's id (the same every time, on every machine). Pure: no Phaser.
 */
import type { FigureLook, Party } from '../../scenario/schema.ts';

/** A figure with every feature decided, colours as numbers. */
export interface Look {
  face: NonNullable<FigureLook['face']>;
  skin: number;
  hair: NonNullable<FigureLook['hair']>;
  hairColour: number;
  beard: NonNullable<FigureLook['beard']>;
  glasses: boolean;
  build: NonNullable<FigureLook['build']>;
  age: NonNullable<FigureLook['age']>;
  attire: NonNullable<FigureLook['attire']>;
  attireColour: number;
  tie: number;
}

const FACES = ['oval', 'round', 'long', 'square'] as const;
const HAIR = ['short', 'side-part', 'swept', 'receding', 'bald', 'crew', 'curly', 'bob', 'long', 'bun'] as const;
const BUILDS = ['slim', 'medium', 'broad'] as const;
const AGES = ['younger', 'middle', 'older'] as const;
const ATTIRE = ['suit', 'suit', 'open-collar'] as const;
const BEARDS = ['none', 'none', 'none', 'stubble', 'short'] as const;
/** A range of human skin tones, light to deep. */
const SKINS = [0xf1d0b5, 0xe0b393, 0xd2a987, 0xc08a66, 0xa26d4c, 0x83553a, 0x5f3b28] as const;
const HAIR_COLOURS = [0x2b2320, 0x3a2e28, 0x5a4030, 0x7a5a3a, 0xa08660, 0x1f1b1a] as const;
const GREYS = [0x9a968f, 0xb9b5ae, 0x7f7b76] as const;
const JACKETS = [0x2b3442, 0x30303a, 0x3b3f4a, 0x24303f, 0x3c3530] as const;

/** FNV-1a: a small, stable hash of text. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

const parseColour = (css: string): number => Number.parseInt(css.slice(1), 16);

/** The looks of a party's leaders (one or more), with `tie` defaulting to the party's colour. */
export function looksOf(party: Pick<Party, 'id' | 'figures'>, partyColour: number): Look[] {
  if (!party.figures || party.figures.length === 0) return [resolveLook({}, party.id, partyColour, true)];
  return party.figures.map((figure, i) => resolveLook(figure, `${party.id}#${i}`, partyColour));
}

/** The looks of the party `id` of a scenario (the default look when the scenario does not know it). */
export function looksIn(scenario: { parties: readonly Pick<Party, 'id' | 'figures'>[] }, id: string, partyColour: number): Look[] {
  return looksOf({ id, figures: scenario.parties.find((p) => p.id === id)?.figures }, partyColour);
}

/**
 * One figure with the features it leaves out chosen from `seed`. A figure the author wrote has
 * no beard or glasses unless it says so; one made up entirely (`invented`) may have either.
 */
export function resolveLook(figure: FigureLook, seed: string, tie: number, invented = false): Look {
  let h = hash(seed);
  // Each feature takes the next few bits of the hash, mixed again when they run out.
  const pick = <T>(list: readonly T[]): T => {
    const v = list[h % list.length]!;
    h = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d) >>> 0;
    return v;
  };
  const age = figure.age ?? pick(AGES);
  const hair = figure.hair ?? pick(HAIR);
  const defaultHair = age === 'older' ? pick(GREYS) : pick(HAIR_COLOURS);
  const build = figure.build ?? pick(BUILDS);
  return {
    face: figure.face ?? pick(FACES),
    skin: figure.skin ? parseColour(figure.skin) : pick(SKINS),
    hair,
    hairColour: figure.hairColour ? parseColour(figure.hairColour) : defaultHair,
    beard: figure.beard ?? (!invented || ['bob', 'long', 'bun'].includes(hair) ? 'none' : pick(BEARDS)),
    glasses: figure.glasses ?? (invented ? pick([false, false, true]) : false),
    build,
    age,
    attire: figure.attire ?? pick(ATTIRE),
    attireColour: figure.attireColour ? parseColour(figure.attireColour) : pick(JACKETS),
    tie: figure.tie ? parseColour(figure.tie) : tie,
  };
}

/** `colour` darker by `amount` (0–1), for shading. */
export function shade(colour: number, amount: number): number {
  const k = 1 - amount;
  const r = Math.round(((colour >> 16) & 0xff) * k);
  const g = Math.round(((colour >> 8) & 0xff) * k);
  const b = Math.round((colour & 0xff) * k);
  return (r << 16) | (g << 8) | b;
}

/** `colour` lighter by `amount` (0–1), toward white. */
export function tint(colour: number, amount: number): number {
  const mix = (c: number) => Math.round(c + (255 - c) * amount);
  return (mix((colour >> 16) & 0xff) << 16) | (mix((colour >> 8) & 0xff) << 8) | mix(colour & 0xff);
}
