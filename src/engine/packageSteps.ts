/**
 * Packages: changes to the text put to a party together, answered as a whole with reasons per
 * point; packages a party puts forward in public; and public concessions, which move the other
 * parties as the scenario's `concessions` say. Pure steps over the negotiation context.
 */
import type { Change, PointReason } from './evaluate.ts';
import { packageReasons } from './evaluate.ts';
import {
  answerPatch, changeWords, liveParty, newVersion, notice, optionLabel, partyContext, partyName, pointTitle,
  type NegotiationContext,
} from './negotiationMachine.ts';
import type { Answer, PartyEvent } from './partyMachine.ts';
import { chain, noStep, step, type Step } from './steps.ts';
import type { PlanText } from './text.ts';

const STANCE: Record<PointReason['stance'], string> = {
  gains: 'it gains',
  loses: 'it gives way',
  same: 'it does not mind',
  redLine: 'crosses its red line',
};

/** Each change of a package with what it is to the party: “Dam” → halted (it gains), … */
export function reasonWords(ctx: NegotiationContext, reasons: readonly PointReason[]): string {
  return reasons.map((r) => `“${pointTitle(ctx, r.point)}” → ${optionLabel(ctx, r.point, r.option)} (${STANCE[r.stance]})`).join('; ');
}

/** How a party's answer to a package reads in the journal. */
export function packageWords(ctx: NegotiationContext, answer: Answer): string {
  const name = partyName(ctx, answer.party);
  const pkg = answer.package!;
  const each = reasonWords(ctx, pkg.reasons);
  if (answer.kind === 'accepted') return `${name} accepted the package as a whole: ${each}.`;
  if (answer.kind === 'stalled') return `${name} will not discuss a package yet: trust in the mediator is too low.`;
  if (answer.kind === 'absent') return `${name} has left the talks and did not answer.`;
  if (answer.evaluation.redLines.length > 0) return `${name} refused the package as a whole: ${each}. ${answer.evaluation.redLines.map((l) => l.reason).join(' ')}`;
  const more = answer.counter && answer.counter.length > 0 ? `; on top of it, it would take ${changeWords(ctx, answer.counter)}` : '';
  return `${name} refused the package as a whole: ${each}. Taken together it does not give enough${more}.`;
}

/**
 * A party answered a package put to it on draft `version`. Accepted while that draft still
 * stands, the package enters the text (a new version) and counts as the party's answer to it;
 * otherwise the text stays and the answer stands beside the party's answer to the text. A public
 * package accepted with a concession in it moves the others as the scenario says.
 */
export function packageAnsweredStep(ctx: NegotiationContext, answer: Answer, version: number, proposed: PlanText): Step {
  const words = packageWords(ctx, answer);
  const given: [string, PartyEvent] = [answer.party, { type: 'answer.given', kind: answer.kind, day: ctx.day }];
  if (answer.kind === 'accepted' && ctx.version === version) {
    return chain(
      ctx,
      (c) => step(newVersion(c, proposed, 'envoy.propose')),
      (c) => {
        const patch = answerPatch(c, answer, c.version, proposed, words);
        return step({ ...patch, packageAnswers: { ...c.packageAnswers, [answer.party]: patch.answers![answer.party]! } }, [given]);
      },
      (c) => (answer.package?.public ? concessionStep(c, answer.party, answer.package.reasons) : noStep),
    );
  }
  const patch = answerPatch(ctx, answer, version, proposed, words);
  return step({ ...patch, answers: ctx.answers, packageAnswers: { ...ctx.packageAnswers, [answer.party]: patch.answers![answer.party]! } }, [given]);
}

function effectWords(ctx: NegotiationContext, e: { party: string; trust?: number; patience?: number; aspiration?: number }): string {
  const parts: string[] = [];
  const signed = (x: number) => (x > 0 ? `+${x}` : `${x}`);
  if (e.trust) parts.push(`trust ${signed(e.trust)}`);
  if (e.patience) parts.push(`patience ${signed(e.patience)}`);
  if (e.aspiration) parts.push(e.aspiration < 0 ? `demand eases by ${-e.aspiration}` : `demand hardens by ${e.aspiration}`);
  return `${partyName(ctx, e.party)} (${parts.join(', ') || 'no change'})`;
}

/**
 * A party gave way in public on the points whose reason is `loses`: each scenario rule for that
 * party (and point) moves the other parties once per point per game, and every seat reads why.
 */
export function concessionStep(ctx: NegotiationContext, party: string, reasons: readonly PointReason[]): Step {
  const sends: [string, PartyEvent][] = [];
  const conceded = [...ctx.conceded];
  const journal = [...ctx.journal];
  for (const r of reasons) {
    if (r.stance !== 'loses') continue;
    ctx.scenario.concessions.forEach((rule, i) => {
      const key = `${i}:${r.point}`;
      if (rule.by !== party || (rule.point !== undefined && rule.point !== r.point) || conceded.includes(key)) return;
      conceded.push(key);
      const moved = rule.effects.filter((e) => liveParty(ctx, e.party));
      for (const e of moved) sends.push([e.party, { type: 'news.arrived', trust: e.trust, patience: e.patience, aspiration: e.aspiration }]);
      if (moved.length > 0) {
        journal.push(notice(ctx, 'concession.public', `${partyName(ctx, party)} gave way in public on “${pointTitle(ctx, r.point)}”; the others take note: ${moved.map((e) => effectWords(ctx, e)).join('; ')}.`, { party }));
      }
    });
  }
  return conceded.length === ctx.conceded.length ? noStep : step({ conceded, journal }, sends);
}

/** A person in a party seat puts a package forward in public: every seat reads it; what it gives way on counts as a public concession. */
export function partyProposeStep(ctx: NegotiationContext, party: string, changes: readonly Change[]): Step {
  const pc = partyContext(ctx, party)!;
  const reasons = packageReasons(pc.party, ctx.text, changes);
  return chain(
    ctx,
    (c) => step({
      offers: { ...c.offers, [party]: { changes: [...changes], day: c.day, version: c.version } },
      partyActions: { ...c.partyActions, [party]: (c.partyActions[party] ?? 0) - 1 },
      journal: [...c.journal, notice(c, 'package.offered', `${pc.party.name} put a package forward in public: ${reasonWords(c, reasons)}.`, { party })],
    }),
    (c) => concessionStep(c, party, reasons),
  );
}
