/**
 * Storage full during play, in a real Chromium: the origin's quota is cut with the DevTools
 * protocol (Storage.overrideQuotaForOrigin) and filled by another database, so IndexedDB itself
 * refuses the autosave. The player is told at once and offered the game as a file; a reload
 * resumes from the last good save and says what was lost; the downloaded game continues.
 */
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { openTitle, startTutorial, watchErrors } from './helpers/ui.ts';

test('storage full during play: told at once, the last good save kept across a reload, the game downloadable', async ({ page, baseURL }) => {
  test.setTimeout(180_000);
  const errors = watchErrors(page);
  await openTitle(page);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Storage.overrideQuotaForOrigin', { origin: new URL(baseURL!).origin, quotaSize: 2 * 1024 * 1024 });
  await startTutorial(page);
  await page.getByRole('button', { name: 'End day' }).click();
  await expect(page.getByTestId('day')).toHaveText(/^2 of/);
  // Let the autosave of day 2 land before the disk fills.
  await page.waitForFunction(() => new Promise<boolean>((resolve) => {
    const open = indexedDB.open('accord');
    open.onsuccess = () => {
      const get = open.result.transaction('saves').objectStore('saves').get('accord.slot.shipped/tutorial/draft');
      get.onsuccess = () => resolve(typeof get.result === 'string' && /"day\.end"/.test(get.result));
      get.onerror = () => resolve(false);
    };
    open.onerror = () => resolve(false);
  }));

  // Another database takes every byte that is left.
  const filled = await page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('filler', 1);
      open.onupgradeneeded = () => open.result.createObjectStore('blobs');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const put = (key: number, size: number) => new Promise<boolean>((resolve) => {
      const tx = db.transaction('blobs', 'readwrite');
      tx.objectStore('blobs').put(new Blob([new Uint8Array(size)]), key);
      tx.oncomplete = () => resolve(true);
      tx.onabort = () => resolve(false);
      tx.onerror = () => resolve(false);
    });
    let bytes = 0;
    let key = 0;
    for (let size = 512 * 1024; size >= 64; ) {
      if (await put(key++, size)) bytes += size;
      else size = Math.floor(size / 2);
    }
    return bytes;
  });
  expect(filled).toBeGreaterThan(0);

  await page.getByRole('button', { name: 'End day' }).click();
  await expect(page.getByTestId('day')).toHaveText(/^3 of/);
  const alert = page.getByTestId('save-alert').getByRole('alert');
  await expect(alert).toContainText('Your game could not be saved');
  await expect(alert).toContainText('The last good save (day 2) is kept');
  const downloading = page.waitForEvent('download');
  await alert.getByRole('button', { name: 'Download the game' }).click();
  const file = await (await downloading).path();

  await page.reload();
  await expect(page.getByTestId('day')).toHaveText(/^2 of/, { timeout: 60_000 });
  await expect(page.getByTestId('save-alert').getByRole('alert')).toContainText('Your last actions were not saved');

  // The downloaded game continues where it was, on day 3.
  await page.getByRole('button', { name: 'Menu' }).click();
  await page.getByRole('button', { name: /title/i }).click();
  await page.getByLabel('Result file').setInputFiles({ name: 'game.json', mimeType: 'application/json', buffer: readFileSync(file) });
  await expect(page.getByTestId('day')).toHaveText(/^3 of/);
  expect(errors).toEqual([]);
});
