// The paste-and-clean page in real headless Chromium, served from 127.0.0.1.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { ROOT, serveRepo, launchChromium } from './helpers.mjs';

const SEEDS = ['the-week-iran-missiles', 'rolling-stone-iran-strike'];
const norm = (s) => s.split(/\s+/).filter(Boolean).join(' ');

let server;
let context;
let page;
const requests = [];
const errors = [];

async function labels(name) {
  const text = await readFile(path.join(ROOT, 'tests/fixtures/seeds', `${name}.txt`), 'utf8');
  const lines = (await readFile(path.join(ROOT, 'tests/fixtures/seeds', `${name}.labels`), 'utf8'))
    .split('\n')
    .map((l) => l.split('\t'))
    .filter(([tag, line]) => line && norm(line));
  return {
    text,
    keep: lines.filter(([tag]) => tag === 'K').map(([, l]) => norm(l)),
    drop: lines.filter(([tag]) => tag === 'D').map(([, l]) => norm(l)),
  };
}

/** Runs `action`, then waits until the page has finished one more cleaning run. */
async function cleaned(action) {
  const runs = Number(await page.evaluate(() => document.body.dataset.runs ?? 0));
  await action();
  await page.waitForFunction(
    (n) => Number(document.body.dataset.runs ?? 0) > n && document.getElementById('status').dataset.state === 'done',
    runs,
    { timeout: 60_000 },
  );
}

async function outputLines() {
  const text = await page.locator('#output').innerText();
  return new Set(text.split('\n').map(norm).filter(Boolean));
}

before(async () => {
  server = await serveRepo();
  context = await launchChromium();
  context.on('request', (r) => requests.push(r.url()));
  page = await context.newPage();
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(`${server.url}/www/index.html`);
  await page.waitForSelector('body[data-ready="1"]', { timeout: 30_000 });
});

after(async () => {
  await context?.close();
  server?.stop();
});

for (const name of SEEDS) {
  test(`${name}: every K line is in the output, no D line is`, async () => {
    const { text, keep, drop } = await labels(name);
    await page.uncheck('#show-removed');
    await cleaned(() => page.fill('#input', text));
    const out = await outputLines();
    for (const line of keep) assert.ok(out.has(line), `lost K line: ${line}`);
    for (const line of drop) assert.ok(!out.has(line), `kept D line: ${line}`);
  });
}

test('the removed view shows a rule code and reason on every removed line', async () => {
  const { text, drop } = await labels('the-week-iran-missiles');
  await cleaned(() => page.fill('#input', text));
  await page.check('#show-removed');
  const removed = await page.$$eval('#output .line.removed', (els) =>
    els.map((e) => ({ code: e.dataset.code, title: e.title, focusable: e.tabIndex === 0 })),
  );
  assert.ok(removed.length >= new Set(drop).size, `only ${removed.length} removed lines shown`);
  for (const r of removed) {
    assert.match(r.code, /^[A-Z]{3}\d{3}$/);
    assert.ok(r.title.startsWith(r.code) && r.title.length > r.code.length + 5, r.title);
    assert.ok(r.focusable);
  }
  await page.uncheck('#show-removed');
});

test('unchecking a family brings its lines back', async () => {
  const { text } = await labels('the-week-iran-missiles');
  const promo = "Sign up for The Week's Free Newsletters";
  await cleaned(() => page.fill('#input', text));
  assert.ok(!(await outputLines()).has(promo));
  await cleaned(() => page.uncheck('#family-newsletter'));
  assert.ok((await outputLines()).has(promo), 'newsletter line did not come back');
  await cleaned(() => page.check('#family-newsletter'));
  assert.ok(!(await outputLines()).has(promo));
});

test('dropping a text file onto the page cleans it', async () => {
  const { text } = await labels('rolling-stone-iran-strike');
  await cleaned(() =>
    page.evaluate((content) => {
      const data = new DataTransfer();
      data.items.add(new File([content], 'page.txt', { type: 'text/plain' }));
      document.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
    }, text),
  );
  assert.equal(await page.inputValue('#input'), text);
  assert.ok((await outputLines()).has('The blowback has begun. The question is: Is it over?'));
});

test('a 5 MB paste completes and the page stays responsive', async () => {
  const { text } = await labels('the-week-iran-missiles');
  const big = Array.from({ length: Math.ceil((5 << 20) / text.length) }, (_, i) => `Page ${i}\n${text}`).join('\n');
  assert.ok(big.length >= 5 << 20);
  const runs = Number(await page.evaluate(() => document.body.dataset.runs ?? 0));
  await page.evaluate((content) => {
    const input = document.getElementById('input');
    input.value = content;
    input.dispatchEvent(new Event('input'));
  }, big);
  // Laying out 5 MB in the textarea is the browser's own cost of the paste;
  // let it finish (two frames), then the worker's cleaning must not block.
  const layoutMs = await page.evaluate(() => {
    const started = performance.now();
    return new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => r(performance.now() - started))));
  });
  console.log(`# textarea layout of the paste: ${Math.round(layoutMs)} ms`);
  // While the worker cleans, the page answers quickly.
  let slowest = 0;
  for (;;) {
    const started = Date.now();
    const state = await page.evaluate(() => [document.getElementById('status').dataset.state, document.body.dataset.runs]);
    slowest = Math.max(slowest, Date.now() - started);
    if (Number(state[1]) > runs && state[0] === 'done') break;
    assert.ok(Date.now() - started < 60_000);
    await new Promise((r) => setTimeout(r, 50));
  }
  assert.ok(slowest < 1000, `page blocked for ${slowest} ms`);
  assert.match(await page.locator('#status').innerText(), /Cleaned [\d,]+ lines in/);
});

test('an example page loads from the menu; screenshot', async () => {
  await cleaned(() => page.selectOption('#example', '../examples/the-week-iran-missiles.txt'));
  await page.check('#show-removed');
  await mkdir(path.join(ROOT, 'target', 'e2e'), { recursive: true });
  await page.screenshot({ path: path.join(ROOT, 'target', 'e2e', 'screenshot.png') });
  assert.ok((await page.locator('#output .line.removed').count()) > 10);
});

test('no request left 127.0.0.1 and nothing logged an error', async () => {
  const outside = requests.filter((u) => !u.startsWith('http://127.0.0.1:') && !u.startsWith('data:') && !u.startsWith('blob:'));
  assert.deepEqual(outside, []);
  assert.deepEqual(errors, []);
});
