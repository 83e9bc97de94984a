// The paste-and-clean page. This one module runs twice: in the page, where it
// drives the interface, and in a Web Worker, where it runs the WebAssembly
// cleaner, so that cleaning a large paste never blocks the page.

const IN_WORKER = typeof window === 'undefined';
// The line view shows at most this many lines (copy and download carry all);
// the worker sends no more, so that a huge page costs the page nothing.
const MAX_VIEW_LINES = 4000;

if (IN_WORKER) {
  const { default: init, Cleaner, families } = await import('../pkg/index.js');
  await init();
  let cleaner = null;
  let configKey = null;
  self.onmessage = ({ data }) => {
    const { id, text, config } = data;
    try {
      const key = JSON.stringify(config);
      if (key !== configKey) {
        cleaner?.free();
        cleaner = new Cleaner(config);
        configKey = key;
      }
      const started = performance.now();
      const report = cleaner.clean(text);
      const ms = performance.now() - started;
      self.postMessage({ id, view: summarise(report), ms });
    } catch (err) {
      self.postMessage({ id, error: String(err?.message ?? err) });
    }
  };
  self.postMessage({ ready: true, families: families() });
} else {
  startPage();
}

/** What the page needs of a report: the text, the counts, and the first lines. */
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
      const { text, kept, title, code, name, family, reason } = d;
      lines.push({ text, kept, title, code, name, family, reason });
    }
  }
  return {
    rendered: report.rendered,
    language: report.language,
    summary: report.summary,
    families: [...perFamily].sort((a, b) => b[1].lines - a[1].lines),
    lines,
    truncated: lines.length < report.summary.lines,
  };
}

function startPage() {
  // Families shown as switches; kept lines carry "content", user rules "user".
  const HIDDEN_FAMILIES = new Set(['content', 'user']);
  // Beyond this many characters the text view shows a prefix.
  const MAX_VIEW_CHARS = 200_000;
  const DEBOUNCE_MS = 150;

  const $ = (id) => document.getElementById(id);
  const input = $('input');
  const output = $('output');
  const status = $('status');
  const presetSelect = $('preset');
  const showRemoved = $('show-removed');
  const familyBox = $('families');
  const counts = $('counts');

  const worker = new Worker(new URL(import.meta.url), { type: 'module' });
  let lastId = 0;
  let lastReport = null;
  let timer = null;
  let runs = 0;

  worker.onmessage = ({ data }) => {
    if (data.ready) {
      buildFamilySwitches(data.families.filter((f) => !HIDDEN_FAMILIES.has(f)));
      document.body.dataset.ready = '1';
      setStatus('ready', 'Ready');
      if (input.value) schedule(0);
      return;
    }
    if (data.id !== lastId) return; // a newer request is on its way
    if (data.error) {
      setStatus('error', `Error: ${data.error}`);
      return;
    }
    lastReport = data.view;
    render();
    runs += 1;
    document.body.dataset.runs = String(runs);
    const lines = data.view.summary.lines;
    setStatus('done', `Cleaned ${lines.toLocaleString()} lines in ${data.ms.toFixed(1)} ms`);
  };
  worker.onerror = (event) => setStatus('error', `Error: ${event.message}`);

  function setStatus(state, text) {
    status.dataset.state = state;
    status.textContent = text;
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
    return { preset: presetSelect.value, disable };
  }

  function schedule(delay = DEBOUNCE_MS) {
    clearTimeout(timer);
    timer = setTimeout(run, delay);
  }

  function run() {
    if (document.body.dataset.ready !== '1') return;
    lastId += 1;
    setStatus('busy', 'Cleaning…');
    worker.postMessage({ id: lastId, text: input.value, config: config() });
  }

  function render() {
    const report = lastReport;
    output.replaceChildren();
    if (!report) return;
    if (showRemoved.checked) {
      renderLines(report);
    } else {
      const text = report.rendered;
      output.classList.remove('lines');
      output.textContent = text.length > MAX_VIEW_CHARS ? text.slice(0, MAX_VIEW_CHARS) : text;
      if (text.length > MAX_VIEW_CHARS) output.append(note('Showing the start; copy or download for all of it.'));
    }
    renderCounts(report);
  }

  function renderLines(report) {
    output.classList.add('lines');
    const fragment = document.createDocumentFragment();
    for (const d of report.lines) {
      const line = document.createElement('div');
      line.className = d.kept ? (d.title ? 'line kept title' : 'line kept') : `line removed fam-${d.family}`;
      line.dataset.code = d.code;
      line.dataset.family = d.family;
      line.textContent = d.text || ' ';
      if (!d.kept) {
        const why = `${d.code} ${d.name}: ${d.reason}`;
        line.title = why;
        line.tabIndex = 0;
        line.setAttribute('aria-label', `Removed by ${why}. ${d.text}`);
        const tag = document.createElement('span');
        tag.className = 'why';
        tag.textContent = why;
        line.append(tag);
      }
      fragment.append(line);
    }
    if (report.truncated) fragment.append(note(`Showing the first ${report.lines.length} lines.`));
    output.append(fragment);
  }

  function note(text) {
    const p = document.createElement('p');
    p.className = 'note';
    p.textContent = text;
    return p;
  }

  function renderCounts(report) {
    const s = report.summary;
    const table = document.createElement('table');
    const caption = document.createElement('caption');
    caption.textContent = `Kept ${s.lines_kept} of ${s.lines} lines (${s.words_kept} of ${s.words} words); removed ${s.lines_removed} lines (${s.words_removed} words). Language: ${report.language ?? 'unknown'}.`;
    table.append(caption);
    const head = table.createTHead().insertRow();
    for (const h of ['Family', 'Lines removed', 'Words removed']) {
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
      row.insertCell().textContent = String(c.lines);
      row.insertCell().textContent = String(c.words);
    }
    counts.replaceChildren(table);
  }

  input.addEventListener('input', () => schedule());
  presetSelect.addEventListener('change', () => schedule(0));
  showRemoved.addEventListener('change', render);

  $('example').addEventListener('change', async (event) => {
    const url = event.target.value;
    if (!url) return;
    const response = await fetch(url);
    input.value = await response.text();
    schedule(0);
  });

  $('copy').addEventListener('click', async () => {
    if (!lastReport) return;
    try {
      await navigator.clipboard.writeText(lastReport.rendered);
      setStatus('done', 'Copied the article to the clipboard');
    } catch {
      setStatus('error', 'The browser refused the clipboard; select the text and copy it instead');
    }
  });

  $('download').addEventListener('click', () => {
    if (!lastReport) return;
    const blob = new Blob([lastReport.rendered], { type: 'text/plain;charset=utf-8' });
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = 'article.txt';
    a.click();
    setTimeout(() => URL.revokeObjectURL(a.href), 1000);
  });

  // Dropping a text file anywhere on the page loads it.
  document.addEventListener('dragover', (event) => event.preventDefault());
  document.addEventListener('drop', async (event) => {
    event.preventDefault();
    const file = event.dataTransfer?.files?.[0];
    if (!file) return;
    input.value = await file.text();
    schedule(0);
  });
}
