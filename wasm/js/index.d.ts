// Types of the npm package's API (index.js). They describe the JSON report of
// `deboiler --format json`; e2e/package.test.mjs checks them against real
// reports, so a field added on the Rust side fails there until it is typed.

/** Overall eagerness: `precision` removes more, `recall` keeps more. */
export type Preset = 'precision' | 'balanced' | 'recall';

/** A rule family; `content` marks kept lines, `user` the config's own rules. */
export type Family =
  | 'newsletter' | 'svg-residue' | 'teaser' | 'navigation' | 'tags' | 'share'
  | 'cookie' | 'footer' | 'widget' | 'comments' | 'ads' | 'repetition'
  | 'caption' | 'markup' | 'structure' | 'user' | 'content';

/** A rule of the config's own: phrases, a regex, or both. */
export interface UserRule {
  /** Name shown in reports, e.g. `site-promo`. */
  name: string;
  /** Code shown in reports; default `USR` and the rule's position. */
  code?: string;
  /** Family to switch it off with; default `user`. */
  family?: Family;
  /** Phrases (matched case-insensitively) that mark a line as noise. */
  phrases?: string[];
  /** A Rust `regex` pattern that marks a line as noise. */
  regex?: string;
  /** Only lines of at most this many words are removed. */
  max_words?: number;
}

/** How a cleaner behaves; every field is optional. Unknown fields are an error. */
export interface Config {
  preset?: Preset;
  /** Rule codes (`NWS001`) or families (`share`) to switch off. */
  disable?: string[];
  /** Rule codes or families to switch back on after `disable`. */
  enable?: string[];
  rules?: UserRule[];
  /** Opt-in vocabulary packs by name, e.g. `site-vocabulary`. */
  packs?: string[];
  /** Keep converter markup (markdown links, images, URLs) in the output. */
  keep_markup?: boolean;
}

/** The verdict on one input line. */
export interface Decision {
  /** 1-based line number. */
  line: number;
  /** The line's UTF-8 byte range in the input (not UTF-16 string indices). */
  span: { start: number; end: number };
  kept: boolean;
  blank: boolean;
  /** Whether this line is the headline. */
  title: boolean;
  /** Rule code, e.g. `NWS001` (`ART001` for article text). */
  code: string;
  /** Rule name, e.g. `subscribe-prompt`. */
  name: string;
  family: Family;
  /** Why, in words, e.g. `newsletter prompt: "Sign up for"`. */
  reason: string;
  /** How much the line reads like prose (negative: like noise). */
  score: number;
  /** The line, whitespace normalised and markup rendered. */
  text: string;
}

/** Counts over the page; blank lines are not counted. */
export interface Summary {
  lines: number;
  lines_kept: number;
  lines_removed: number;
  words: number;
  words_kept: number;
  words_removed: number;
  removed_by_family: Partial<Record<Family, number>>;
  removed_by_rule: Record<string, number>;
}

/** Where the article was found; line numbers 1-based and inclusive. */
export interface BlockMap {
  /** The article's parts in page order: first and last line of each. */
  parts: [number, number][];
  /** Index in `parts` of the part that scored best. */
  main: number | null;
  headline: number | null;
  /** First and last line of the reader-comment section, if any. */
  comments_from: number | null;
  comments_to: number | null;
  /** The runs of lines the search for the article weighed, in page order. */
  blocks: Block[];
}

/** A run of lines the search for the article weighed. */
export interface Block {
  first: number;
  last: number;
  /** The sum of its lines' content scores, to a tenth. */
  score: number;
  /** Whether it became article. */
  taken: boolean;
  /** Why it was taken or left out. */
  why: string;
}

/** The report on one page. */
export interface Cleaned {
  /** The headline, if one was found. */
  title: string | null;
  /** The article body. */
  text: string;
  /** Headline, blank line, body: what `deboiler page.txt` prints. */
  rendered: string;
  /** ISO 639-1 code of the page's language, if known. */
  language: string | null;
  summary: Summary;
  article: BlockMap;
  /** One per input line, in order. */
  decisions: Decision[];
}

/** A built-in rule. */
export interface RuleInfo {
  code: string;
  name: string;
  family: Family;
  /** One-line summary (`deboiler rules CODE` prints the full documentation). */
  doc: string;
}

/** What `init` accepts: a URL of the `.wasm`, a Response, bytes or a compiled module. */
export type InitInput = string | URL | Request | Response | BufferSource | WebAssembly.Module;

/** Loads the WebAssembly (default: `deboiler_bg.wasm` beside the module). Under Node it is loaded at import already. */
export default function init(input?: InitInput | Promise<InitInput>): Promise<void>;

/** Loads the WebAssembly from its bytes or a compiled module, synchronously. */
export function initSync(module: BufferSource | WebAssembly.Module): void;

/** A compiled cleaner; build one per config and reuse it. Throws on a bad config. */
export class Cleaner {
  constructor(config?: Config | null);
  /** The full report. */
  clean(text: string): Cleaned;
  /** Only the plain output: headline, blank line, body. */
  cleanText(text: string): string;
  /** The report as JSON text, as `deboiler --format json` prints it. */
  cleanJson(text: string): string;
  /** Frees the WebAssembly memory now. */
  free(): void;
  [Symbol.dispose](): void;
}

/** Cleans `text` with the default config. */
export function clean(text: string): Cleaned;

/** Every built-in rule. */
export function rules(): RuleInfo[];

/** The rule families, in display order. */
export function families(): Family[];
