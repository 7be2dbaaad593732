/**
 * The scenario format, described once. TypeScript types are inferred from it and
 * `scenarios/scenario.schema.json` is generated from it (`npm run schema`).
 * Every field carries a description with an example, for authors and editor completion.
 */
import { z } from '../zod.ts';

/** Format version this build writes and reads best. */
export const FORMAT_VERSION = 1;
/** Oldest format version this build still reads. */
export const MIN_FORMAT_VERSION = 1;

export { OMIT } from './omit.ts';

export { isObjectName } from './objectNames.ts';
import { isObjectName } from './objectNames.ts';

const id = z
  .string()
  .regex(/^[a-z0-9][a-z0-9_-]{0,47}$/, 'must be a short id: lower-case letters, digits, "-" or "_", starting with a letter or digit')
  .refine((s) => !isObjectName(s), { message: 'is a name every JavaScript object already has; choose another id', abort: true })
  .meta({ description: 'A short identifier, unique in its list.', examples: ['nato', 'ukraine'] });

const text = (max: number) => z.string().max(max, `must be at most ${max} characters`);
const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD')
  // Date.parse rolls 2031-02-30 over to March; a real date survives the round trip.
  .refine((s) => {
    const ms = Date.parse(`${s}T00:00:00Z`);
    return !Number.isNaN(ms) && new Date(ms).toISOString().slice(0, 10) === s;
  }, 'is not a real calendar date')
  .meta({ description: 'A calendar date.', examples: ['2025-11-23'] });
const score = z.number().finite().min(0).max(100).meta({ description: 'A value on the 0–100 scale.', examples: [60] });
const level = z.number().finite().min(0).max(100);
const delta = z.number().finite().min(-100).max(100);

export const sourceSchema = z
  .strictObject({
    title: text(300).meta({ description: 'What the source is: its headline or a short description.', examples: ['Rubio calls Geneva talks the best meeting yet'] }),
    outlet: text(200).optional().meta({ description: 'Who published it, and through whom if it is a copy.', examples: ['SBS News (Australian public broadcaster)'] }),
    url: text(500).optional().meta({
      description: 'Where it can be read: a full http(s) address is shown as a link that opens in a new tab; anything else is shown as text.',
      examples: ['https://www.gov.uk/government/news/pm-call-with-president-trump-of-the-united-states-23-november-2025'],
    }),
    date: isoDate.optional(),
  })
  .meta({ description: 'A public source the scenario is built from.' });

export const softDeadlineSchema = z.strictObject({
  date: isoDate,
  label: text(200).meta({ description: 'What the deadline is.', examples: ['Thanksgiving'] }),
  patience: delta.default(-10).meta({ description: 'Patience change for every party when it passes without a deal.' }),
});

export const calendarSchema = z
  .strictObject({
    start: isoDate.meta({ description: 'Day one of play, unless a start says otherwise.', examples: ['2025-11-21'] }),
    deadline: isoDate.meta({ description: 'Hard deadline: no deal by the end of this day ends the game.', examples: ['2025-12-19'] }),
    softDeadlines: z.array(softDeadlineSchema).max(20).default([]),
    actionsPerDay: z.number().int().min(1).max(10).default(3).meta({ description: 'Actions each envoy can take in a day.' }),
  })
  .meta({ description: 'Dates of play.' });

export const venueSchema = z.strictObject({
  id,
  name: text(80).meta({ examples: ['Geneva'] }),
  lat: z.number().finite().min(-90).max(90).meta({ description: 'Latitude in degrees, for the map.' }),
  lon: z.number().finite().min(-180).max(180).meta({ description: 'Longitude in degrees, for the map.' }),
});

export const routeSchema = z
  .strictObject({
    from: id,
    to: id,
    days: z.number().int().min(0).max(30).meta({ description: 'Days of travel (either way); 0 means same-day.', examples: [1] }),
  })
  .meta({ description: 'A travel link between two venues, usable both ways.' });

export const envoySchema = z.strictObject({
  id,
  name: text(80).meta({ examples: ['Steve Witkoff'] }),
  title: text(120).optional().meta({ examples: ['Special Envoy'] }),
  start: id.optional().meta({ description: "Venue where the envoy begins; defaults to the party's home." }),
});

export const redLineSchema = z
  .strictObject({
    id,
    when: z
      .array(z.strictObject({ point: id, option: id }))
      .min(1)
      .max(6)
      .meta({ description: 'The text crosses this red line when every listed point has the listed option ("omit" = dropped).' }),
    reason: text(400).meta({ description: 'What the party says when the line is crossed.', examples: ['No recognition of occupied territory.'] }),
    public: z.boolean().default(false).meta({ description: 'Known to the player from the start (a publicly stated position).' }),
  })
  .meta({ description: 'An option, or a combination across points, the party never signs.' });

export const concessionSchema = z
  .union([
    z.enum(['boulware', 'linear', 'conceder']),
    z.strictObject({ beta: z.number().finite().min(0.05).max(20) }),
  ], { error: 'must be "boulware", "linear", "conceder" or { beta: <number from 0.05 to 20> }' })
  .meta({
    description:
      'How aspiration falls from opening to reservation over the calendar: boulware (late), linear, conceder (early), or an exponent beta (below 1 = late, above 1 = early).',
    examples: ['boulware', { beta: 0.4 }],
  });

const hexColour = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'must be a colour written #rrggbb');

/**
 * How one leader is drawn at the table: a neutral likeness from a few plain features, never a
 * photo or a caricature. Every field is optional; what is left out is chosen from the party's id,
 * the same every time.
 */
export const figureSchema = z
  .strictObject({
    face: z.enum(['oval', 'round', 'long', 'square']).optional().meta({ description: 'Shape of the face.' }),
    skin: hexColour.optional().meta({ description: 'Skin colour.', examples: ['#e0b393'] }),
    hair: z
      .enum(['short', 'side-part', 'swept', 'receding', 'bald', 'crew', 'curly', 'bob', 'long', 'bun'])
      .optional()
      .meta({ description: 'Hair style.' }),
    hairColour: hexColour.optional().meta({ description: 'Hair colour (and beard).', examples: ['#3a2e28'] }),
    beard: z.enum(['none', 'stubble', 'short']).optional().meta({ description: 'Beard.' }),
    glasses: z.boolean().optional().meta({ description: 'Wears glasses.' }),
    build: z.enum(['slim', 'medium', 'broad']).optional().meta({ description: 'Build: how wide the shoulders are.' }),
    age: z.enum(['younger', 'middle', 'older']).optional().meta({ description: 'Age: older faces have lines (and greyer hair unless hairColour is set).' }),
    attire: z
      .enum(['suit', 'open-collar', 'sweater'])
      .optional()
      .meta({ description: 'suit: jacket and tie; open-collar: jacket, no tie; sweater: a plain crew-neck top.' }),
    attireColour: hexColour.optional().meta({ description: 'Colour of the jacket or sweater.', examples: ['#2b3442'] }),
    tie: hexColour.optional().meta({ description: "Tie colour (default: the party's colour)." }),
  })
  .meta({ description: 'How a leader is drawn at the table. Leave out any field to have it chosen from the party id.' });

export const partySchema = z.strictObject({
  id,
  name: text(80).meta({ examples: ['Ukraine'] }),
  leader: text(80).meta({ examples: ['Volodymyr Zelenskyy'] }),
  role: z.enum(['mediator', 'signatory', 'consulted']).meta({
    description: 'mediator: the player\'s side; signatory: signs the text; consulted: advises, and has a say on the points it holds.',
  }),
  home: id.meta({ description: 'Venue where the party is met.', examples: ['kyiv'] }),
  colour: hexColour.optional().meta({ description: 'Display colour.', examples: ['#2b6cb0'] }),
  figures: z.array(figureSchema).min(1).max(3).optional().meta({
    description: "How the party's leaders are drawn at the table: one entry per person seated (up to 3, the first in the middle). None: one figure chosen from the party id.",
  }),
  envoys: z.array(envoySchema).max(6).default([]),
  briefing: text(6000).default('').meta({ description: "The party's position in plain language, shown in briefings." }),
  weights: z.record(id, z.number().finite().min(0).max(100)).meta({
    description: 'How much each point matters to the party (points left out weigh 0).',
    examples: [{ nato: 30, army: 10 }],
  }),
  values: z.record(id, z.record(id, score)).meta({
    description: 'Value (0–100) of each option of each weighted point; "omit" is the value of dropping the point.',
    examples: [{ nato: { ban: 0, moratorium: 40, silent: 70, omit: 70 } }],
  }),
  redLines: z.array(redLineSchema).max(50).default([]),
  reservation: score.meta({ description: 'Walk-away value: the party never signs a text worth less (0–100).', examples: [45] }),
  opening: score.meta({ description: 'Aspiration on day one (0–100); falls toward the reservation.', examples: [80] }),
  concession: concessionSchema.default('linear'),
  trust: level.default(50).meta({ description: 'Starting trust in the mediator (0–100).' }),
  patience: level.default(60).meta({ description: 'Starting patience (0–100); at 0 the party walks out.' }),
  sensitivity: z
    .strictObject({
      pressure: z.number().finite().min(0).max(2).default(1),
      incentives: z.number().finite().min(0).max(2).default(1),
    })
    .default({ pressure: 1, incentives: 1 })
    .meta({ description: 'How strongly pressure and incentives move the party (1 = normal).' }),
  leaderPoints: z.array(id).max(30).default([]).meta({ description: 'Points the party settles only at leader level (at a summit).' }),
  holds: z.array(id).max(30).default([]).meta({
    description: 'For a consulted party: points that touch what it holds; its red lines on them block ratification.',
  }),
});

export const optionSchema = z.strictObject({
  id,
  label: text(80).meta({ examples: ['10-year moratorium'] }),
  text: text(1000).default('').meta({ description: 'The drafting, as it would read in the plan.' }),
});

export const pointSchema = z.strictObject({
  id,
  number: z.number().int().min(1).max(999).optional().meta({ description: 'Number in the original plan.', examples: [7] }),
  title: text(120).meta({ examples: ['NATO membership'] }),
  summary: text(1000).default(''),
  options: z.array(optionSchema).min(1).max(8),
  omittable: z.boolean().default(true).meta({ description: 'May the point be dropped from the text?' }),
  leadersOnly: z.boolean().default(false).meta({ description: 'Only leaders can settle it: it stays open until a summit.' }),
  note: text(1000).optional().meta({ description: 'Author\'s note, e.g. where reporting is thin.' }),
});

export const startSchema = z.strictObject({
  id,
  title: text(120).meta({ examples: ['The 19-point Geneva revision'] }),
  date: isoDate.optional().meta({ description: 'Day one of play for this start (defaults to the calendar start).' }),
  summary: text(2000).default('').meta({ description: 'A paragraph on this start, shown where the player chooses it and atop its briefing.' }),
  briefing: text(8000).optional().meta({ description: "The situation at this start, shown before play instead of the scenario's briefing (which is shown when the start has none)." }),
  text: z.record(id, id).meta({
    description: 'The opening text: every point with its option id, or "omit" when the point is not in this text.',
    examples: [{ nato: 'ban', army: 'cap-600k', amnesty: 'omit' }],
  }),
  capital: z.number().finite().min(0).max(1000).optional().meta({ description: "Mediator's political capital at this start (defaults to the mediator's)." }),
  envoys: z.record(id, id).optional().meta({
    description: "Where envoys are on this start's first day (envoy id → venue id); others begin where the envoy list says.",
    examples: [{ driscoll: 'geneva' }],
  }),
  locked: z.array(id).max(60).optional().meta({
    description: 'Points already settled at this start: they stay as the opening text has them (in it, or dropped) and cannot be redrafted, dropped or deferred. Makes a shorter game.',
    examples: [['sovereignty', 'npt', 'humanitarian']],
  }),
});

export const costsSchema = z
  .strictObject({
    meet: z.number().finite().min(0).max(100).default(0),
    table: z.number().finite().min(0).max(100).default(2),
    press: z.number().finite().min(0).max(100).default(12),
    consult: z.number().finite().min(0).max(100).default(2),
    summit: z.number().finite().min(0).max(100).default(10),
    failedSummit: z.number().finite().min(0).max(100).default(20),
  })
  .meta({ description: 'Political capital each action costs.' });

export const mediatorSchema = z.strictObject({
  capital: z.number().finite().min(0).max(1000).default(100).meta({ description: 'Political capital at the start.' }),
  costs: costsSchema.default({ meet: 0, table: 2, press: 12, consult: 2, summit: 10, failedSummit: 20 }),
});

export const incentiveSchema = z.strictObject({
  id,
  label: text(120).meta({ examples: ['Reconstruction fund'] }),
  description: text(1000).default(''),
  cost: z.number().finite().min(0).max(200).meta({ description: 'Political capital it costs.' }),
  to: id.meta({ description: 'The party it is offered to.' }),
  value: z.number().finite().min(0).max(30).meta({ description: "How much it raises the party's willingness (0–30)." }),
  objections: z
    .array(z.strictObject({ party: id, trust: delta }))
    .default([])
    .meta({ description: 'Parties that object, and their trust change.' }),
});

export const effectSchema = z.strictObject({
  party: id,
  trust: delta.optional(),
  patience: delta.optional(),
  aspiration: z.number().finite().min(-30).max(30).optional().meta({ description: 'Shift of the aspiration (negative = more willing).' }),
  reveal: z.array(id).max(30).optional().meta({ description: "Points whose value to this party the news reveals." }),
});

export const publicConcessionSchema = z
  .strictObject({
    by: id.meta({ description: 'The party that concedes in public.', examples: ['ukraine'] }),
    point: id.optional().meta({ description: 'Only a concession on this point (default: a concession on any point).', examples: ['territory'] }),
    effects: z
      .array(effectSchema.omit({ reveal: true }))
      .min(1)
      .max(20)
      .meta({ description: 'How the other parties move: trust, patience, and aspiration (their demand; negative = more willing).' }),
  })
  .meta({
    description:
      'A public concession: when this party accepts, in public, a package that moves a point to an option it values less (or puts such a package forward itself), the other parties move as the effects say. Each rule moves them once per point per game.',
  });

export const eventConditionSchema = z
  .strictObject({
    starts: z.array(id).min(1).optional().meta({ description: 'Only in games begun from one of these starts.', examples: [['geneva-19']] }),
    envoyAt: z
      .strictObject({
        envoy: id.optional().meta({ description: 'This envoy (default: any envoy of the mediator).', examples: ['driscoll'] }),
        venue: id,
      })
      .optional()
      .meta({ description: 'Only when the envoy is at the venue (not travelling) as the day begins.' }),
    omitted: z.array(id).optional().meta({ description: 'Only when every one of these points is out of the text.', examples: [['army-cap']] }),
    kept: z.array(id).optional().meta({ description: 'Only when every one of these points is still in the text.' }),
    maxPoints: z.number().int().min(0).max(60).optional().meta({ description: 'Only when the text has at most this many points.', examples: [19] }),
  })
  .meta({ description: 'When news may happen: every condition given must hold. News that reports a move must not fire unless the game made it.' });

export const eventSchema = z
  .strictObject({
    id,
    headline: text(200).meta({ examples: ['Overnight strikes on Kyiv'] }),
    text: text(2000).default(''),
    on: isoDate.optional().meta({ description: 'Scheduled: happens at the start of this day.' }),
    chance: z.number().finite().min(0).max(1).optional().meta({ description: 'Random: probability on each day in its window.' }),
    from: isoDate.optional(),
    until: isoDate.optional(),
    repeat: z.boolean().default(false).meta({ description: 'A random event may happen more than once.' }),
    capital: delta.optional().meta({ description: "Change to the mediator's political capital." }),
    effects: z.array(effectSchema).max(20).default([]),
    when: eventConditionSchema.optional(),
  })
  .meta({ description: 'News that shifts trust, patience and positions. Give `on` (scheduled) or `chance` (random).' });

export const ratificationSchema = z
  .strictObject({
    signatories: z.array(id).min(1).meta({ description: 'Parties whose signature counts.' }),
    vetoes: z.array(id).optional().meta({ description: 'Parties that must sign (default: all signatories).' }),
    atLeast: z.number().int().min(1).optional().meta({ description: 'How many signatories must sign (default: all).' }),
  })
  .meta({ description: 'Who must sign: all signatories, or at least k of them including every veto holder.' });

export const summitSchema = z
  .strictObject({
    maxOpenPoints: z.number().int().min(0).max(10).default(2).meta({ description: 'Leaders meet only when at most this many points are open.' }),
    venue: id.optional().meta({ description: 'Where summits are held (default: the mediator\'s home).' }),
    leaderFlex: z.number().finite().min(0).max(1).default(0.5).meta({
      description: 'How far leaders move from their envoys\' aspiration toward their reservation at a summit (0–1).',
    }),
    rounds: z.number().int().min(1).max(10).optional().meta({
      description: 'Rounds of proposals the leaders give the mediator at a summit before they leave (default 4).',
    }),
  })
  .meta({ description: 'When the leaders meet, and how much they can settle.' });

export const lessonStepSchema = z.strictObject({
  minutes: z.number().int().min(1).max(45).meta({ description: 'How long the step takes, in minutes.', examples: [10] }),
  activity: text(400).meta({ description: 'What the class does in this step.', examples: ['Students read the briefing and their role sheets.'] }),
});

export const lessonTermSchema = z.strictObject({
  term: text(60).meta({ examples: ['Moratorium'] }),
  meaning: text(400).meta({ description: 'The term in plain words.', examples: ['An agreed pause: something is not done for a stated time.'] }),
});

export const lessonSchema = z
  .strictObject({
    teaches: text(1500).default('').meta({
      description: 'What the scenario teaches, in a short paragraph for the teacher guide.',
      examples: ['How a mediator finds a text every party prefers to no deal, and why the least satisfied party decides how long a deal lasts.'],
    }),
    plan: z.array(lessonStepSchema).max(12).optional().meta({
      description: 'A 45-minute lesson plan, step by step (the minutes should add up to 45). Without it the teacher guide shows a general plan.',
    }),
    questions: z.array(text(300)).max(12).default([]).meta({
      description: 'Discussion questions for after play, shown first in the teacher guide (questions drawn from the points and red lines follow).',
      examples: [['Which point did the parties care most about, and how did your text handle it?']],
    }),
    glossary: z.array(lessonTermSchema).max(20).default([]).meta({ description: "Terms of this scenario in plain words, added to the teacher guide's glossary." }),
  })
  .meta({ description: 'For teachers: what the scenario teaches, a lesson plan, discussion questions and a glossary, printed in the teacher guide.' });

export const scenarioSchema = z
  .strictObject({
    format: z.number().int().meta({ description: 'Scenario format version.', examples: [FORMAT_VERSION] }),
    id,
    title: text(120).meta({ examples: ['Geneva, November 2025'] }),
    version: z.string().regex(/^\d+\.\d+\.\d+$/, 'must be a version like 1.0.0').meta({ examples: ['1.0.0'] }),
    disclaimer: text(400).meta({ examples: ['A simplified teaching model built from public reporting, not a forecast.'] }),
    summary: text(1000).default(''),
    briefing: text(8000).default('').meta({ description: "The situation and the player's role, shown before play." }),
    sources: z.array(sourceSchema).max(200).default([]),
    calendar: calendarSchema,
    venues: z.array(venueSchema).min(1).max(40),
    travel: z.array(routeSchema).max(400).default([]),
    parties: z.array(partySchema).min(2).max(12),
    points: z.array(pointSchema).min(1).max(60),
    starts: z.array(startSchema).min(1).max(10),
    mediator: mediatorSchema.default({ capital: 100, costs: { meet: 0, table: 2, press: 12, consult: 2, summit: 10, failedSummit: 20 } }),
    incentives: z.array(incentiveSchema).max(40).default([]),
    events: z.array(eventSchema).max(200).default([]),
    concessions: z.array(publicConcessionSchema).max(100).default([]),
    ratification: ratificationSchema,
    summit: summitSchema.default({ maxOpenPoints: 2, leaderFlex: 0.5 }),
    lesson: lessonSchema.optional(),
  })
  .meta({ title: 'Accord scenario', description: 'A negotiation scenario for Accord.' });

export type Scenario = z.output<typeof scenarioSchema>;
export type ScenarioInput = z.input<typeof scenarioSchema>;
export type Party = Scenario['parties'][number];
export type FigureLook = z.output<typeof figureSchema>;
export type Point = Scenario['points'][number];
export type Start = Scenario['starts'][number];
export type RedLine = Party['redLines'][number];
export type ScenarioEvent = Scenario['events'][number];
export type Incentive = Scenario['incentives'][number];
export type Concession = Party['concession'];
export type Lesson = NonNullable<Scenario['lesson']>;
export type ConcessionRule = Scenario['concessions'][number];
