// The paste-and-clean page: input, switches, and the report drawn from what
// the worker (worker.js, the WebAssembly cleaner) sends back.
import { decodeFile, checkText } from './input-check.js';

// Families shown as switches; kept lines carry "content", user rules "user".
const HIDDEN_FAMILIES = new Set(['content', 'user']);
// Beyond this many characters the text view shows a prefix.
const MAX_VIEW_CHARS = 200_000;
const DEBOUNCE_MS = 150;
// A worker that has not answered by then is not coming.
const START_TIMEOUT_MS = 15_000;
const PHONE = window.matchMedia('(max-width: 48rem)');
const fmt = (n) => n.toLocaleString('en-US');

const $ = (id) => document.getElementById(id);
const input = $('input');
const output = $('output');
const status = $('status');
const presetSelect = $('preset');
const exampleSelect = $('example');
const showRemoved = $('show-removed');
const familyBox = $('families');
const notice = $('notice');
const heldBox = $('held');
const copyButton = $('copy');
const downloadButton = $('download');

let lastId = 0;
let lastReport = null;
let lastHeld = [];
let timer = null;
let runs = 0;
// The text of the example last loaded, to tell it from the user's own.
let exampleText = null;
// Pasted text that looked binary, cleaned anyway at the user's word.
let forced = null;
// Sends text to the worker; set once it has started.
let runCleaner = () => {};

function setStatus(state, text) {
  status.dataset.state = state;
  status.textContent = text;
}

function showNotice(text, action) {
  notice.replaceChildren(text);
  if (action) {
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = action.label;
    button.addEventListener('click', action.run);
    notice.append(' ', button);
  }
  notice.hidden = false;
}

function clearNotice() {
  notice.hidden = true;
  notice.replaceChildren();
}

// Under file:// this module does not run at all; index.html says so.
startWorker();

function startWorker() {
  const worker = new Worker(new URL('./worker.js', import.meta.url), { type: 'module' });
  const timeout = setTimeout(() => {
    if (document.body.dataset.ready !== '1') setStatus('error', 'The cleaner did not load. Reload the page; if it persists, the browser may block WebAssembly or module workers.');
  }, START_TIMEOUT_MS);

  worker.onmessage = ({ data }) => {
    if (data.ready) {
      clearTimeout(timeout);
      buildFamilySwitches(data.families.filter((f) => !HIDDEN_FAMILIES.has(f)));
      document.body.dataset.ready = '1';
      setStatus('ready', 'Ready');
      schedule(0);
      return;
    }
    if (data.failed) {
      clearTimeout(timeout);
      setStatus('error', `The cleaner did not load: ${data.failed}`);
      return;
    }
    if (data.id !== lastId) return; // a newer request is on its way
    if (data.error) {
      setStatus('error', `Error: ${data.error}`);
      return;
    }
    lastReport = data.view;
    lastHeld = data.held;
    render();
    runs += 1;
    document.body.dataset.runs = String(runs);
    setStatus('done', `Cleaned ${fmt(data.view.summary.lines)} lines in ${data.ms.toFixed(1)} ms`);
  };
  worker.onerror = (event) => setStatus('error', `The cleaner did not load: ${event.message ?? 'worker error'}`);

  runCleaner = (text, config) => {
    lastId += 1;
    setStatus('busy', 'Cleaning…');
    worker.postMessage({ id: lastId, text, config });
  };
}

function buildFamilySwitches(families) {
  for (const family of families) {
    const id = `family-${family}`;
    const wrap = document.createElement('span');
    wrap.className = `family fam-${family}`;
    const box = document.createElement('input');
    box.type = 'checkbox';
    box.id = id;
    box.checked = true;
    box.dataset.family = family;
    box.addEventListener('change', () => schedule(0));
    const label = document.createElement('label');
    label.htmlFor = id;
    label.textContent = family;
    wrap.append(box, label);
    familyBox.append(wrap);
  }
}

function config() {
  const disable = [...familyBox.querySelectorAll('input[type=checkbox]')]
    .filter((box) => !box.checked)
    .map((box) => box.dataset.family);
  $('families-off').textContent = disable.length ? `(${disable.length} off)` : '';
  return { preset: presetSelect.value, disable };
}

function schedule(delay = DEBOUNCE_MS) {
  clearTimeout(timer);
  timer = setTimeout(run, delay);
}

function run() {
  if (document.body.dataset.ready !== '1') return;
  const text = input.value;
  const problem = text === forced ? null : checkText(text);
  if (problem) {
    lastReport = null;
    render();
    setStatus('error', 'Not cleaned: the input is not text');
    showNotice(problem, { label: 'Clean it anyway', run: () => { forced = input.value; clearNotice(); schedule(0); } });
    return;
  }
  clearNotice();
  runCleaner(text, config());
}

function render() {
  const report = lastReport;
  output.replaceChildren();
  const empty = !report || !report.rendered;
  copyButton.disabled = empty;
  downloadButton.disabled = empty;
  renderHeld();
  renderSide(report);
  if (!input.value.trim()) {
    output.append(emptyState('Nothing to clean yet. Paste the text of a web page on the left (or in the Input tab), drop a .txt file anywhere on the page, or choose an example above.'));
    return;
  }
  if (!report) return;
  if (showRemoved.checked) {
    renderLines(report);
  } else if (!report.rendered) {
    output.append(emptyState('No article found: every line looked like boilerplate. Tick "Show removed lines" to see each line\'s reason, or try the recall preset.'));
  } else {
    const text = report.rendered;
    output.classList.remove('lines');
    output.textContent = text.length > MAX_VIEW_CHARS ? text.slice(0, MAX_VIEW_CHARS) : text;
    if (text.length > MAX_VIEW_CHARS) output.append(note('Showing the start; copy or download for all of it.'));
  }
}

function emptyState(text) {
  output.classList.remove('lines');
  return paragraph('empty', text);
}

function renderLines(report) {
  output.classList.add('lines');
  const fragment = document.createDocumentFragment();
  for (const [index, d] of report.lines.entries()) {
    const line = document.createElement('div');
    line.className = d.kept ? (d.title ? 'line kept title' : 'line kept') : `line removed fam-${d.family}`;
    line.dataset.code = d.code;
    line.dataset.family = d.family;
    line.dataset.line = String(d.line);
    // Cells of a table read by columns share a line number.
    line.dataset.index = String(index);
    line.tabIndex = 0;
    line.setAttribute('role', 'button');
    line.setAttribute('aria-expanded', 'false');
    const text = document.createElement('span');
    text.className = 'text';
    text.textContent = d.text || ' ';
    line.append(text);
    if (!d.kept) {
      // The reason is always shown, beside the struck text, never inside it.
      const why = document.createElement('span');
      why.className = 'why';
      const code = document.createElement('code');
      code.textContent = d.code;
      why.append(code, ` ${d.name}: ${d.reason}`);
      line.append(why);
      line.setAttribute('aria-label', `Removed by ${d.code} ${d.name}: ${d.reason}. ${d.text}`);
    }
    fragment.append(line);
  }
  if (report.truncated) fragment.append(note(`Showing the first ${fmt(report.lines.length)} lines.`));
  output.append(fragment);
}

/** A click or Enter on a line shows its full verdict: rule, reason, score. */
function toggleDetail(line) {
  const open = line.querySelector('.detail');
  if (open) {
    open.remove();
    line.setAttribute('aria-expanded', 'false');
    return;
  }
  const d = lastReport?.lines[Number(line.dataset.index)];
  if (!d) return;
  const detail = document.createElement('span');
  detail.className = 'detail';
  const verdict = d.kept ? (d.title ? 'Kept as the headline' : 'Kept') : 'Removed';
  detail.textContent = `Line ${fmt(d.line)}. ${verdict} by ${d.code} ${d.name} (${d.family}): ${d.reason}. Prose score ${d.score.toFixed(2)} (above 0 reads like article text, below like boilerplate).`;
  line.append(detail);
  line.setAttribute('aria-expanded', 'true');
}

function renderHeld() {
  heldBox.replaceChildren();
  const held = lastReport ? lastHeld : [];
  heldBox.hidden = held.length === 0;
  for (const h of held) {
    const p = document.createElement('p');
    const by = h.by.map((b) => `${b.rule} (${fmt(b.lines)})`).join(', ');
    p.textContent = `${h.family} is off, but ${fmt(h.lines)} of its lines are still removed by ${by}: they lie outside the part of the page taken as the article.`;
    const families = [...new Set(h.by.map((b) => b.family))].filter((f) => $(`family-${f}`)?.checked);
    if (families.length) {
      const button = document.createElement('button');
      button.type = 'button';
      button.textContent = `Keep them too (also turns off ${families.join(', ')})`;
      button.addEventListener('click', () => {
        for (const f of families) $(`family-${f}`).checked = false;
        schedule(0);
      });
      p.append(button);
    }
    heldBox.append(p);
  }
}

function note(text) {
  return paragraph('note', text);
}

function paragraph(className, text) {
  const p = document.createElement('p');
  p.className = className;
  p.textContent = text;
  return p;
}

function describeBlocks(article) {
  if (!article.parts.length) return 'No article found.';
  const parts = article.parts.map(([a, b], i) => `${fmt(a)}–${fmt(b)}${i === article.main && article.parts.length > 1 ? ' (main)' : ''}`);
  let out = `Article: lines ${parts.join(', ')}`;
  if (article.headline != null) out += `; headline: line ${fmt(article.headline)}`;
  if (article.comments_from != null) {
    out += article.comments_to != null
      ? `; comments: lines ${fmt(article.comments_from)}–${fmt(article.comments_to)}`
      : `; comments from line ${fmt(article.comments_from)}`;
  }
  out += '.';
  // The runs weighed: the ones taken and the best ones left out, with why.
  for (const b of article.blocks ?? []) {
    const lines = b.first === b.last ? `line ${fmt(b.first)}` : `lines ${fmt(b.first)}–${fmt(b.last)}`;
    out += `\n${b.taken ? '+' : '−'} ${lines}, score ${b.score.toFixed(1)}: ${b.why}`;
  }
  return out;
}

function renderSide(report) {
  const counts = $('counts');
  const blocks = $('blocks');
  if (!report) {
    counts.replaceChildren();
    blocks.textContent = '';
    return;
  }
  const s = report.summary;
  blocks.textContent = describeBlocks(report.article);
  const summary = document.createElement('p');
  summary.className = 'counts-line';
  summary.textContent = `Kept ${fmt(s.lines_kept)} of ${fmt(s.lines)} lines (${fmt(s.words_kept)} of ${fmt(s.words)} words). Language: ${report.language ?? 'unknown'}.`;
  const table = document.createElement('table');
  const caption = document.createElement('caption');
  caption.textContent = 'Removed, by family';
  table.append(caption);
  const head = table.createTHead().insertRow();
  for (const h of ['Family', 'Lines', 'Words']) {
    const th = document.createElement('th');
    th.scope = 'col';
    th.textContent = h;
    head.append(th);
  }
  const body = table.createTBody();
  for (const [family, c] of report.families) {
    const row = body.insertRow();
    const th = document.createElement('th');
    th.scope = 'row';
    th.className = `fam-${family}`;
    th.textContent = family;
    row.append(th);
    for (const n of [c.lines, c.words]) {
      const td = row.insertCell();
      td.className = 'num';
      td.textContent = fmt(n);
    }
  }
  counts.replaceChildren(summary, ...(report.families.length ? [table] : []));
}

/** Phones show one view at a time; the tabs pick it. */
function selectTab(tab) {
  document.body.dataset.tab = tab;
  for (const b of document.querySelectorAll('.tabs button')) b.setAttribute('aria-selected', String(b.dataset.tab === tab));
  if (tab !== 'input' && showRemoved.checked !== (tab === 'removed')) {
    showRemoved.checked = tab === 'removed';
    render();
  }
}

/** Loads text into the input as if the user had pasted it. */
function load(text, { example = false } = {}) {
  input.value = text;
  exampleText = example ? text : null;
  if (!example) exampleSelect.value = '';
  forced = null;
  schedule(0);
  if (PHONE.matches) selectTab('article');
}

input.addEventListener('input', () => {
  if (exampleText !== null && input.value !== exampleText) {
    exampleText = null;
    exampleSelect.value = '';
  }
  schedule();
});
presetSelect.addEventListener('change', () => schedule(0));
showRemoved.addEventListener('change', () => {
  render();
  if (PHONE.matches) selectTab(showRemoved.checked ? 'removed' : 'article');
});
output.addEventListener('click', (event) => {
  const line = event.target.closest('.line');
  if (line && !event.target.closest('.detail')) toggleDetail(line);
});
output.addEventListener('keydown', (event) => {
  const line = event.target.closest?.('.line');
  if (line && (event.key === 'Enter' || event.key === ' ')) {
    event.preventDefault();
    toggleDetail(line);
  }
});
for (const b of document.querySelectorAll('.tabs button')) b.addEventListener('click', () => selectTab(b.dataset.tab));
selectTab('input');
render();

exampleSelect.addEventListener('change', async () => {
  const url = exampleSelect.value;
  if (!url) return;
  const own = input.value.trim() && input.value !== exampleText;
  if (own && !window.confirm('Replace the text you entered with the example page?')) {
    exampleSelect.value = '';
    return;
  }
  try {
    const response = await fetch(url);
    if (!response.ok) throw new Error(`${response.status} ${response.statusText}`);
    load(await response.text(), { example: true });
  } catch (err) {
    setStatus('error', `Could not load the example: ${err.message}`);
  }
});

copyButton.addEventListener('click', async () => {
  if (!lastReport?.rendered) return;
  try {
    await navigator.clipboard.writeText(lastReport.rendered);
    setStatus('done', 'Copied the article to the clipboard');
  } catch {
    setStatus('error', 'The browser refused the clipboard; select the text and copy it instead');
  }
});

downloadButton.addEventListener('click', () => {
  if (!lastReport?.rendered) return;
  const blob = new Blob([lastReport.rendered], { type: 'text/plain;charset=utf-8' });
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = 'article.txt';
  a.click();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
});

// Dropping a file anywhere on the page loads it, if it is text.
document.addEventListener('dragover', (event) => event.preventDefault());
document.addEventListener('drop', async (event) => {
  event.preventDefault();
  const file = event.dataTransfer?.files?.[0];
  if (!file) return;
  const { text, problem } = decodeFile(new Uint8Array(await file.arrayBuffer()));
  if (problem) {
    setStatus('error', `Not loaded: ${file.name}`);
    showNotice(`${file.name}: ${problem}`);
    return;
  }
  load(text);
});
