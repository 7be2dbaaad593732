/**
 * A request waiting for a party seat's answer, as its player reads it: who asks what, the text
 * asked about (each point's option and its value to this seat), the choices of reply, and what
 * its government's machine would answer (the advice). Also the commands each reply sends. Pure.
 */
import { OMIT } from '../../scenario/omit.ts';
import type { Change } from '../../engine/evaluate.ts';
import type { PartyCommand, Reply } from '../../engine/commands.ts';
import type { PartySeatView, RequestView } from '../../engine/seatView.ts';
import { listOf, optionLabel, pointTitle } from '../viewModel/names.ts';
import { changeLine } from '../viewModel/answers.ts';
import type { PublicScenario } from '../viewModel/publicScenario.ts';

type Request = PartySeatView['requests'][number];

export interface TextLine {
  point: string;
  title: string;
  option: string;
  label: string;
  /** Value of this option to the seat (0–100), null when the sheet has none. */
  value: number | null;
  redLine: boolean;
  deferred: boolean;
}

export interface ReplyChoice {
  reply: Reply;
  label: string;
}

export interface RequestModel {
  id: number;
  kind: RequestView['kind'];
  /** "Marta Oyelaran has tabled the text with you". */
  heading: string;
  /** What answering does. */
  question: string;
  /** The text asked about (tabled texts and summit votes), null otherwise. */
  text: TextLine[] | null;
  stale: boolean;
  /** The simple replies (yes/no, or accept for a tabled text). */
  replies: ReplyChoice[];
  /** A tabled text can also be rejected naming points, or countered. */
  detailed: boolean;
  advice: { headline: string; lines: string[]; why: string; changes: Change[]; points: string[]; command: PartyCommand } | null;
}

const envoyName = (pub: PublicScenario, id: string | null) => pub.parties.flatMap((p) => p.envoys).find((e) => e.id === id)?.name ?? 'The mediator';

/** A text point by point as this seat reads it: each point's option, its value to the seat, and whether it crosses a red line. */
export function textLines(pub: PublicScenario, view: PartySeatView, text: NonNullable<RequestView['text']>): TextLine[] {
  const forbidden = new Set(view.sheet.redLines.filter((l) => !l.lifted).flatMap((l) => l.when.map((c) => `${c.point}=${c.option}`)));
  return pub.points
    .filter((p) => text[p.id])
    .map((p) => {
      const c = text[p.id]!;
      return {
        point: p.id,
        title: p.title,
        option: c.option,
        label: c.deferred ? 'deferred to the leaders' : optionLabel(pub, p.id, c.option),
        value: c.deferred ? null : view.sheet.values[p.id]?.[c.option] ?? null,
        redLine: !c.deferred && forbidden.has(`${p.id}=${c.option}`),
        deferred: c.deferred === true,
      };
    });
}

function adviceOf(pub: PublicScenario, r: Request): RequestModel['advice'] {
  const a = r.advice;
  if (!a) return null;
  const sign = r.kind === 'sign';
  const headline = a.reply === 'accept' ? (sign ? 'Sign' : 'Accept')
    : a.reply === 'decline' ? (sign ? 'Refuse to sign' : 'Decline')
    : a.reply === 'counter' ? 'Counter-draft'
    : 'Reject';
  const lines = a.reply === 'counter' ? (a.changes ?? []).map((c) => changeLine(pub, c))
    : a.reply === 'reject' && a.points ? [`Objecting to ${listOf(a.points.map((p) => `“${pointTitle(pub, p)}”`))}`] : [];
  const command: PartyCommand = { type: 'party.answer', request: r.id, reply: a.reply, ...(a.points ? { points: a.points } : {}), ...(a.changes ? { changes: a.changes } : {}) };
  return { headline, lines, why: a.why, changes: a.changes ?? [], points: a.points ?? [], command };
}

export function requestModel(pub: PublicScenario, view: PartySeatView, r: Request): RequestModel {
  const who = envoyName(pub, r.envoy);
  const text = r.text ? textLines(pub, view, r.text) : null;
  const base = { id: r.id, kind: r.kind, text, stale: !r.current, advice: adviceOf(pub, r) };
  switch (r.kind) {
    case 'table':
      return { ...base, heading: `${who} has tabled the text with you`, question: 'Accept it, reject it naming the points you object to, or answer with a counter-draft.', replies: [{ reply: 'accept', label: 'Accept this text' }], detailed: true };
    case 'meet':
      return { ...base, heading: `${who} asks to meet you`, question: 'Meeting builds trust and tells the mediator more about what you need.', replies: [{ reply: 'accept', label: 'Meet' }, { reply: 'decline', label: 'Decline to meet' }], detailed: false };
    case 'press':
      return { ...base, heading: `${who} is pressing you to move`, question: 'Giving way lowers what you demand; resisting costs nothing now.', replies: [{ reply: 'accept', label: 'Give way' }, { reply: 'decline', label: 'Resist the pressure' }], detailed: false };
    case 'offer':
      return {
        ...base,
        heading: `${who} offers you ${r.incentive?.label ?? 'an incentive'}`,
        question: `Accepting makes a deal worth more to your government${r.incentive ? ` (+${r.incentive.value})` : ''}.`,
        replies: [{ reply: 'accept', label: 'Accept the offer' }, { reply: 'decline', label: 'Decline the offer' }],
        detailed: false,
      };
    case 'sign':
      return { ...base, heading: 'The leaders’ summit: sign this text?', question: 'Your leader signs or refuses. The accord holds if the signatures pass the ratification rule.', replies: [{ reply: 'accept', label: 'Sign' }, { reply: 'decline', label: 'Refuse to sign' }], detailed: false };
  }
}

export function requestModels(pub: PublicScenario, view: PartySeatView): RequestModel[] {
  return view.requests.filter((r) => r.party === view.party).map((r) => requestModel(pub, view, r));
}

/** The options a counter-draft may put on a point: every option but the one in the text, and dropping it when it may be dropped. */
export function counterOptions(pub: PublicScenario, point: string, inText: string | undefined): { id: string; label: string }[] {
  const p = pub.points.find((x) => x.id === point);
  if (!p) return [];
  const all = [...p.options.map((o) => ({ id: o.id, label: o.label })), ...(p.omittable ? [{ id: OMIT, label: 'drop the point' }] : [])];
  return all.filter((o) => o.id !== inText);
}

export const answer = {
  simple: (request: number, reply: Reply): PartyCommand => ({ type: 'party.answer', request, reply }),
  reject: (request: number, points: string[]): PartyCommand => ({ type: 'party.answer', request, reply: 'reject', points }),
  counter: (request: number, changes: Change[]): PartyCommand => ({ type: 'party.answer', request, reply: 'counter', changes }),
};
