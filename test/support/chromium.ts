/**
 * A real browser for the tests that claim one: Debian's `chromium`, driven by playwright-core (whose
 * own browser downloads cannot reach the internet here). When the binary is missing it is installed
 * (`apt-get install -y chromium`, as CI and sessions run as root), or the test stops with the one-line
 * instruction. The browser starts with every host but loopback unresolvable, as with no internet, and
 * each page records every request it makes.
 */
import { execFileSync } from 'node:child_process';
import { chromium, type Browser, type Page } from 'playwright-core';

const CANDIDATES = ['chromium', 'chromium-browser'];

function executable(): string | undefined {
  for (const name of CANDIDATES) {
    try {
      return execFileSync('which', [name], { encoding: 'utf8' }).trim() || undefined;
    } catch {
      // the next name
    }
  }
  return undefined;
}

function ensureInstalled(): string {
  const found = executable();
  if (found) return found;
  try {
    execFileSync('apt-get', ['install', '-y', 'chromium'], { stdio: 'ignore', timeout: 600_000 });
  } catch {
    // reported below
  }
  const installed = executable();
  if (!installed) throw new Error('chromium is missing: run `apt-get install -y chromium` (Debian) and try again');
  return installed;
}

/** Chromium with no internet: every name but loopback's fails to resolve. */
export async function launchOffline(): Promise<Browser> {
  return chromium.launch({
    executablePath: ensureInstalled(),
    headless: true,
    args: ['--no-sandbox', '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost'],
  });
}

/** A page, and the URL of every request it makes (the ones that fail included). */
export async function recordingPage(browser: Browser): Promise<{ page: Page; requested: string[] }> {
  const page = await browser.newPage();
  const requested: string[] = [];
  page.on('request', (request) => requested.push(request.url()));
  return { page, requested };
}
