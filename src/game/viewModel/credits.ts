/** Credits shown on the title screen: the software and data Accord is built on. */
export const CREDITS: { what: string; who: string }[] = [
  { what: 'Game engine', who: 'Phaser (MIT licence)' },
  { what: 'State machines', who: 'XState (MIT licence)' },
  { what: 'Scenario files', who: 'yaml and Zod (ISC and MIT licences)' },
  { what: 'Build', who: 'Vite and TypeScript' },
  { what: 'Map data', who: 'Natural Earth (public domain), naturalearthdata.com' },
  { what: 'Scenarios', who: 'Written for Accord from the public sources listed above; the tutorial is fictional' },
];
