/**
 * How a machine plays a party it holds. The style changes behaviour only — how fast the
 * party concedes, how much pressure and incentives move it, how patient it is — never its
 * role sheet (weights, values, red lines, walk-away), so scores stay comparable. Pure.
 */
import type { Party } from '../scenario/schema.ts';

export const PARTY_STYLES = ['model', 'stubborn', 'flexible', 'impatient'] as const;
export type PartyStyle = (typeof PARTY_STYLES)[number];

export const STYLE_HELP: Readonly<Record<PartyStyle, string>> = {
  model: 'as the scenario models it',
  stubborn: 'concedes late, moves half as much under pressure or incentives, more patient',
  flexible: 'concedes early and responds more to pressure and incentives',
  impatient: 'half the patience: walks out sooner',
};

export function isPartyStyle(name: string): name is PartyStyle {
  return (PARTY_STYLES as readonly string[]).includes(name);
}

const clamp = (x: number, hi: number) => Math.min(hi, Math.max(0, x));

/** The party as a machine of this style plays it. Pure. */
export function styleParty(party: Party, style: PartyStyle): Party {
  switch (style) {
    case 'model':
      return party;
    case 'stubborn':
      return {
        ...party,
        concession: 'boulware',
        patience: clamp(party.patience + 20, 100),
        sensitivity: { pressure: party.sensitivity.pressure * 0.5, incentives: party.sensitivity.incentives * 0.5 },
      };
    case 'flexible':
      return {
        ...party,
        concession: 'conceder',
        sensitivity: { pressure: clamp(party.sensitivity.pressure * 1.5, 2), incentives: clamp(party.sensitivity.incentives * 1.5, 2) },
      };
    case 'impatient':
      return { ...party, patience: Math.max(1, Math.round(party.patience / 2)) };
  }
}
