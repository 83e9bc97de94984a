// Throughput of the WebAssembly build in Node, to set beside `deboiler bench`:
//   node e2e/bench.mjs ../shared/corpus/dev.jsonl
// (default: the committed regression sample).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from './helpers.mjs';

const { initSync, Cleaner } = await import(path.join(ROOT, 'pkg', 'index.js'));
initSync(readFileSync(path.join(ROOT, 'pkg', 'deboiler_bg.wasm')));

const file = process.argv[2] ?? path.join(ROOT, 'tests', 'fixtures', 'regression.jsonl');
const pages = readFileSync(file, 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((line) => JSON.parse(line).text);
const bytes = pages.reduce((n, p) => n + Buffer.byteLength(p), 0);
const cleaner = new Cleaner({});
const mb = bytes / 1e6;
console.log(`${pages.length} pages, ${mb.toFixed(1)} MB of text, best of 3 passes`);
for (const [what, run] of [
  ['text only (cleanText)', (p) => cleaner.cleanText(p)],
  ['full JSON report (cleanJson)', (p) => cleaner.cleanJson(p)],
]) {
  let best = Infinity;
  for (let pass = 0; pass < 3; pass += 1) {
    const started = performance.now();
    for (const page of pages) run(page);
    best = Math.min(best, (performance.now() - started) / 1000);
  }
  console.log(`wasm in Node ${process.version}, 1 thread, ${what}: ${(mb / best).toFixed(1)} MB/s  ${(pages.length / best).toFixed(0)} pages/s`);
}
