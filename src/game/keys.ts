/**
 * Scene keys, in the order the game runs them: Preloader → Director, which keeps one of
 * Title, Briefing, Map, Table or Ending up to match the app controller.
 */
export const SCENES = {
  preloader: 'Preloader',
  director: 'Director',
  title: 'Title',
  briefing: 'Briefing',
  map: 'Map',
  table: 'Table',
  summit: 'Summit',
  ending: 'Ending',
} as const;

export type SceneKey = (typeof SCENES)[keyof typeof SCENES];

/** Keys of the files the Preloader loads into Phaser's caches. */
export const ASSETS = {
  /** world-atlas countries at 1:110m, for wide regions and the title backdrop. */
  countriesCoarse: 'countries-110m',
  /** world-atlas countries at 1:50m, for close-up regions. */
  countriesFine: 'countries-50m',
} as const;

export type AssetKey = (typeof ASSETS)[keyof typeof ASSETS];
