/**
 * The briefing before play: the situation, the player's role, the parties, the calendar and
 * the rules of signing and of the summit. Pure.
 */
import { listOf, longDate, partyName, plural, venueName } from './names.ts';
import type { PublicScenario } from './publicScenario.ts';

export interface BriefingView {
  title: string;
  disclaimer: string;
  startTitle: string;
  startSummary: string;
  paragraphs: string[];
  role: { party: string; leader: string; envoys: { name: string; title: string; where: string }[] };
  parties: { name: string; leader: string; role: string; where: string; briefing: string[]; statedRedLines: string[] }[];
  calendar: { start: string; deadline: string; days: string; softDeadlines: string[]; actionsPerDay: string };
  summitRule: string;
  ratificationRule: string;
}

/** Split authored text into paragraphs at blank lines; single line breaks join. */
export function paragraphs(text: string): string[] {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s*\n\s*/g, ' ').trim())
    .filter((p) => p !== '');
}

const ROLE = { mediator: 'Mediator (you)', signatory: 'Signs the text', consulted: 'Consulted; does not sign' } as const;

export function ratificationRule(pub: PublicScenario): string {
  const { rule } = pub;
  const names = rule.signatories.map((id) => partyName(pub, id));
  if (rule.atLeast >= rule.signatories.length) return `The deal needs the signature of every signatory: ${listOf(names)}.`;
  const vetoes = rule.vetoes.map((id) => partyName(pub, id));
  return `The deal needs at least ${rule.atLeast} of ${rule.signatories.length} signatories (${listOf(names)})${vetoes.length > 0 ? `, including ${listOf(vetoes)}` : ''}.`;
}

export function summitRule(pub: PublicScenario): string {
  const n = pub.summit.maxOpenPoints;
  return `The leaders meet in ${venueName(pub, pub.summit.venue)} only when at most ${plural(n, 'point is', 'points are')} still open (deferred, crossing a red line, or still asked to change). A summit costs ${pub.costs.summit} capital; one that fails costs ${pub.costs.failedSummit} more and some trust.`;
}

export function briefingView(pub: PublicScenario, startId: string): BriefingView {
  const start = pub.starts.find((s) => s.id === startId) ?? pub.starts[0]!;
  const mediator = pub.parties.find((p) => p.role === 'mediator');
  const total = Math.round((Date.parse(`${pub.calendar.deadline}T00:00:00Z`) - Date.parse(`${start.date}T00:00:00Z`)) / 86_400_000);
  return {
    title: pub.title,
    disclaimer: pub.disclaimer,
    startTitle: start.title,
    startSummary: start.summary,
    // A start's own briefing replaces the scenario's.
    paragraphs: paragraphs(start.briefing ?? pub.briefing),
    role: {
      party: mediator?.name ?? '',
      leader: mediator?.leader ?? '',
      // Where each envoy is on this start's first day: the start's placement, else the envoy's own start.
      envoys: (mediator?.envoys ?? []).map((e) => ({ name: e.name, title: e.title, where: venueName(pub, start.envoys[e.id] ?? e.start) })),
    },
    parties: pub.parties
      .filter((p) => p.role !== 'mediator')
      .map((p) => ({ name: p.name, leader: p.leader, role: ROLE[p.role], where: venueName(pub, p.home), briefing: paragraphs(p.briefing), statedRedLines: p.statedRedLines })),
    calendar: {
      start: longDate(start.date),
      deadline: longDate(pub.calendar.deadline),
      days: `${plural(total + 1, 'day')} of talks, the deadline day included`,
      softDeadlines: pub.calendar.softDeadlines.map((d) => `${longDate(d.date)}: ${d.label}`),
      actionsPerDay: `Each envoy can take ${plural(pub.calendar.actionsPerDay, 'action')} a day where it is; travel takes days.`,
    },
    summitRule: summitRule(pub),
    ratificationRule: ratificationRule(pub),
  };
}
