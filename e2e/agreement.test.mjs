// The WebAssembly build (pkg/, run in Node) and the native library must give
// byte-identical reports on the committed fixtures.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { ROOT, NATIVE_BIN } from './helpers.mjs';

const { initSync, Cleaner, rules } = await import(path.join(ROOT, 'pkg', 'index.js'));
initSync(readFileSync(path.join(ROOT, 'pkg', 'deboiler_bg.wasm')));

function fixtures() {
  const seeds = path.join(ROOT, 'tests', 'fixtures', 'seeds');
  const pages = readdirSync(seeds)
    .filter((f) => f.endsWith('.txt'))
    .map((f) => ({ name: f, text: readFileSync(path.join(seeds, f), 'utf8') }));
  const regression = readFileSync(path.join(ROOT, 'tests', 'fixtures', 'regression.jsonl'), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line))
    .map((r) => ({ name: r.id, text: r.text }));
  return [...pages, ...regression];
}

for (const preset of ['balanced', 'precision']) {
  test(`wasm and native agree byte for byte (${preset})`, () => {
    assert.ok(existsSync(NATIVE_BIN), `build the native CLI first (cargo build --release): ${NATIVE_BIN}`);
    const cleaner = new Cleaner({ preset });
    let checked = 0;
    for (const { name, text } of fixtures()) {
      const native = execFileSync(NATIVE_BIN, ['--format', 'json', '--preset', preset], { input: text, maxBuffer: 1 << 28 })
        .toString('utf8')
        .replace(/\n$/, '');
      const wasm = cleaner.cleanJson(text);
      assert.equal(wasm, native, `report differs for ${name}`);
      checked += 1;
    }
    cleaner.free();
    assert.ok(checked >= 50);
  });
}

test('the wasm build lists the same rules and rejects a bad config', () => {
  const native = execFileSync(NATIVE_BIN, ['rules']).toString('utf8');
  const codes = rules().map((r) => r.code);
  for (const code of codes.filter((c) => !c.startsWith('ART'))) assert.ok(native.includes(code), code);
  assert.throws(() => new Cleaner({ disable: ['NOPE99'] }), /NOPE99/);
  assert.throws(() => new Cleaner({ rules: [{ name: 'bad', regex: '(' }] }), /bad/);
});
