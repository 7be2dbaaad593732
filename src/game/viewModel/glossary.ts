/**
 * Plain words for every score and term the screens show: one place, used by tooltips, the
 * help, the debrief, the class results and the printed teacher guide.
 */
export type Term =
  | 'capital' | 'trust' | 'patience' | 'walkAway' | 'margin' | 'durability' | 'balance' | 'score'
  | 'concedesLate' | 'concedesEarly' | 'concedesSteadily' | 'redLine' | 'summit' | 'deferred' | 'locked' | 'value' | 'needs';

export interface GlossaryEntry {
  term: string;
  plain: string;
}

export const GLOSSARY: Record<Term, GlossaryEntry> = {
  capital: { term: 'Political capital', plain: 'The mediator’s standing to spend: tabling a text, pressing a party, offering an incentive and calling a summit each cost some. When it runs out, those moves are no longer possible.' },
  trust: { term: 'Trust', plain: 'How far a party believes the mediator (0–100). More trust: meetings reveal more, and answers are friendlier. Pressure costs trust.' },
  patience: { term: 'Patience', plain: 'How long a party will keep talking (0–100). Missed deadlines and pressure wear it down; at 0 the party walks out.' },
  walkAway: { term: 'Walk-away', plain: 'The least a party will accept: what it can get without a deal. It never signs a text worth less to it.' },
  margin: { term: 'Margin', plain: 'How much better a text is for a party than its walk-away, on a 0–100 scale. A negative margin means the party would rather have no deal.' },
  durability: { term: 'Durability', plain: 'The smallest margin among the signatories. A deal that one party barely accepts is fragile: durability shows how close the least satisfied party is to walking away.' },
  balance: { term: 'Balance', plain: 'The parties’ typical margin, weighted toward the least satisfied (the geometric mean of the margins). It is high only when every party gains, and 0 if any party gains nothing.' },
  score: { term: 'Score (class results)', plain: 'For a deal, its balance; without a deal, 0. Results are ranked by it: deals first, then by score and durability.' },
  concedesLate: { term: 'Concedes late', plain: 'A party that holds its opening demand for most of the talks and gives ground only near the deadline.' },
  concedesEarly: { term: 'Concedes early', plain: 'A party that gives ground soon after the talks open, then moves slowly.' },
  concedesSteadily: { term: 'Concedes steadily', plain: 'A party that gives the same ground each day, from its opening demand to its walk-away at the deadline.' },
  redLine: { term: 'Red line', plain: 'An option, or a combination of options, a party will never sign, whatever else the text gives it.' },
  summit: { term: 'Summit', plain: 'The leaders’ meeting. They meet only when few points are open, and can settle the points left to them; a summit called too early fails and costs capital and trust.' },
  deferred: { term: 'Deferred point', plain: 'A point left to the leaders: it stays open until a summit settles it.' },
  value: { term: 'Value of a text', plain: 'What a text is worth to a party, from 0 to 100: each point counts by its weight, and each option by what it gives the party. The debrief charts it per party and day.' },
  needs: { term: 'What a party needs now', plain: 'The value a party asks of a text today. It starts at its opening demand and falls toward its walk-away as the deadline nears, faster or slower by its style (concedes early, steadily or late).' },
  locked: { term: 'Settled point', plain: 'A point agreed before the talks in a shorter start: it stays as written and cannot be redrafted, dropped or deferred.' },
};

/** The plain explanation of a term, for a tooltip (`title`) or a glossary line. */
export function plain(term: Term): string {
  return GLOSSARY[term].plain;
}

/** How a concession curve reads in plain words (never "Boulware"). */
export function concessionWords(c: 'boulware' | 'linear' | 'conceder' | { beta: number }): string {
  if (typeof c === 'object') return c.beta < 0.8 ? 'concedes late' : c.beta > 1.25 ? 'concedes early' : 'concedes steadily';
  return c === 'boulware' ? 'concedes late' : c === 'conceder' ? 'concedes early' : 'concedes steadily';
}

/**
 * Every word the screens use for a score or a term, with the glossary entry that explains it.
 * A unit test scans the screens' strings: a term used there and missing here fails it, and so
 * does jargon no player should meet (Nash product, Boulware, maximin, utility, reservation).
 */
export const UI_TERMS: Readonly<Record<string, Term>> = {
  'political capital': 'capital',
  capital: 'capital',
  trust: 'trust',
  patience: 'patience',
  'walk-away': 'walkAway',
  'walks away': 'walkAway',
  margin: 'margin',
  durability: 'durability',
  balance: 'balance',
  'typical margin': 'balance',
  score: 'score',
  'concedes late': 'concedesLate',
  'concedes early': 'concedesEarly',
  'concedes steadily': 'concedesSteadily',
  'red line': 'redLine',
  summit: 'summit',
  deferred: 'deferred',
  settled: 'locked',
  'value of the text': 'value',
  'needs now': 'needs',
};

/** Words that must not reach a player's screen: each has a plain name in UI_TERMS. */
export const JARGON: readonly string[] = ['nash', 'boulware', 'conceder', 'maximin', 'utility', 'reservation', 'aspiration'];
