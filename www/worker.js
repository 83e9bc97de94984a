// Runs the WebAssembly cleaner off the page's thread, so that cleaning a large
// paste never blocks the page. It sends back only what the page shows.
import init, { Cleaner, families } from '../pkg/index.js';

// The line view shows at most this many lines (copy and download carry all).
const MAX_VIEW_LINES = 4000;

const cleaners = new Map();

/** One cleaner per config, kept while the config is in use. */
function cleanerFor(config) {
  const key = JSON.stringify(config);
  let cleaner = cleaners.get(key);
  if (!cleaner) {
    cleaner = new Cleaner(config);
    cleaners.set(key, cleaner);
    // The current config and its all-families twin; older ones are freed.
    while (cleaners.size > 2) {
      const [oldest, old] = cleaners.entries().next().value;
      old.free();
      cleaners.delete(oldest);
    }
  }
  return cleaner;
}

/** What the page needs of a report: the text, counts, block map and the first lines. */
function summarise(report) {
  const perFamily = new Map();
  const lines = [];
  for (const d of report.decisions) {
    if (d.blank) continue;
    if (!d.kept) {
      const entry = perFamily.get(d.family) ?? { lines: 0, words: 0 };
      entry.lines += 1;
      entry.words += (d.text.match(/[\p{L}\p{N}]+/gu) ?? []).length;
      perFamily.set(d.family, entry);
    }
    if (lines.length < MAX_VIEW_LINES) {
      const { line, text, kept, title, code, name, family, reason, score } = d;
      lines.push({ line, text, kept, title, code, name, family, reason, score });
    }
  }
  return {
    rendered: report.rendered,
    language: report.language,
    summary: report.summary,
    article: report.article,
    families: [...perFamily].sort((a, b) => b[1].lines - a[1].lines),
    lines,
    truncated: lines.length < report.summary.lines,
  };
}

/**
 * Lines of each switched-off family that another rule still removes: the
 * page says so, since unchecking the family did not bring them back.
 */
function held(report, config, text) {
  if (!config.disable.length) return [];
  const base = cleanerFor({ ...config, disable: [] }).clean(text);
  const off = new Set(config.disable);
  const byFamily = new Map();
  base.decisions.forEach((d, i) => {
    const now = report.decisions[i];
    if (d.kept || d.blank || !off.has(d.family) || now.kept) return;
    const entry = byFamily.get(d.family) ?? { family: d.family, lines: 0, by: new Map() };
    entry.lines += 1;
    const rule = `${now.code} ${now.name}`;
    entry.by.set(rule, { rule, family: now.family, lines: (entry.by.get(rule)?.lines ?? 0) + 1 });
    byFamily.set(d.family, entry);
  });
  return [...byFamily.values()].map((e) => ({ ...e, by: [...e.by.values()] }));
}

try {
  await init();
  self.onmessage = ({ data }) => {
    const { id, text, config } = data;
    try {
      const started = performance.now();
      const report = cleanerFor(config).clean(text);
      const ms = performance.now() - started;
      self.postMessage({ id, view: summarise(report), held: held(report, config, text), ms });
    } catch (err) {
      self.postMessage({ id, error: String(err?.message ?? err) });
    }
  };
  self.postMessage({ ready: true, families: families() });
} catch (err) {
  self.postMessage({ failed: String(err?.message ?? err) });
}
