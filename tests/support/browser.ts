import fs from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

const SYSTEM_CHROMES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

/**
 * The Chromium to drive: CHROME_PATH, then a system Chromium/Chrome, then the one the npm package
 * @sparticuz/chromium ships (no browser is ever downloaded at install time).
 */
export async function findChromium(): Promise<string> {
  const configured = process.env.CHROME_PATH;
  if (configured) {
    if (!fs.existsSync(configured)) throw new Error(`CHROME_PATH points to a missing file: ${configured}`);
    return configured;
  }
  const system = SYSTEM_CHROMES.find((candidate) => fs.existsSync(candidate));
  if (system) return system;
  const sparticuz = (await import('@sparticuz/chromium')).default;
  return sparticuz.executablePath();
}

/** Launches headless Chromium with flags that keep it off the (closed) network. */
export async function launchBrowser(): Promise<Browser> {
  const args = [
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-dev-shm-usage',
  ];
  if (process.getuid?.() === 0) args.push('--no-sandbox');
  return chromium.launch({ executablePath: await findChromium(), headless: true, args });
}
