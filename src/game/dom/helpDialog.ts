/** Help: how to play in a few lines, the keyboard shortcuts, and every term in plain words. */
import { createDialog, type Dialog } from './dialog.ts';
import { h } from './h.ts';
import { GLOSSARY } from '../viewModel/glossary.ts';

export const SHORTCUTS: [string, string][] = [
  ['?', 'Open this help'],
  ['O, ,', 'Open the settings (sound, captions, motion, text size)'],
  ['E', 'End the day'],
  ['S', 'Call a summit'],
  ['1 – 4', 'Show Actions, Plan, Answers or Log'],
  ['M', 'Show the map'],
  ['Esc', 'Close a dialog'],
  ['Tab, Shift+Tab', 'Move between controls'],
  ['← →', 'Move between section tabs, or between choices in a group'],
  ['Enter, Space', 'Press the focused button'],
];

export function helpDialog(): Dialog {
  return createDialog('Help', () => [
    h('p', null, 'Move your envoys to where the parties are met, meet them to learn what matters to them, redraft the plan, and table the text. Each answer says why a party refuses and what it would take. Call the summit when at most the allowed number of points is still open.'),
    h('h3', null, 'Keyboard shortcuts'),
    h('p', { class: 'hint' }, 'Letter and number keys work when the focus is not in a list or a text field.'),
    h('table', { class: 'keys' },
      h('thead', null, h('tr', null, h('th', { attrs: { scope: 'col' } }, 'Key'), h('th', { attrs: { scope: 'col' } }, 'What it does'))),
      h('tbody', null, ...SHORTCUTS.map(([k, what]) => h('tr', null, h('td', null, ...k.split(', ').flatMap((part, i) => [i > 0 ? ' ' : null, h('kbd', null, part)])), h('td', null, what)))),
    ),
    h('h3', null, 'Words used in the game'),
    h('dl', { class: 'glossary' }, ...Object.values(GLOSSARY).flatMap((t) => [h('dt', null, t.term), h('dd', null, t.plain)])),
  ]);
}
