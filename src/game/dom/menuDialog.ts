/** The in-game menu: back to the title (the game stays saved), or keep playing. */
import { createDialog, type Dialog } from './dialog.ts';
import { button, h } from './h.ts';

export function menuDialog(toTitle: () => void, help: () => void): Dialog {
  return createDialog('Menu', (close) => [
    h('p', null, 'Your game is saved after every action: “Continue” on the title screen brings it back.'),
    h('div', { class: 'actions-row' },
      button('Keep playing', close, { class: 'primary' }),
      button('Help', () => {
        close();
        help();
      }),
      button('Back to title', () => {
        close();
        toTitle();
      }),
    ),
  ]);
}
