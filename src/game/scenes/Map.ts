import Phaser from 'phaser';
import type { AppController, AppState } from '../app/controller.ts';
import type { Notice } from '../../engine/negotiationMachine.ts';
import { travelDays } from '../../engine/commands.ts';
import { SCENES } from '../keys.ts';
import { STAGE_COLOURS, TICKER, mapFit, playLayout } from '../layout.ts';
import type { Atlas } from '../map/atlas.ts';
import { DateCard, EnvoyLegend, NewsTicker, tickerItems } from '../map/overlays.ts';
import { DEPTH, RegionMap, partyColours } from '../map/regionMap.ts';
import { EnvoyTokens } from '../map/tokens.ts';
import { stageHook } from '../ready.ts';
import { rendererName } from '../renderer.ts';
import { announce, follow, reducedMotion, restartOnResize } from './follow.ts';
import { StillGroup } from './still.ts';

/**
 * The map of the region during play, inside the stage (left of the DOM side panel, below the
 * top bar): venues, envoy tokens that travel along their routes, the date and the deadline,
 * and the news ticker. Sleeps while a table is up, so journeys resume where they were.
 */
export class MapScene extends Phaser.Scene {
  constructor(
    private readonly controller: AppController,
    private readonly atlas: Atlas,
  ) {
    super(SCENES.map);
  }

  create(): void {
    announce(this, SCENES.map);
    restartOnResize(this);
    const { choice, view } = this.controller.snapshot();
    if (!choice || !view) return;
    const scenario = choice.scenario;
    const stage = playLayout(this.scale.width, this.scale.height).stage;
    this.cameras.main.setViewport(stage.x, stage.y, stage.width, stage.height).setBackgroundColor(STAGE_COLOURS.seaBottom);

    const mediator = scenario.parties.find((p) => p.role === 'mediator') ?? scenario.parties[0]!;
    const colour = partyColours(scenario).get(mediator.id)!.value;

    // The cards first, so the venue labels can keep off them; drawn on top through their layer.
    const hud = this.add.container(0, 0).setDepth(DEPTH.hud);
    const date = new DateCard(this, new StillGroup(this, hud));
    date.show(view.date, view.day, view.daysLeft);
    const legend = new EnvoyLegend(this, new StillGroup(this, hud), scenario, colour, stage.width, date.rect.x + date.rect.width);
    legend.show(view);
    const ticker = new NewsTicker(this, hud, stage.width, stage.height, () => !reducedMotion());
    ticker.show(tickerItems(view));

    // Room above every venue for at least one token (envoys move), and for those there now.
    const here = new Map<string, number>();
    for (const e of view.envoys) if (e.to === null) here.set(e.at, (here.get(e.at) ?? 0) + 1);
    const rows = new Map(scenario.venues.map((v) => [v.id, Math.max(1, here.get(v.id) ?? 0)]));
    const region = new RegionMap(this, this.atlas, scenario, {
      width: stage.width,
      height: stage.height,
      ...mapFit(stage.width, TICKER.height / 2),
      labelBounds: { x: 4, y: 4, width: stage.width - 8, height: stage.height - TICKER.height - 8 },
      obstacles: [date.rect, legend.rect, ticker.rect],
      tokenRows: rows,
    });
    const tokens = new EnvoyTokens(this, region, colour, (from, to) => travelDays(scenario, from, to));
    tokens.sync(view.envoys, view.day, false);

    const hook = stageHook(rendererName(this.game.renderer.type));
    const publish = (): void => {
      hook.envoys = () => tokens.marks({ x: stage.x, y: stage.y });
      hook.ticker = () => ticker.line;
      hook.venues = () => [...region.venues].map(([id, p]) => ({ id, x: Math.round(stage.x + p.x), y: Math.round(stage.y + p.y) }));
    };
    publish();
    // The scene's emitter outlives each run of create(): drop this run's handler at shutdown, or
    // every game leaves one behind holding its whole map (tokens, cards, textures).
    const onWake = (): void => {
      announce(this, SCENES.map);
      publish();
    };
    this.events.on(Phaser.Scenes.Events.WAKE, onWake);
    this.events.once(Phaser.Scenes.Events.SHUTDOWN, () => this.events.off(Phaser.Scenes.Events.WAKE, onWake));

    const onState = (s: AppState): void => {
      if (!s.view || s.screen !== 'play') return;
      tokens.sync(s.view.envoys, s.view.day, !reducedMotion());
      date.show(s.view.date, s.view.day, s.view.daysLeft);
      legend.show(s.view);
      ticker.show(tickerItems(s.view));
    };
    const onNotice = (n: Notice): void => {
      if (n.kind === 'envoy.arrived' && n.envoy) tokens.arrived(n.envoy);
      if (n.kind === 'news.reported') ticker.flash();
    };
    follow(this, this.controller, onState, onNotice);
  }
}
