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
    .filter(([, line]) => line && norm(line));
  return {
    text,
    keep: lines.filter(([tag]) => tag === 'K').map(([, l]) => norm(l)),
    drop: lines.filter(([tag]) => tag === 'D').map(([, l]) => norm(l)),
  };
}

/** Runs `action`, then waits until `p` has finished one more cleaning run. */
async function cleaned(action, p = page) {
  const runs = Number(await p.evaluate(() => document.body.dataset.runs ?? 0));
  await action();
  await p.waitForFunction(
    (n) => Number(document.body.dataset.runs ?? 0) > n && document.getElementById('status').dataset.state === 'done',
    runs,
    { timeout: 60_000 },
  );
}

async function outputLines() {
  const text = await page.locator('#output').innerText();
  return new Set(text.split('\n').map(norm).filter(Boolean));
}

async function openPage(viewport) {
  const p = await context.newPage();
  if (viewport) await p.setViewportSize(viewport);
  p.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  p.on('pageerror', (e) => errors.push(String(e)));
  await p.goto(`${server.url}/www/index.html`);
  await p.waitForSelector('body[data-ready="1"][data-runs]', { timeout: 30_000 });
  return p;
}

async function chooseExample(p, file) {
  await cleaned(() => p.selectOption('#example', `../examples/${file}`), p);
}

before(async () => {
  server = await serveRepo();
  context = await launchChromium();
  context.on('request', (r) => requests.push(r.url()));
  page = await openPage();
});

after(async () => {
  await context?.close();
  server?.stop();
});

test('an empty page says what to do, and Copy and Download are off', async () => {
  assert.match(await page.locator('#output .empty').innerText(), /Paste the text of a web page/);
  assert.ok(await page.locator('#copy').isDisabled());
  assert.ok(await page.locator('#download').isDisabled());
});

for (const name of SEEDS) {
  test(`${name}: every K line is in the output, no D line is`, async () => {
    const { text, keep, drop } = await labels(name);
    await page.uncheck('#show-removed');
    await cleaned(() => page.fill('#input', text));
    const out = await outputLines();
    for (const line of keep) assert.ok(out.has(line), `lost K line: ${line}`);
    for (const line of drop) assert.ok(!out.has(line), `kept D line: ${line}`);
    assert.ok(await page.locator('#copy').isEnabled());
  });
}

test('every removed line shows its rule and reason, visible without hover and not struck through', async () => {
  const { text, drop } = await labels('the-week-iran-missiles');
  await cleaned(() => page.fill('#input', text));
  await page.check('#show-removed');
  await page.mouse.move(0, 0);
  const removed = await page.$$eval('#output .line.removed', (els) =>
    els.map((e) => {
      const why = e.querySelector('.why');
      const style = why && getComputedStyle(why);
      return {
        code: e.dataset.code,
        why: why?.textContent ?? '',
        decoration: style?.textDecorationLine ?? '',
        shown: !!why && why.getBoundingClientRect().height > 0 && style.visibility === 'visible',
        textDecoration: getComputedStyle(e.querySelector('.text')).textDecorationLine,
      };
    }),
  );
  assert.ok(removed.length >= new Set(drop).size, `only ${removed.length} removed lines shown`);
  for (const r of removed) {
    assert.match(r.code, /^[A-Z]{3}\d{3}$/);
    assert.ok(r.why.startsWith(r.code) && r.why.length > r.code.length + 5, r.why);
    assert.ok(!r.decoration.includes('line-through'), `struck reason: ${r.why}`);
    assert.ok(r.shown, `hidden reason: ${r.why}`);
    assert.ok(r.textDecoration.includes('line-through'), 'the removed text itself is struck');
  }
  // A hyphenated rule name reads whole.
  assert.ok(removed.some((r) => /[a-z]-[a-z]/.test(r.why)));
});

test('Enter or a click on any line, kept or removed, shows its rule, reason and score', async () => {
  for (const kind of ['kept', 'removed']) {
    const line = page.locator(`#output .line.${kind}`).first();
    await line.focus();
    await page.keyboard.press('Enter');
    const detail = await line.locator('.detail').innerText();
    assert.match(detail, /^Line \d+\. (Kept|Removed)/);
    assert.match(detail, /[A-Z]{3}\d{3} [a-z-]+ \([a-z-]+\): .+Prose score -?\d+\.\d\d/);
    assert.equal(await line.getAttribute('aria-expanded'), 'true');
    await line.locator('.text').click();
    assert.equal(await line.locator('.detail').count(), 0);
  }
  await page.uncheck('#show-removed');
});

test('the block map says which lines are the article', async () => {
  assert.match(await page.locator('#blocks').innerText(), /^Article: lines \d+–\d+.*; headline: line \d+/);
});

test('turning each family off brings its lines back, or the page says which rule still removes them', async () => {
  const { text } = await labels('the-week-iran-missiles');
  await cleaned(() => page.fill('#input', text));
  const families = await page.$$eval('#families input', (els) => els.map((e) => e.dataset.family));
  await page.check('#show-removed');
  const before = await page.$$eval('#output .line.removed', (els) => els.map((e) => [e.dataset.line, e.dataset.family]));
  let tried = 0;
  for (const family of families) {
    const lines = before.filter(([, f]) => f === family).map(([l]) => l);
    if (!lines.length) continue;
    tried += 1;
    await page.locator('#families-box summary').click();
    await cleaned(() => page.uncheck(`#family-${family}`));
    const stillRemoved = await page.$$eval('#output .line.removed', (els, wanted) =>
      els.filter((e) => wanted.includes(e.dataset.line)).length, lines);
    if (stillRemoved > 0) {
      const held = await page.locator('#held').innerText();
      assert.match(held, new RegExp(`${family} is off, but ${stillRemoved} of its lines are still removed by [A-Z]{3}\\d{3}`));
      // One click keeps them too.
      await cleaned(() => page.locator('#held button').first().click());
      const after = await page.$$eval('#output .line.removed', (els, wanted) =>
        els.filter((e) => wanted.includes(e.dataset.line)).length, lines);
      assert.equal(after, 0, `${family}: "keep them too" left ${after} lines removed`);
      for (const box of await page.$$('#families input:not(:checked)')) await box.check();
      await cleaned(() => page.selectOption('#preset', 'balanced'));
    } else {
      await cleaned(() => page.check(`#family-${family}`));
    }
    await page.locator('#families-box summary').click();
  }
  assert.ok(tried >= 2, `only ${tried} families had lines`);
  await page.uncheck('#show-removed');
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

test('dropping a PNG or a .gz, or pasting binary bytes, shows a not-text notice', async () => {
  const before = await page.inputValue('#input');
  for (const [name, bytes, what] of [
    ['photo.png', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13], /PNG image, not text/],
    ['page.txt.gz', [0x1f, 0x8b, 8, 0, 0, 0, 0, 0], /gzip-compressed file, not text/],
    ['latin1.txt', [0x63, 0x61, 0x66, 0xe9, 0x20, 0x6e, 0x6f, 0x69, 0x72], /not UTF-8 text/],
  ]) {
    await page.evaluate(([file, content]) => {
      const data = new DataTransfer();
      data.items.add(new File([new Uint8Array(content)], file));
      document.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
    }, [name, bytes]);
    await page.waitForSelector('#notice:not([hidden])');
    assert.match(await page.locator('#notice').innerText(), what);
    assert.equal(await page.inputValue('#input'), before, `${name} replaced the input`);
  }
  const random = Array.from({ length: 4000 }, (_, i) => String.fromCharCode((i * 7919) % 256)).join('');
  await page.fill('#input', random);
  await page.waitForFunction(() => /binary data/.test(document.getElementById('notice').textContent));
  assert.equal(await page.locator('#status').getAttribute('data-state'), 'error');
  // The user may insist.
  await cleaned(() => page.locator('#notice button').click());
  assert.ok(await page.locator('#notice').isHidden());
});

test('an example does not replace typed text without asking, and the menu follows the input', async () => {
  await page.fill('#input', 'My own notes, typed by hand.');
  page.once('dialog', (d) => d.dismiss());
  await page.selectOption('#example', '../examples/the-week-iran-missiles.txt');
  await page.waitForFunction(() => document.getElementById('example').value === '');
  assert.equal(await page.inputValue('#input'), 'My own notes, typed by hand.');
  page.once('dialog', (d) => d.accept());
  await chooseExample(page, 'the-week-iran-missiles.txt');
  assert.match(await page.inputValue('#input'), /Iran/);
  await page.locator('#input').press('End');
  await page.keyboard.type(' edited');
  assert.equal(await page.inputValue('#example'), '');
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
  assert.match(await page.locator('#status').innerText(), /Cleaned \d{1,3}(,\d{3})+ lines in/);
  assert.match(await page.locator('#counts').innerText(), /\d,\d{3}/);
});

test('desktop: the counts sit beside the result and the pane headings line up; screenshot', async () => {
  const p = await openPage({ width: 1280, height: 900 });
  await chooseExample(p, 'the-week-iran-missiles.txt');
  await p.check('#show-removed');
  const box = (sel) => p.locator(sel).boundingBox();
  const [inputHead, outputHead, counts] = [await box('#input-pane h2'), await box('#output-pane h2'), await box('#counts')];
  assert.ok(Math.abs(inputHead.y - outputHead.y) <= 2, `headings ${inputHead.y} vs ${outputHead.y}`);
  assert.ok(counts.y + 40 < 900, `counts start at ${counts.y}`);
  assert.ok(counts.x > outputHead.x, 'counts are beside the result');
  await mkdir(path.join(ROOT, 'target', 'e2e'), { recursive: true });
  await p.screenshot({ path: path.join(ROOT, 'target', 'e2e', 'screenshot.png') });
  await p.close();
});

test('phone: after choosing an example, the article is on the first screen; screenshot', async () => {
  const p = await openPage({ width: 390, height: 844 });
  await chooseExample(p, 'the-week-iran-missiles.txt');
  const first = await p.locator('#output').boundingBox();
  assert.ok(first.y + 40 < 844, `the article starts at ${first.y}`);
  assert.match(await p.locator('#output').innerText(), /^Iran missiles target US troops/);
  await p.locator('.tabs button[data-tab="removed"]').click();
  assert.ok((await p.locator('#output .line.removed .why').count()) > 10);
  await p.screenshot({ path: path.join(ROOT, 'target', 'e2e', 'screenshot-phone.png') });
  await p.close();
});

for (const scheme of ['light', 'dark']) {
  test(`axe-core finds no serious or critical violation (${scheme})`, async () => {
    const p = await openPage({ width: 1280, height: 900 });
    await p.emulateMedia({ colorScheme: scheme });
    await chooseExample(p, 'the-week-iran-missiles.txt');
    await p.check('#show-removed');
    await p.locator('#families-box summary').click();
    await p.addScriptTag({ path: path.join(ROOT, 'e2e', 'node_modules', 'axe-core', 'axe.min.js') });
    const violations = await p.evaluate(async () => {
      const result = await window.axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'best-practice'] });
      return result.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${v.id} (${v.impact}): ${v.nodes.length} nodes, e.g. ${v.nodes[0].target.join(' ')}`);
    });
    assert.deepEqual(violations, []);
    await p.close();
  });
}

test('opened from file://, the page says it needs a server instead of loading forever', async () => {
  const p = await context.newPage();
  await p.goto(`file://${path.join(ROOT, 'www', 'index.html')}`);
  await p.waitForFunction(() => document.getElementById('status').dataset.state === 'error', null, { timeout: 10_000 });
  assert.match(await p.locator('#status').innerText(), /www\/serve\.sh/);
  await p.close();
});

test('no request left 127.0.0.1 and nothing logged an error', async () => {
  const outside = requests.filter((u) => !/^(http:\/\/127\.0\.0\.1:|data:|blob:|file:)/.test(u));
  assert.deepEqual(outside, []);
  assert.deepEqual(errors, []);
});
