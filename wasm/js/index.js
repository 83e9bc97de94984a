// The npm package's API: typed (index.d.ts), objects in and out, over the
// raw wasm-bindgen exports in deboiler.js. Load the WebAssembly first with
// `await init()` (browsers, bundlers) or `initSync(bytes)`; under Node the
// package's `node` entry (node.js) has done it already.
import initRaw, {
  initSync as initSyncRaw,
  Cleaner as RawCleaner,
  rulesJson,
  families as rawFamilies,
} from './deboiler.js';

/** Loads the WebAssembly module: from `input` (a URL, a Response, bytes or a
 * compiled module) or, by default, from deboiler_bg.wasm beside this file. */
export default async function init(input) {
  await initRaw(input === undefined ? undefined : { module_or_path: input });
}

/** Loads the WebAssembly module from its bytes or a compiled module, at once. */
export function initSync(module) {
  initSyncRaw({ module });
}

/** A compiled cleaner; build one per config and reuse it. */
export class Cleaner {
  #raw;

  constructor(config) {
    if (config !== undefined && config !== null && (typeof config !== 'object' || Array.isArray(config))) {
      throw new TypeError('deboiler: the config must be an object, e.g. { preset: "precision" }');
    }
    this.#raw = new RawCleaner(config == null ? undefined : JSON.stringify(config));
  }

  /** The full report: headline, text, summary, block map, every decision. */
  clean(text) {
    return JSON.parse(this.#live().cleanJson(text));
  }

  /** Only the plain output: headline, blank line, body. */
  cleanText(text) {
    return this.#live().cleanText(text);
  }

  /** The report as JSON text, byte for byte what `deboiler --format json` prints. */
  cleanJson(text) {
    return this.#live().cleanJson(text);
  }

  /** Frees the cleaner's WebAssembly memory now rather than at collection. */
  free() {
    this.#raw?.free();
    this.#raw = undefined;
  }

  [Symbol.dispose]() {
    this.free();
  }

  #live() {
    if (!this.#raw) throw new Error('deboiler: this Cleaner was freed');
    return this.#raw;
  }
}

let defaultCleaner;

/** Cleans `text` with the default config (one cleaner, built on first use). */
export function clean(text) {
  defaultCleaner ??= new Cleaner();
  return defaultCleaner.clean(text);
}

/** Every built-in rule: code, name, family and one-line summary. */
export function rules() {
  return JSON.parse(rulesJson());
}

/** The rule families, in display order. */
export function families() {
  return rawFamilies();
}
