/**
 * The Answers section: each party's mood, its last answer with the reasons it gave, and what
 * the player has learned of it (known red lines, values as ranges). Pure.
 */
import { addDays } from '../../engine/calendar.ts';
import type { Change } from '../../engine/evaluate.ts';
import { outlookWords, stanceWords } from '../../engine/timing.ts';
import type { Range } from '../../engine/knowledge.ts';
import type { PartyState } from '../../engine/partyMachine.ts';
import { PACKAGE_MAX } from '../../engine/evaluate.ts';
import type { AnswerView, PartyView, PlayerView } from '../../engine/view.ts';
import { optionLabel, pointTitle, shortDate, venueName } from './names.ts';
import type { PublicScenario } from './publicScenario.ts';

export const STATE_LABELS: Record<PartyState, string> = {
  guarded: 'Guarded (not met yet)',
  engaged: 'Engaged in talks',
  close: 'Close to a deal',
  walkedOut: 'Walked out',
  signed: 'Signed',
  withdrawn: 'Withdrawn from the talks',
};

export interface Meter {
  value: number;
  /** "45 of 100 (low)". */
  text: string;
}

export interface AnswerSummary {
  /** "Would sign this text", "Rejected the text"… */
  headline: string;
  kind: 'accepted' | 'rejected' | 'stalled' | 'absent';
  /** "Day 4, about the current text" / "Day 2, about an earlier text". */
  when: string;
  current: boolean;
  redLines: string[];
  objections: string[];
  /** The counter-proposal as changes and as words; null when it named none. */
  counter: { changes: Change[]; lines: string[] } | null;
  /** Why no counter was given, when it matters. */
  noCounter: string | null;
  /** A linked counter: the trade it offers (a gain paid for by a change the others want), as changes and in words. */
  linked: { changes: Change[]; text: string } | null;
  /** Where it stands: its demand now (the number that decided this answer) against the text's value; null when it would not talk. */
  stance: string | null;
  /** How its demand is likely to move, hedged; null when it would not talk. */
  timing: string | null;
  /** The full reasoning, only at the open difficulty. */
  breakdown: { utility: number; threshold: number; reservation: number; margin: number; pulls: { title: string; option: string; pull: number }[] } | null;
}

export interface ValueRow {
  point: string;
  title: string;
  weight: string;
  options: { label: string; range: string; current: boolean }[];
  /** Nothing learned yet about this point. */
  unknown: boolean;
}

export interface PartyCard {
  id: string;
  name: string;
  leader: string;
  role: string;
  where: string;
  state: PartyState;
  stateLabel: string;
  trust: Meter;
  patience: Meter;
  answer: AnswerSummary | null;
  knownRedLines: string[];
  reservation: string;
  values: ValueRow[];
  /** How many points something has been learned about. */
  learned: number;
  /** The package it last put forward in public: its changes, in words, and whether the text is still the one it was about. */
  offer: { day: number; changes: Change[]; lines: string[]; current: boolean } | null;
}

/** A change in words: “Monitoring”: Outside observers. */
export function changeLine(pub: PublicScenario, c: Change): string {
  return `“${pointTitle(pub, c.point)}”: ${optionLabel(pub, c.point, c.option)}`;
}

function level(n: number): string {
  return n >= 70 ? 'high' : n >= 40 ? 'middling' : n >= 20 ? 'low' : 'very low';
}

export function meter(n: number): Meter {
  const value = Math.max(0, Math.min(100, n));
  return { value, text: `${value} of 100 (${level(value)})` };
}

export function rangeText(r: Range | undefined): string {
  if (!r) return 'unknown';
  const lo = Math.round(r.lo);
  const hi = Math.round(r.hi);
  if (lo <= 0 && hi >= 100) return 'unknown';
  return lo === hi ? String(lo) : `${lo}–${hi}`;
}

const ROLE: Record<PartyView['role'], string> = { mediator: 'Mediator (your side)', signatory: 'Signs the text', consulted: 'Consulted; does not sign' };

function answerSummary(pub: PublicScenario, view: PlayerView, party: PartyView): AnswerSummary | null {
  const a = party.answer;
  if (!a) return null;
  const headline = {
    accepted: 'Would sign this text',
    rejected: 'Turned the text down',
    stalled: 'Stalled: gave no answer yet',
    absent: 'Was not at the table',
  }[a.kind];
  const counter = a.counter && a.counter.length > 0
    ? { changes: a.counter, lines: a.counter.map((c) => changeLine(pub, c)) }
    : null;
  const noCounter = a.kind === 'rejected' && counter === null
    ? a.redLines.length > 0 ? 'It named no change: first take the text off its red lines.'
      // A party not met yet answers without saying what would move it (partyMachine's guarded state).
      : party.state === 'guarded' ? 'It named no change: a party not met yet does not say what would move it. Meet it first.'
      : `No package of up to ${PACKAGE_MAX} changes would be enough now: the text is far from its demand.`
    : null;
  const ev = a.evaluation;
  const dateOf = (day: number) => shortDate(addDays(view.date, day - view.day));
  return {
    headline: a.current || a.kind !== 'accepted' ? headline : 'Would have signed an earlier text',
    kind: a.kind,
    when: `Day ${a.day + 1}, ${a.current ? 'about the current text' : 'about an earlier text'}`,
    current: a.current,
    redLines: a.redLines.map((l) => l.reason),
    objections: a.objections.map((p) => pointTitle(pub, p)),
    counter,
    noCounter,
    linked: linkedSummary(pub, a),
    stance: a.said ? stanceWords(a.said) : null,
    timing: a.said ? outlookWords(party.name, a.said.outlook, dateOf) : null,
    breakdown: ev
      ? {
          utility: Math.round(ev.utility),
          threshold: Math.round(ev.threshold),
          reservation: Math.round(ev.reservation),
          margin: Math.round(ev.margin),
          pulls: ev.contributions
            .filter((c) => c.weight > 0)
            .sort((x, y) => x.pull - y.pull)
            .map((c) => ({ title: pointTitle(pub, c.point), option: optionLabel(pub, c.point, c.option), pull: Math.round(c.pull * 10) / 10 })),
        }
      : null,
  };
}

function valueRows(pub: PublicScenario, view: PlayerView, party: PartyView): ValueRow[] {
  return knownValueRows(pub, view.text, party.knowledge);
}

/** What is known of a party's values on each point, as ranges, against a text (the mediator's or a party seat's knowledge). */
export function knownValueRows(pub: PublicScenario, text: PlayerView['text'], k: PartyView['knowledge']): ValueRow[] {
  const view = { text };
  return pub.points.map((point) => {
    const values = k?.values[point.id] ?? {};
    const ids = Object.keys(values);
    const options = ids.map((o) => ({ label: optionLabel(pub, point.id, o), range: rangeText(values[o]), current: view.text[point.id]?.option === o }));
    const weight = rangeText(k?.weights[point.id]);
    return { point: point.id, title: point.title, weight, options, unknown: weight === 'unknown' && options.every((o) => o.range === 'unknown') };
  });
}

export function partyCards(pub: PublicScenario, view: PlayerView): PartyCard[] {
  return view.parties
    .filter((p) => p.role !== 'mediator')
    .map((party) => {
      const values = valueRows(pub, view, party);
      return {
        id: party.id,
        name: party.name,
        leader: party.leader,
        role: ROLE[party.role],
        where: `Met in ${venueName(pub, party.home)}`,
        state: party.state,
        stateLabel: STATE_LABELS[party.state],
        trust: meter(party.trust),
        patience: meter(party.patience),
        answer: answerSummary(pub, view, party),
        knownRedLines: party.knownRedLines.map((l) => l.reason),
        reservation: rangeText(party.knowledge?.reservation),
        values,
        learned: values.filter((v) => !v.unknown).length,
        offer: party.offer ? { day: party.offer.day, changes: party.offer.changes, lines: party.offer.changes.map((c) => changeLine(pub, c)), current: party.offer.current } : null,
      };
    });
}

/** A linked counter in words: "It would accept “B” → y if “A” moves to x." */
export function linkedSummary(pub: PublicScenario, a: AnswerView): { changes: Change[]; text: string } | null {
  const [gain, give] = a.linked ?? [];
  if (!gain || !give) return null;
  return {
    changes: [gain, give],
    text: `It would accept “${pointTitle(pub, give.point)}” → ${optionLabel(pub, give.point, give.option)} if “${pointTitle(pub, gain.point)}” moves to ${optionLabel(pub, gain.point, gain.option)}.`,
  };
}

const STANCE_WORDS = { gains: 'it gains', loses: 'it gives way', same: 'it does not mind', redLine: 'crosses its red line' } as const;

/** A party's answer to the last package put to it: the verdict on the whole, and each change with its reason. */
export interface PackageSummary {
  party: string;
  name: string;
  day: number;
  kind: AnswerView['kind'];
  /** "Belmar accepted the package as a whole (in public)". */
  headline: string;
  /** One line per change: "“Flow” → 50%: it gains". */
  lines: { text: string; stance: 'gains' | 'loses' | 'same' | 'redLine' }[];
  /** Why the whole was refused, when it was. */
  why: string | null;
  /** What it would take on top of the package. */
  counter: { changes: Change[]; lines: string[] } | null;
}

export function packageSummary(pub: PublicScenario, party: PartyView): PackageSummary | null {
  const a = party.packageAnswer;
  const pkg = a?.package;
  if (!a || !pkg) return null;
  const where = pkg.public ? ' (in public)' : '';
  const headline = {
    accepted: `${party.name} accepted the package as a whole${where}`,
    rejected: `${party.name} refused the package as a whole${where}`,
    stalled: `${party.name} would not discuss it: trust in the mediator is too low`,
    absent: `${party.name} was not at the table`,
  }[a.kind];
  const why = a.kind !== 'rejected' ? null
    : a.redLines.length > 0 ? a.redLines.map((l) => l.reason).join(' ')
    : 'Taken together it does not give enough.';
  const counter = a.kind === 'rejected' && a.counter && a.counter.length > 0
    ? { changes: a.counter, lines: a.counter.map((c) => changeLine(pub, c)) }
    : null;
  return {
    party: party.id,
    name: party.name,
    day: a.day,
    kind: a.kind,
    headline,
    lines: pkg.reasons.map((r) => ({ stance: r.stance, text: `“${pointTitle(pub, r.point)}” → ${optionLabel(pub, r.point, r.option)}: ${STANCE_WORDS[r.stance]}${r.reason ? ` (${r.reason})` : ''}` })),
    why,
    counter,
  };
}
