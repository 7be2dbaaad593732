/**
 * When the browser takes the WebGL context away (a GPU reset, too many pages with WebGL, a driver
 * update), the canvas goes blank. The game itself lives in the controller and is untouched, so the
 * player is told so at once, over the stage; when the browser gives the context back, Phaser
 * rebuilds its textures and the notice goes. Canvas-renderer pages never lose a context.
 */
export function watchContextLoss(canvas: HTMLCanvasElement, parent: HTMLElement): () => void {
  const notice = document.createElement('div');
  notice.className = 'stage-notice';
  notice.setAttribute('role', 'alert');
  notice.dataset.testid = 'context-lost';
  notice.hidden = true;
  const title = document.createElement('p');
  title.className = 'banner-title';
  title.textContent = 'The map’s graphics were lost';
  const text = document.createElement('p');
  text.textContent = 'The browser reset its graphics. Your game is safe and every control still works; the map comes back when the browser restores graphics, or reload the page (the game resumes where it was).';
  const hide = document.createElement('button');
  hide.type = 'button';
  hide.textContent = 'Hide this notice';
  hide.addEventListener('click', () => {
    notice.hidden = true;
  });
  notice.append(title, text, hide);
  // Pinned to the viewport (style.css): over the map on a wide screen, at the bottom on a phone,
  // where the panels cover the map, so the player sees it whichever tab is open.
  parent.append(notice);
  const lost = (e: Event) => {
    // Ask the browser to restore the context (Phaser rebuilds what it drew when it does).
    e.preventDefault();
    notice.hidden = false;
  };
  const restored = () => {
    notice.hidden = true;
  };
  canvas.addEventListener('webglcontextlost', lost);
  canvas.addEventListener('webglcontextrestored', restored);
  return () => {
    canvas.removeEventListener('webglcontextlost', lost);
    canvas.removeEventListener('webglcontextrestored', restored);
    notice.remove();
  };
}
