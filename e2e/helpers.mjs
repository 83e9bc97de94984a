// Shared by the browser and Node tests: the repository root, a static server
// on 127.0.0.1, and headless Chromium from the system (no browser download).
import { spawn } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Serves the repository on 127.0.0.1 (random port); resolves to {url, stop}. */
export function serveRepo() {
  return new Promise((resolve, reject) => {
    const server = spawn('python3', ['-u', '-m', 'http.server', '0', '--bind', '127.0.0.1', '--directory', ROOT], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let banner = '';
    const onData = (chunk) => {
      banner += chunk;
      const m = banner.match(/port (\d+)/);
      if (m) {
        server.stdout.off('data', onData);
        resolve({ url: `http://127.0.0.1:${m[1]}`, stop: () => server.kill() });
      }
    };
    server.stdout.on('data', onData);
    server.on('error', reject);
    server.on('exit', (code) => reject(new Error(`http.server exited with ${code}: ${banner}`)));
  });
}

/** Headless Debian Chromium with a fresh profile and no background traffic. */
export async function launchChromium() {
  const { chromium } = await import('playwright-core');
  const executablePath = process.env.CHROMIUM ?? '/usr/bin/chromium';
  return chromium.launchPersistentContext(await mkdtemp(path.join(tmpdir(), 'deboiler-e2e-')), {
    executablePath,
    headless: true,
    viewport: { width: 1280, height: 900 },
    args: [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
    ],
  });
}

/** The native CLI built by `cargo build --release`. */
export const NATIVE_BIN = process.env.DEBOILER_BIN ?? path.join(ROOT, 'target', 'release', 'deboiler');
