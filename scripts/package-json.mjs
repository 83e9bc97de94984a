// Rewrites wasm-pack's package.json into the npm package's: the typed API
// (index.js) as the entry, the Node entry that loads the WebAssembly at
// import, and the files that make up the package.
import { readFileSync, writeFileSync } from 'node:fs';

const file = process.argv[2];
const generated = JSON.parse(readFileSync(file, 'utf8'));
const pkg = {
  name: 'deboiler',
  version: generated.version,
  description: 'Strip boilerplate (menus, newsletter prompts, teasers, cookie notices, footers) from scraped web page text, and say why for every removed line. WebAssembly, for browsers, bundlers and Node.',
  license: generated.license,
  repository: generated.repository,
  keywords: ['boilerplate', 'scraping', 'text-cleaning', 'main-content', 'wasm'],
  type: 'module',
  main: './index.js',
  types: './index.d.ts',
  exports: {
    '.': { types: './index.d.ts', node: './node.js', default: './index.js' },
    './deboiler_bg.wasm': './deboiler_bg.wasm',
    './package.json': './package.json',
  },
  files: [
    'index.js', 'index.d.ts', 'node.js', 'deboiler.js', 'deboiler.d.ts',
    'deboiler_bg.wasm', 'deboiler_bg.wasm.d.ts', 'README.md', 'LICENSE-MIT', 'LICENSE-APACHE',
  ],
  sideEffects: ['./node.js'],
  engines: { node: '>=18' },
};
writeFileSync(file, `${JSON.stringify(pkg, null, 2)}\n`);
