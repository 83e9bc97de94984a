// The package under Node: the WebAssembly is read from beside this file and
// loaded at import, so `import { Cleaner } from 'deboiler'` is all it takes
// (Node's fetch cannot read file: URLs, which `init()` would need).
import { readFileSync } from 'node:fs';
import { initSync } from './index.js';

initSync(readFileSync(new URL('./deboiler_bg.wasm', import.meta.url)));

export * from './index.js';

/** Already done at import under Node; kept so browser code runs unchanged. */
export default async function init() {}
