// The npm package as a user gets it: `npm pack pkg/`, installed into a fresh
// project under target/e2e/npm-app; the README's Node, browser and bundler
// snippets run as written; its types checked by tsc against real reports.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT, serveRepo, launchChromium } from './helpers.mjs';

const APP = path.join(ROOT, 'target', 'e2e', 'npm-app');
const BIN = path.join(ROOT, 'e2e', 'node_modules', '.bin');
const SEED = readFileSync(path.join(ROOT, 'tests', 'fixtures', 'seeds', 'the-week-iran-missiles.txt'), 'utf8');
const HEADLINE = 'Iran missiles target US troops: what we know so far';
const env = { ...process.env, PATH: `${BIN}${path.delimiter}${process.env.PATH}` };

/** The README's code block after `<!-- snippet: name -->`. */
function snippet(name) {
  const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const m = readme.match(new RegExp(`<!-- snippet: ${name} -->\\s*\`\`\`\\w*\\n([\\s\\S]*?)\`\`\``));
  assert.ok(m, `README has no "${name}" snippet`);
  return m[1];
}

const run = (cmd, args, options = {}) =>
  execFileSync(cmd, args, { cwd: APP, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], ...options });

let server;
let context;

before(async () => {
  rmSync(APP, { recursive: true, force: true });
  mkdirSync(APP, { recursive: true });
  const tarball = run('npm', ['pack', path.join(ROOT, 'pkg'), '--pack-destination', APP, '--silent']).trim().split('\n').pop();
  writeFileSync(path.join(APP, 'package.json'), JSON.stringify({ name: 'npm-app', private: true, type: 'module' }));
  run('npm', ['install', '--offline', '--no-audit', '--no-fund', `./${tarball}`]);
  writeFileSync(path.join(APP, 'page.txt'), SEED);
  server = await serveRepo();
  context = await launchChromium();
});

after(async () => {
  await context?.close();
  server?.stop();
});

test('the package holds what its package.json promises', () => {
  const pkg = JSON.parse(readFileSync(path.join(APP, 'node_modules', 'deboiler', 'package.json'), 'utf8'));
  for (const field of ['name', 'version', 'description', 'license', 'repository', 'files', 'exports', 'types']) {
    assert.ok(pkg[field], `package.json lacks ${field}`);
  }
  const installed = new Set(readdirSync(path.join(APP, 'node_modules', 'deboiler')));
  for (const file of pkg.files) assert.ok(installed.has(file), `the tarball lacks ${file}`);
});

test('README, Node: the snippet runs as written in an ESM project', () => {
  writeFileSync(path.join(APP, 'app.mjs'), snippet('node'));
  const out = run('node', ['app.mjs']);
  assert.ok(out.startsWith(`${HEADLINE}\n\n`), out.slice(0, 200));
  assert.match(out, /^- NWS001 subscribe-prompt: /m);
  // Browser code that awaits init() runs unchanged under Node.
  writeFileSync(path.join(APP, 'init.mjs'), "import init, { clean } from 'deboiler';\nawait init();\nconsole.log(clean(process.argv[2]).title);\n");
  assert.equal(run('node', ['init.mjs', `${HEADLINE}\n\n${'The council said the bridge would reopen on Monday after months of repairs. '.repeat(3)}`]).trim(), HEADLINE);
});

async function articleIn(url) {
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await page.goto(url);
  await page.waitForFunction(() => document.getElementById('article')?.textContent, null, { timeout: 30_000 });
  const text = await page.locator('#article').textContent();
  await page.close();
  assert.deepEqual(errors, []);
  return text;
}

test('README, browser: the module script cleans a page', async () => {
  writeFileSync(path.join(APP, 'index.html'), `<!doctype html><meta charset="utf-8"><title>t</title><link rel="icon" href="data:,">\n${snippet('browser')}`);
  const text = await articleIn(`${server.url}/target/e2e/npm-app/index.html`);
  assert.ok(text.startsWith(`${HEADLINE}\n\n`), text.slice(0, 200));
  assert.ok(!text.includes("Sign up for The Week's Free Newsletters"));
});

test('README, bundler: an esbuild bundle of the snippet loads in Chromium and cleans a page', async () => {
  const code = snippet('bundler');
  writeFileSync(path.join(APP, 'main.js'), code);
  // The command is the snippet's first line.
  const command = code.split('\n')[0].match(/^\/\/ main\.js: (esbuild .*)$/)[1].split(/\s+/);
  run(command[0], command.slice(1));
  cpSync(path.join(APP, 'page.txt'), path.join(APP, 'dist', 'page.txt'));
  writeFileSync(path.join(APP, 'dist', 'index.html'), '<!doctype html><meta charset="utf-8"><title>t</title><link rel="icon" href="data:,"><pre id="article"></pre><script type="module" src="main.js"></script>');
  assert.ok(readdirSync(path.join(APP, 'dist')).some((f) => f.endsWith('.wasm')), 'esbuild did not emit the .wasm');
  const text = await articleIn(`${server.url}/target/e2e/npm-app/dist/index.html`);
  assert.ok(text.startsWith(`${HEADLINE}\n\n`), text.slice(0, 200));
});

test('tsc --strict: the typed example compiles, and misuse is caught (no `any`)', () => {
  cpSync(path.join(ROOT, 'e2e', 'typed-example.ts'), path.join(APP, 'typed-example.ts'));
  writeFileSync(path.join(APP, 'tsconfig.json'), JSON.stringify({
    compilerOptions: {
      strict: true, noEmit: true, target: 'es2022', module: 'esnext', moduleResolution: 'bundler',
      lib: ['es2022', 'dom', 'esnext.disposable'], types: [], skipLibCheck: false,
    },
    files: ['typed-example.ts'],
  }));
  run('tsc', ['-p', 'tsconfig.json']);
  // The same example with the package typed `any` must fail: the
  // @ts-expect-error lines then have no error to expect.
  const types = path.join(APP, 'node_modules', 'deboiler', 'index.d.ts');
  const real = readFileSync(types, 'utf8');
  try {
    writeFileSync(types, 'declare const anything: any;\nexport default anything;\nexport const Cleaner: any, clean: any, rules: any, families: any, initSync: any;\nexport type Cleaned = any; export type Decision = any; export type Config = any; export type RuleInfo = any;\n');
    let out = '';
    assert.throws(() => {
      try {
        run('tsc', ['-p', 'tsconfig.json']);
      } catch (err) {
        out = err.stdout;
        throw err;
      }
    });
    assert.match(out, /Unused '@ts-expect-error' directive/);
  } finally {
    writeFileSync(types, real);
  }
});

/** Property names of each `export interface` in a .d.ts. */
function interfaces(dts) {
  const out = {};
  for (const [, name, body] of dts.matchAll(/export interface (\w+) \{([\s\S]*?)\n\}/g)) {
    out[name] = new Set([...body.matchAll(/^\s{2}(\w+)\??:/gm)].map((m) => m[1]));
  }
  return out;
}

test('index.d.ts declares exactly the fields of real reports, rules and configs', async () => {
  const dts = readFileSync(path.join(ROOT, 'pkg', 'index.d.ts'), 'utf8');
  const types = interfaces(dts);
  const { initSync, Cleaner, rules, families } = await import(path.join(ROOT, 'pkg', 'index.js'));
  initSync(readFileSync(path.join(ROOT, 'pkg', 'deboiler_bg.wasm')));
  const report = new Cleaner().clean(SEED);
  const keys = (o) => new Set(Object.keys(o));
  assert.deepEqual(keys(report), types.Cleaned);
  assert.deepEqual(keys(report.summary), types.Summary);
  assert.deepEqual(keys(report.article), types.BlockMap);
  assert.deepEqual(keys(report.decisions[0]), types.Decision);
  assert.deepEqual(keys(rules()[0]), types.RuleInfo);
  // Every declared config field is one the library accepts (unknown fields are errors).
  const config = Object.fromEntries([...types.Config].map((k) => [k, k === 'preset' ? 'balanced' : k === 'keep_markup' ? false : []]));
  assert.doesNotThrow(() => new Cleaner(config).free());
  const rule = Object.fromEntries([...types.UserRule].map((k) => [k, k === 'phrases' ? ['buy now'] : k === 'max_words' ? 5 : k === 'family' ? 'user' : k === 'code' ? 'USR123' : k === 'regex' ? '^ad$' : 'shop']));
  assert.doesNotThrow(() => new Cleaner({ rules: [rule] }).free());
  const declared = new Set([...dts.match(/export type Family =([^;]*);/)[1].matchAll(/'([a-z-]+)'/g)].map((m) => m[1]));
  assert.deepEqual(new Set(families()), declared);
});
