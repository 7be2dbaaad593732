/**
 * The seats of a table: the mediator team (one seat, or one per envoy), every signatory and
 * every consulted party; the teacher / world authority sends as `@world` and holds no seat.
 * Each seat is held by a person or a machine: a bot for the mediator's seats, a party style for
 * the parties. Who may send what is decided here. Pure.
 */
import type { Scenario } from '../scenario/schema.ts';
import { BOTS } from './bots/index.ts';
import type { SeatCommand } from './commands.ts';
import { isPartyStyle, PARTY_STYLES } from './partyStyles.ts';

/** The teacher / world authority: sends world commands, sees everything, holds no party. */
export const WORLD = '@world';

/** Who holds a seat: a person, or a machine (a mediator bot's name, or a party style). */
export type SeatHolder = 'person' | { bot: string };

export interface Seat {
  /** The party's id; an envoy's seat is `mediatorId:envoyId`. */
  id: string;
  kind: 'mediator' | 'envoy' | 'party';
  party: string;
  envoy: string | null;
  name: string;
  role: 'mediator' | 'signatory' | 'consulted';
  holder: SeatHolder;
}

export interface SeatOptions {
  /** One seat per envoy instead of one for the whole mediator team. */
  split?: boolean;
  /** Holders by seat id; unnamed seats: people for the mediator's, machines (`model`) for the parties. */
  seats?: Readonly<Record<string, SeatHolder>>;
}

export type SeatsResult = { ok: true; seats: Seat[] } | { ok: false; message: string };

export const isPerson = (s: Seat): boolean => s.holder === 'person';
export const botOf = (s: Seat): string | null => (s.holder === 'person' ? null : s.holder.bot);

/** The seats of a scenario with their holders, or why the assignment is not possible. Pure. */
export function seatsOf(scenario: Scenario, options: SeatOptions): SeatsResult {
  const seats: Seat[] = [];
  const mediator = scenario.parties.find((p) => p.role === 'mediator')!;
  const given = options.seats ?? {};
  if (options.split && mediator.envoys.length > 0) {
    for (const e of mediator.envoys) {
      seats.push({ id: `${mediator.id}:${e.id}`, kind: 'envoy', party: mediator.id, envoy: e.id, name: `${e.name} (${mediator.name})`, role: 'mediator', holder: 'person' });
    }
  } else {
    seats.push({ id: mediator.id, kind: 'mediator', party: mediator.id, envoy: null, name: mediator.name, role: 'mediator', holder: 'person' });
  }
  for (const p of scenario.parties) {
    if (p.role === 'mediator') continue;
    seats.push({ id: p.id, kind: 'party', party: p.id, envoy: null, name: p.name, role: p.role, holder: { bot: 'model' } });
  }
  for (const [id, holder] of Object.entries(given)) {
    const seat = seats.find((s) => s.id === id);
    if (!seat) return { ok: false, message: `there is no seat "${id}" (seats: ${seats.map((s) => s.id).join(', ')})` };
    if (holder !== 'person') {
      if (seat.kind === 'party' && !isPartyStyle(holder.bot)) {
        return { ok: false, message: `"${holder.bot}" is not a party style (styles: ${PARTY_STYLES.join(', ')})` };
      }
      if (seat.kind !== 'party' && !BOTS[holder.bot]) {
        return { ok: false, message: `"${holder.bot}" is not a mediator bot (bots: ${Object.keys(BOTS).join(', ')})` };
      }
    }
    seat.holder = holder;
  }
  return { ok: true, seats };
}

const MEDIATOR_TYPES = new Set(['envoy.travel', 'envoy.meet', 'envoy.table', 'envoy.press', 'envoy.offer', 'envoy.consult', 'envoy.propose',
  'text.redraft', 'text.omit', 'text.defer', 'text.undefer', 'text.package', 'summit.call', 'summit.propose', 'summit.acceptDemand', 'summit.close', 'day.end']);
const PARTY_TYPES = new Set(['party.answer', 'party.signal', 'party.consult', 'party.propose', 'day.end']);

/** Why this seat may not send this kind of command at all, or null. `byMachine` is true when the table's own bot sends it. Pure. */
export function seatRefusal(seat: Seat | typeof WORLD, command: SeatCommand, byMachine = false): string | null {
  if (seat === WORLD) return command.type.startsWith('world.') ? null : 'the teacher sends only world commands';
  if (!byMachine && seat.holder !== 'person') return `${seat.name} is played by the machine`;
  if (command.type.startsWith('world.')) return 'only the teacher sends world commands';
  if (seat.kind === 'party') return PARTY_TYPES.has(command.type) ? null : `${seat.name} is a party: it answers the mediator, makes statements, puts packages forward and consults its allies`;
  if (!MEDIATOR_TYPES.has(command.type)) return `the mediator's seat cannot send ${command.type}`;
  if (seat.kind === 'envoy' && 'envoy' in command && command.envoy !== seat.envoy) return `this seat plays ${seat.name}; each envoy is played from its own seat`;
  return null;
}

/** Seats whose end of day the calendar waits for: people, and bots in the mediator's seats. */
export function awaitedSeats(seats: readonly Seat[]): string[] {
  return seats.filter((s) => isPerson(s) || s.kind !== 'party').map((s) => s.id);
}
