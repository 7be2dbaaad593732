/**
 * Pass-and-play: one table, several people on one device. Keeps whose turn it is (turns.ts) and
 * whether that person has confirmed at the hand-over; sends the party seat's commands. Talks to
 * the engine only through the table's seat API (`view`, `send`, `waitingFor`). No DOM.
 */
import type { SeatCommand } from '../../engine/commands.ts';
import type { PartySeatView } from '../../engine/seatView.ts';
import type { Seat } from '../../engine/seats.ts';
import type { SendResult, Table } from '../../engine/table.ts';
import { handsBack, nextTurn, type TurnState } from '../seats/turns.ts';

export interface PassView {
  /** The seat whose person plays now; null once the talks are over. */
  turn: string | null;
  turnName: string;
  turnKind: Seat['kind'] | null;
  /** The person on turn has confirmed at the hand-over screen. */
  confirmed: boolean;
  /** Why it is this seat's turn, for the hand-over screen. */
  reason: string;
  /** "Day 3 of 21". */
  day: string;
  seats: { id: string; name: string; kind: Seat['kind']; holder: string }[];
  /** The party seat's own view while its person plays. */
  party: PartySeatView | null;
  /** A party seat done for now hands back to the mediator (still playing today), else ends its day. */
  handsBack: boolean;
}

export function holderText(s: Seat): string {
  return s.holder === 'person' ? 'a person' : `the machine (${s.holder.bot})`;
}

export { isPassAndPlay } from './saveSlot.ts';

export class PassAndPlay {
  turn: string | null;
  confirmed = false;

  constructor(readonly table: Table) {
    this.turn = nextTurn(this.state());
  }

  private seat(id: string | null): Seat | undefined {
    return this.table.seats().find((s) => s.id === id);
  }

  state(): TurnState {
    const seats = this.table.seats();
    const over = this.table.view(seats[0]!.id).outcome !== null;
    const pending = seats
      .filter((s) => s.kind === 'party' && s.holder === 'person')
      .filter((s) => (this.table.view(s.id) as PartySeatView).requests.some((r) => r.party === s.party))
      .map((s) => s.id);
    return { seats, waitingFor: this.table.waitingFor(), pending, over };
  }

  /** The mediator's seat shown on the play and ending screens: the one on turn, else the first. */
  mediatorSeat(): string {
    const on = this.seat(this.turn);
    if (on && on.kind !== 'party') return on.id;
    return this.table.seats().find((s) => s.kind !== 'party')!.id;
  }

  /** After a move by the seat on turn: a mediator's seat hands over as soon as someone else is to play; a party plays on until it is done. */
  afterMove(): void {
    const s = this.state();
    if (s.over) return this.moveTo(null);
    const on = this.seat(this.turn);
    if (on?.kind === 'party') return;
    this.moveTo(nextTurn(s));
  }

  /** A party's person is done for now: hand back to the mediator, or end the seat's day. */
  done(): SendResult {
    const on = this.seat(this.turn);
    if (!on || on.kind !== 'party') return { ok: false, reason: 'it is not a party’s turn' };
    const s = this.state();
    if (s.pending.includes(on.id)) return { ok: false, reason: 'answer the request waiting for you first' };
    let result: SendResult = { ok: true, notices: [] };
    if (!handsBack(s) && !this.table.view(on.id).ended) result = this.table.send(on.id, { type: 'day.end' });
    if (!result.ok) return result;
    const after = this.state();
    this.moveTo(after.over ? null : nextTurn(after), on.id);
    return result;
  }

  send(command: SeatCommand): SendResult {
    if (!this.turn) return { ok: false, reason: 'the talks are over' };
    const r = this.table.send(this.turn, command);
    if (r.ok) this.afterMove();
    return r;
  }

  confirm(): void {
    this.confirmed = true;
  }

  private moveTo(next: string | null, leaving: string | null = this.turn): void {
    if (next !== leaving || next === null) this.confirmed = false;
    this.turn = next;
  }

  view(): PassView {
    const s = this.state();
    const on = this.seat(this.turn);
    const any = this.table.view(this.table.seats()[0]!.id) as PartySeatView;
    const total = any.day + any.daysLeft + 1;
    const day = `Day ${Math.min(any.day + 1, total)} of ${total}`;
    let reason = '';
    if (on?.kind === 'party') {
      const req = (this.table.view(on.id) as PartySeatView).requests.find((r) => r.party === on.party);
      reason = req?.kind === 'sign' ? `The leaders’ summit: ${on.name} signs the text or refuses.`
        : req ? `The mediator is waiting for ${on.name}’s answer.`
        : `The mediator has ended the day. ${on.name} may make statements and consult allies, then ends its day.`;
    } else if (on) {
      reason = on.kind === 'envoy' ? `${on.name}: the mediation team’s turn.` : `${on.name}: the mediator’s turn.`;
    }
    return {
      turn: this.turn,
      turnName: on?.name ?? '',
      turnKind: on?.kind ?? null,
      confirmed: this.confirmed,
      reason,
      day,
      seats: this.table.seats().map((x) => ({ id: x.id, name: x.name, kind: x.kind, holder: holderText(x) })),
      party: on?.kind === 'party' && this.confirmed ? (this.table.view(on.id) as PartySeatView) : null,
      handsBack: handsBack(s),
    };
  }
}
