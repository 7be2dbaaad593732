import Phaser from 'phaser';
import type { AppController, AppState } from '../app/controller.ts';
import type { LeaderReply } from '../../engine/summit.ts';
import { SCENES } from '../keys.ts';
import { COLOURS, FONTS, STAGE_COLOURS, TABLE, playLayout } from '../layout.ts';
import { partyColours } from '../map/regionMap.ts';
import { FIGURE_HEIGHT, FIGURE_WIDTH, drawChair, drawFigure } from './figure.ts';
import { announce, follow, restartOnResize } from './follow.ts';
import { looksIn } from './look.ts';

const STAMP: Record<LeaderReply | 'waiting', { word: string; colour: string }> = {
  accept: { word: 'Will sign', colour: STAGE_COLOURS.accepted },
  demand: { word: 'Last demand', colour: STAGE_COLOURS.stalled },
  reject: { word: 'Will not sign', colour: STAGE_COLOURS.rejected },
  walkout: { word: 'Walked out', colour: STAGE_COLOURS.absent },
  waiting: { word: 'Answering…', colour: STAGE_COLOURS.absent },
};

/**
 * The leaders' summit on the stage: every leader at one long table, each behind a nameplate in its
 * party's colour, with the round and each leader's answer to the proposal on the table. A leader
 * who walked out leaves an empty chair. Redrawn when the answers change; nothing moves on its own.
 */
export class SummitScene extends Phaser.Scene {
  private key = '';

  constructor(private readonly controller: AppController) {
    super(SCENES.summit);
  }

  create(): void {
    announce(this, SCENES.summit);
    restartOnResize(this);
    this.key = '';
    const draw = (state: AppState): void => {
      const talks = state.view?.talks;
      if (!talks) return;
      const key = JSON.stringify([talks.round, talks.answers, talks.waiting, talks.walkedOut]);
      if (key === this.key) return;
      this.key = key;
      this.children.removeAll(true);
      this.drawSummit(state);
    };
    follow(this, this.controller, draw);
    draw(this.controller.snapshot());
  }

  private drawSummit(state: AppState): void {
    const { view, choice } = state;
    const talks = view?.talks;
    if (!view || !talks || !choice) return;
    const stage = playLayout(this.scale.width, this.scale.height).stage;
    this.cameras.main.setViewport(stage.x, stage.y, stage.width, stage.height).setBackgroundColor(STAGE_COLOURS.wall);
    const { width: w, height: h } = stage;
    const colours = partyColours(choice.scenario);
    const tableY = Math.round(h * TABLE.tableTop);

    const room = this.add.graphics();
    room.fillStyle(STAGE_COLOURS.wallLow, 1);
    room.fillRect(0, h * 0.45, w, h * 0.55);
    room.lineStyle(1, STAGE_COLOURS.panelLine, 0.8);
    for (let x = 60; x < w; x += 120) room.lineBetween(x, 0, x, tableY);

    const title = this.add.text(w / 2, 14, `The leaders’ summit · ${talks.proposed ? `round ${talks.round} of ${talks.rounds}` : `${talks.rounds} rounds at most`}`, {
      fontFamily: FONTS.serif, fontSize: `${Math.max(16, Math.min(26, w / 32))}px`, color: '#f4efe3', align: 'center',
    }).setOrigin(0.5, 0);
    title.setWordWrapWidth(w - 24);

    const leaders = talks.leaders;
    const n = Math.max(1, leaders.length);
    const slot = w / n;
    const scale = Math.min((h * 0.36) / FIGURE_HEIGHT, (slot * 0.8) / FIGURE_WIDTH, TABLE.maxFigureScale);
    leaders.forEach((id, i) => {
      const x = slot * (i + 0.5);
      const party = view.parties.find((p) => p.id === id);
      const colour = colours.get(id)?.value ?? STAGE_COLOURS.marker;
      drawChair(this.add.graphics({ x, y: tableY }).setScale(scale));
      const answer = talks.answers.find((a) => a.party === id);
      const gone = talks.walkedOut.includes(id);
      // The party's first leader, as the table draws them (a delegation sends its head to the summit).
      const look = looksIn(choice.scenario, id, colour)[0];
      if (!gone && party) drawFigure(this.add.graphics({ x, y: tableY }).setScale(scale), { trust: party.trust, patience: party.patience }, colour, look);
      const reply: LeaderReply | 'waiting' | null = answer ? answer.reply : talks.waiting.includes(id) ? 'waiting' : null;
      if (reply) {
        const stamp = STAMP[reply];
        const label = this.add.text(x, tableY - FIGURE_HEIGHT * scale - 8, stamp.word, {
          fontFamily: FONTS.sans, fontSize: `${Math.max(12, Math.min(18, slot / 9))}px`, color: '#ffffff', backgroundColor: stamp.colour, padding: { x: 6, y: 3 },
        }).setOrigin(0.5, 1);
        label.setName(`stamp:${id}`);
      }
    });
    // The table, then the nameplates on it.
    const table = this.add.graphics();
    table.fillStyle(STAGE_COLOURS.table, 1);
    table.fillRect(0, tableY, w, h - tableY);
    table.fillStyle(STAGE_COLOURS.tableEdge, 1);
    table.fillRect(0, tableY, w, 4);
    leaders.forEach((id, i) => {
      const x = slot * (i + 0.5);
      const party = view.parties.find((p) => p.id === id);
      const colour = colours.get(id)?.value ?? STAGE_COLOURS.marker;
      const width = Math.min(slot - 12, 200);
      const top = tableY + 10;
      const g = this.add.graphics();
      const name = this.add.text(x, top + 10, party?.name ?? id, { fontFamily: FONTS.serif, fontSize: '16px', color: COLOURS.ink, align: 'center' }).setOrigin(0.5, 0);
      for (let size = 14; name.width > width - 10 && size >= 10; size -= 2) name.setFontSize(size);
      // The leader's name wraps (a delegation may name several leaders); country notes in brackets go first when it is long.
      const leader = this.add.text(x, top + 29, party?.leader ?? '', {
        fontFamily: FONTS.sans, fontSize: '12px', color: COLOURS.numeral, align: 'center', wordWrap: { width: width - 10, useAdvancedWrap: true },
      }).setOrigin(0.5, 0);
      if (leader.getWrappedText().length > 2) leader.setText((party?.leader ?? '').replace(/\s*\([^)]*\)/g, ''));
      if (leader.getWrappedText().length > 3) leader.setFontSize(11);
      const height = Math.max(46, 29 + leader.height + 6);
      g.fillStyle(COLOURS.paper, 1);
      g.fillRoundedRect(x - width / 2, top, width, height, 4);
      g.fillStyle(colour, 1);
      g.fillRect(x - width / 2, top, width, 6);
    });
  }
}
