/** The in-game menu: keep playing, help, settings, or back to the title (the game stays saved). */
import { createDialog, type Dialog } from './dialog.ts';
import { button, h } from './h.ts';

export function menuDialog(toTitle: () => void, help: () => void, settings: () => void): Dialog {
  return createDialog('Menu', (close) => [
    h('p', null, 'Your game is saved in this browser after every action (if storage ever refuses, a message says so at once): “Resume” in the title screen’s saved games brings it back.'),
    h('div', { class: 'actions-row' },
      button('Keep playing', close, { class: 'primary' }),
      button('Help', () => {
        close();
        help();
      }),
      button('Settings', () => {
        close();
        settings();
      }),
      button('Back to title', () => {
        close();
        toTitle();
      }),
    ),
  ]);
}
