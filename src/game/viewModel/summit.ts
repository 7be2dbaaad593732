/**
 * The summit as the player reads it: the open points with each leader's stated wish, the proposal
 * on the table, every leader's answer with its reasons and last demand, and, after an accord, who
 * gave what on each point. Pure: from the public scenario and the player's view.
 */
import { OMIT } from '../../scenario/omit.ts';
import type { Outcome } from '../../engine/negotiationMachine.ts';
import type { LeaderReply } from '../../engine/summit.ts';
import type { PlayerView } from '../../engine/view.ts';
import type { PublicScenario } from './publicScenario.ts';

export interface SummitOption {
  id: string;
  label: string;
  /** Leaders who said they want it. */
  wishedBy: string[];
}

export interface SummitPointRow {
  id: string;
  title: string;
  number: number;
  options: SummitOption[];
  /** The option on the table now. */
  current: string;
}

export interface LeaderRow {
  id: string;
  name: string;
  leader: string;
  reply: LeaderReply | 'waiting' | 'away' | null;
  replyLabel: string;
  reasons: string[];
  /** Its last demand in words, when it made one this round. */
  demand: string | null;
}

export interface SummitTalks {
  roundText: string;
  roundsLeft: number;
  points: SummitPointRow[];
  leaders: LeaderRow[];
  /** Earlier rounds, one line each. */
  history: string[];
  waiting: string | null;
}

const REPLY: Record<LeaderReply, string> = { accept: 'Will sign', demand: 'Last demand', reject: 'Will not sign', walkout: 'Walked out' };

const nameOf = (pub: PublicScenario, id: string) => pub.parties.find((p) => p.id === id)?.name ?? id;
const names = (pub: PublicScenario, ids: readonly string[]) => ids.map((id) => nameOf(pub, id)).join(', ');

export function optionName(pub: PublicScenario, point: string, option: string): string {
  if (option === OMIT) return 'Dropped';
  return pub.points.find((p) => p.id === point)?.options.find((o) => o.id === option)?.label ?? option;
}

export function pointName(pub: PublicScenario, point: string): string {
  return pub.points.find((p) => p.id === point)?.title ?? point;
}

function changesText(pub: PublicScenario, changes: readonly { point: string; option: string }[]): string {
  return changes.map((c) => `${pointName(pub, c.point)}: ${optionName(pub, c.point, c.option)}`).join('; ');
}

export function summitTalks(pub: PublicScenario, view: PlayerView): SummitTalks | null {
  const t = view.talks;
  if (!t) return null;
  const points = t.open.map((id): SummitPointRow => {
    const p = pub.points.find((x) => x.id === id)!;
    const wishes = t.preferred[id] ?? {};
    const ids = [...p.options.map((o) => o.id), ...(p.omittable ? [OMIT] : [])];
    return {
      id,
      title: p.title,
      number: p.number,
      options: ids.map((o) => ({ id: o, label: optionName(pub, id, o), wishedBy: Object.keys(wishes).filter((l) => wishes[l] === o).map((l) => nameOf(pub, l)) })),
      current: t.proposal.find((c) => c.point === id)?.option ?? view.text[id]?.option ?? ids[0]!,
    };
  });
  const leaders = t.leaders.map((id): LeaderRow => {
    const party = pub.parties.find((p) => p.id === id);
    const answer = t.answers.find((a) => a.party === id);
    const away = t.walkedOut.includes(id) && answer?.reply !== 'walkout';
    const reply = away ? 'away' : answer ? answer.reply : t.waiting.includes(id) ? 'waiting' : null;
    return {
      id,
      name: party?.name ?? id,
      leader: party?.leader ?? '',
      reply,
      replyLabel: reply === 'away' ? 'Has left the summit' : reply === 'waiting' ? 'Answering…' : reply === null ? (t.proposed ? '—' : 'Waiting for your proposal') : REPLY[reply],
      reasons: answer?.reasons ?? [],
      demand: answer?.reply === 'demand' ? changesText(pub, answer.demand) : null,
    };
  });
  // The round being answered is shown above, leader by leader: only rounds before it are "earlier".
  const history = t.history.filter((r) => r.round < t.round || (r.round === t.round && t.proposed === false)).map((r) => {
    const by = r.demandOf ? `${nameOf(pub, r.demandOf)}'s demand taken up` : 'your proposal';
    const said = r.answers.map((a) => `${nameOf(pub, a.party)}: ${REPLY[a.reply].toLowerCase()}`).join(', ');
    return `Round ${r.round} (${by}: ${changesText(pub, r.proposal) || 'the text as it stood'}) — ${said}.`;
  });
  return {
    roundText: t.proposed ? `Round ${t.round} of ${t.rounds}` : `${t.rounds} rounds at most`,
    roundsLeft: t.rounds - t.round,
    points,
    leaders,
    history,
    waiting: t.waiting.length > 0 ? `Waiting for ${names(pub, t.waiting)} to answer.` : null,
  };
}

export interface SummitGaveRow {
  point: string;
  agreed: string;
  wishOf: string;
  gaveWay: string;
}

/** Who gave what at the summit, per settled point, and the last demands; null when no summit settled the deal. */
export function summitGave(pub: PublicScenario, outcome: Outcome | null): { rounds: number; rows: SummitGaveRow[]; demands: string[]; walkedOut: string | null } | null {
  if (!outcome || outcome.kind !== 'deal' || !outcome.summit) return null;
  const s = outcome.summit;
  return {
    rounds: s.rounds,
    rows: s.points.map((p) => ({
      point: pointName(pub, p.point),
      agreed: optionName(pub, p.point, p.option),
      wishOf: p.preferredBy.length > 0 ? names(pub, p.preferredBy) : 'no leader’s first wish',
      gaveWay: p.conceded.length > 0 ? p.conceded.map((c) => `${nameOf(pub, c.party)} (wanted ${optionName(pub, p.point, c.preferred)})`).join('; ') : 'nobody',
    })),
    demands: s.demands.map((d) => `${nameOf(pub, d.party)} demanded ${changesText(pub, d.changes)}: ${d.accepted ? 'taken up' : 'not taken up'}.`),
    walkedOut: s.walkedOut.length > 0 ? `${names(pub, s.walkedOut)} walked out and did not sign.` : null,
  };
}
