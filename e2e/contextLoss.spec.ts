/**
 * WebGL context loss (WEBGL_lose_context): the player is told at once, the game goes on through
 * the controls, and when the context comes back the notice goes and the map draws again.
 */
import { expect, test } from '@playwright/test';
import { watchErrors } from './helpers/ui.ts';

test('a lost WebGL context: a message, the game kept and playable, and the map back when restored', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('/?renderer=webgl&scenario=tutorial&seed=3');
  await page.waitForFunction(() => window.__accordReady === true);
  await expect(page.locator('html')).toHaveAttribute('data-renderer', 'webgl');
  await page.getByRole('button', { name: 'Begin' }).click();
  await page.waitForFunction(() => window.__accordStage?.scene === 'Map' && window.__accordStage.frames > 3);

  // Keep the extension: after loseContext() the context answers no further getExtension calls.
  await page.evaluate(() => {
    const canvas = document.querySelector<HTMLCanvasElement>('#stage canvas')!;
    const gl = (canvas.getContext('webgl2') ?? canvas.getContext('webgl'))!;
    const ext = gl.getExtension('WEBGL_lose_context')!;
    (window as unknown as { __lose: WEBGL_lose_context }).__lose = ext;
    ext.loseContext();
  });
  const notice = page.getByTestId('context-lost');
  await expect(notice).toBeVisible();
  await expect(notice).toHaveAttribute('role', 'alert');
  await expect(notice).toContainText('Your game is safe');

  // The game goes on: a day passes through the controls.
  await page.getByRole('button', { name: 'End day' }).click();
  await expect(page.getByTestId('day')).toHaveText(/^2 of 21/);

  // The stage draws again once the context is back: count its frames from that moment (a still
  // stage rests between changes, src/game/rest.ts, so frames counted later may never come).
  await page.evaluate(() => {
    const w = window as unknown as { __lose: WEBGL_lose_context; __framesAtRestore?: number };
    document.querySelector('#stage canvas')!.addEventListener('webglcontextrestored', () => (w.__framesAtRestore = window.__accordStage!.frames), { once: true });
    w.__lose.restoreContext();
  });
  await expect(notice).toBeHidden();
  await page.waitForFunction(() => {
    const at = (window as unknown as { __framesAtRestore?: number }).__framesAtRestore;
    return at !== undefined && window.__accordStage!.frames > at + 3;
  });
  // The reload path keeps the game too.
  await page.reload();
  await expect(page.getByTestId('day')).toHaveText(/^2 of 21/, { timeout: 60_000 });
  expect(errors.filter((e) => !/CONTEXT_LOST|context lost|WebGL/i.test(e))).toEqual([]);
});

test('at phone width the notice is not hidden under the panels, and can be put away', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/?renderer=webgl&scenario=tutorial&seed=3');
  await page.waitForFunction(() => window.__accordReady === true);
  await page.getByRole('button', { name: 'Begin' }).click();
  await page.waitForFunction(() => window.__accordStage?.scene === 'Map' && window.__accordStage.frames > 3);
  await page.evaluate(() => {
    const canvas = document.querySelector<HTMLCanvasElement>('#stage canvas')!;
    const gl = (canvas.getContext('webgl2') ?? canvas.getContext('webgl'))!;
    gl.getExtension('WEBGL_lose_context')!.loseContext();
  });
  const notice = page.getByTestId('context-lost');
  await expect(notice).toBeVisible();
  // What the player sees at the notice's centre is the notice itself, not a panel over it.
  const onTop = await notice.evaluate((el) => {
    const r = el.getBoundingClientRect();
    const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    return r.bottom <= window.innerHeight && r.right <= window.innerWidth && !!hit && el.contains(hit);
  });
  expect(onTop).toBe(true);
  await notice.getByRole('button', { name: 'Hide this notice' }).click();
  await expect(notice).toBeHidden();
});
