const KEY = 'werkplaats.reloadedForChunks';
/** A second failure within this time is not reloaded again (the chunk is really gone). */
const AGAIN_AFTER_MS = 60_000;

/**
 * After a new version was deployed, a page loaded before it may ask for a lazily loaded chunk the
 * server no longer has (kept 7 days, see README). Vite then fires `vite:preloadError`; reloading
 * gets the new page and its chunks. Once a minute at most, so a missing chunk cannot loop.
 */
export function reloadOnStaleChunks(): void {
  window.addEventListener('vite:preloadError', (event) => {
    const last = Number(sessionStorage.getItem(KEY) ?? 0);
    if (Date.now() - last < AGAIN_AFTER_MS) return;
    sessionStorage.setItem(KEY, String(Date.now()));
    event.preventDefault();
    window.location.reload();
  });
}
