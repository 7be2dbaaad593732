/** Credits shown on the title screen: the software and data Accord is built on. */
export const CREDITS: { what: string; who: string }[] = [
  { what: 'Game engine', who: 'Phaser (MIT licence)' },
  { what: 'State machines', who: 'XState (MIT licence)' },
  { what: 'Scenario files', who: 'yaml and Zod (ISC and MIT licences)' },
  { what: 'Build', who: 'Vite and TypeScript (MIT and Apache-2.0 licences)' },
  { what: 'Map data', who: 'Natural Earth 1:110m and 1:50m countries (public domain), as TopoJSON from the world-atlas package (ISC licence)' },
  { what: 'Charts', who: 'Chart.js (MIT licence)' },
  { what: 'Sound', who: 'howler.js (MIT licence)' },
  { what: 'Scenarios', who: 'Written for Accord from the public sources listed above; the tutorial is fictional' },
];
