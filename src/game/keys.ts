/** Scene keys, in the order the game runs them: Boot → Preloader → Title. */
export const SCENES = {
  boot: 'Boot',
  preloader: 'Preloader',
  title: 'Title',
} as const;

export type SceneKey = (typeof SCENES)[keyof typeof SCENES];
