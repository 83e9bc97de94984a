//! Python bindings (PyO3): the native half of the `deboiler` package. The
//! Python half (`python/deboiler/__init__.py`) turns configs into JSON and
//! documents the API; everything here is thin over [`deboiler::Cleaner`].

use deboiler::{builtin_rules, Cleaned, Cleaner, Config, Decision, Hints};
use pyo3::create_exception;
use pyo3::exceptions::{PyException, PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict, PyString};
use rayon::prelude::*;
use self_cell::self_cell;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::Arc;

create_exception!(
    deboiler,
    ConfigError,
    PyValueError,
    "An invalid config: the message names the field and what is expected."
);
create_exception!(
    deboiler,
    Error,
    PyException,
    "An internal error of the cleaner (a bug: please report it with the page)."
);

self_cell!(
    /// A cleaned page together with the text it borrows from.
    struct Owned {
        owner: String,
        #[covariant]
        dependent: Cleaned,
    }
);

/// The result of cleaning one page.
#[pyclass(frozen, module = "deboiler", name = "Cleaned")]
struct PyCleaned {
    page: Owned,
}

/// One input line's decision.
#[pyclass(frozen, get_all, module = "deboiler", name = "Decision")]
struct PyDecision {
    /// 1-based line number in the input.
    line: usize,
    /// Where the line starts in the input string (a `str` index).
    start: usize,
    /// Where it ends, without its line break: `text[start:end]` is the line.
    end: usize,
    /// Whether the line is in the output (the headline counts as kept).
    kept: bool,
    /// Whether the line has no visible text.
    blank: bool,
    /// Whether the line was taken as the headline.
    title: bool,
    /// Code of the rule that decided, e.g. `SHR002`; `ART001` for article text.
    code: String,
    /// Name of that rule, e.g. `share-prompt`.
    name: String,
    /// Family of that rule, e.g. `share`.
    family: String,
    /// A short reason a person can read.
    reason: String,
    /// Content score: positive looks like prose, negative like boilerplate.
    score: f32,
    /// The line's output text (whitespace normalised, markup rendered).
    text: String,
}

#[pymethods]
impl PyDecision {
    fn __repr__(&self) -> String {
        format!(
            "Decision(line={}, kept={}, code={:?}, name={:?}, reason={:?})",
            self.line,
            if self.kept { "True" } else { "False" },
            self.code,
            self.name,
            self.reason
        )
    }

    /// The decision as a plain dict.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let dict = PyDict::new(py);
        dict.set_item("line", self.line)?;
        dict.set_item("start", self.start)?;
        dict.set_item("end", self.end)?;
        dict.set_item("kept", self.kept)?;
        dict.set_item("blank", self.blank)?;
        dict.set_item("title", self.title)?;
        dict.set_item("code", &self.code)?;
        dict.set_item("name", &self.name)?;
        dict.set_item("family", &self.family)?;
        dict.set_item("reason", &self.reason)?;
        dict.set_item("score", self.score)?;
        dict.set_item("text", &self.text)?;
        Ok(dict.into_any())
    }
}

impl PyCleaned {
    fn cleaned(&self) -> &Cleaned<'_> {
        self.page.borrow_dependent()
    }

    /// Decisions with spans turned from byte offsets into `str` indices.
    fn decisions_where(&self, keep: impl Fn(&Decision) -> bool) -> Vec<PyDecision> {
        let input = self.page.borrow_owner();
        let cleaned = self.cleaned();
        let ascii = input.is_ascii();
        // Spans come in input order, so one walk over the text converts them;
        // the cells of a table read by columns go back, and start it again.
        let (mut byte, mut chars) = (0usize, 0usize);
        let mut index = |to: usize| {
            if ascii {
                return to;
            }
            if to < byte {
                (byte, chars) = (0, 0);
            }
            chars += input[byte..to].chars().count();
            byte = to;
            chars
        };
        let mut out = Vec::new();
        for d in cleaned.decisions() {
            let start = index(d.span.start);
            let end = index(d.span.end);
            if !keep(&d) {
                continue;
            }
            out.push(PyDecision {
                line: d.line,
                start,
                end,
                kept: d.kept,
                blank: d.blank,
                title: d.title,
                text: cleaned.line_text(&d).to_string(),
                code: d.code.into_owned(),
                name: d.name.into_owned(),
                family: d.family.as_str().to_string(),
                reason: d.reason.into_owned(),
                score: d.score,
            });
        }
        out
    }
}

#[pymethods]
impl PyCleaned {
    /// The article body: kept lines, the headline excluded.
    #[getter]
    fn text(&self) -> String {
        self.cleaned().text()
    }

    /// The headline, if one was found.
    #[getter]
    fn title(&self) -> Option<&str> {
        self.cleaned().title()
    }

    /// The headline, a blank line, then the body: what the CLI prints.
    #[getter]
    fn rendered(&self) -> String {
        self.cleaned().rendered()
    }

    /// ISO 639-1 code of the language the stop-word statistics used.
    #[getter]
    fn language(&self) -> Option<&'static str> {
        self.cleaned().language()
    }

    /// Counts: `lines`, `lines_kept`, `lines_removed`, `words`, `words_kept`,
    /// `words_removed`, `removed_by_family` and `removed_by_rule` (dicts).
    #[getter]
    fn summary<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let s = self.cleaned().summary();
        let dict = PyDict::new(py);
        dict.set_item("lines", s.lines)?;
        dict.set_item("lines_kept", s.lines_kept)?;
        dict.set_item("lines_removed", s.lines_removed)?;
        dict.set_item("words", s.words)?;
        dict.set_item("words_kept", s.words_kept)?;
        dict.set_item("words_removed", s.words_removed)?;
        let families = PyDict::new(py);
        for (family, n) in &s.removed_by_family {
            families.set_item(family.as_str(), n)?;
        }
        dict.set_item("removed_by_family", families)?;
        let rules = PyDict::new(py);
        for (code, n) in &s.removed_by_rule {
            rules.set_item(code, n)?;
        }
        dict.set_item("removed_by_rule", rules)?;
        Ok(dict)
    }

    /// Every input line's decision, in input order (built on each access).
    #[getter]
    fn decisions(&self) -> Vec<PyDecision> {
        self.decisions_where(|_| true)
    }

    /// The decisions of the removed lines (blank lines left out).
    fn removed(&self) -> Vec<PyDecision> {
        self.decisions_where(|d| !d.kept && !d.blank)
    }

    /// Every line with its decision and reason, as `deboiler --explain` prints it.
    fn explain(&self) -> String {
        self.cleaned().explain()
    }

    /// The whole report as a dict, the same as `deboiler --format json`.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        json_loads(py, &to_json(self.cleaned())?)
    }

    /// The whole report as JSON text, byte for byte `deboiler --format json`.
    fn to_json(&self) -> PyResult<String> {
        to_json(self.cleaned())
    }

    fn __repr__(&self) -> String {
        let s = self.cleaned().summary();
        format!(
            "Cleaned(title={:?}, lines_kept={}, lines_removed={})",
            self.cleaned().title().unwrap_or(""),
            s.lines_kept,
            s.lines_removed
        )
    }
}

fn to_json(cleaned: &Cleaned<'_>) -> PyResult<String> {
    serde_json::to_string(cleaned).map_err(|e| Error::new_err(e.to_string()))
}

fn json_loads<'py>(py: Python<'py>, json: &str) -> PyResult<Bound<'py, PyAny>> {
    py.import("json")?.call_method1("loads", (json,))
}

/// Pages longer than this are cleaned without holding the GIL; for shorter
/// ones, releasing and taking it back would cost more than it frees.
const RELEASE_GIL_BYTES: usize = 64 * 1024;

/// The native cleaner; `deboiler.Cleaner` wraps it.
#[pyclass(frozen, module = "deboiler._native", name = "Cleaner")]
struct PyCleaner {
    inner: Arc<Cleaner>,
}

/// The error of a JSON config, naming the top-level field at fault: serde
/// names an unknown field, but not the field of a bad value (`unknown
/// variant "fast"`), so each field is tried alone.
fn name_field(json: &str, error: deboiler::ConfigError) -> PyErr {
    let fields = serde_json::from_str::<serde_json::Map<String, serde_json::Value>>(json);
    if let Ok(fields) = fields {
        for (key, value) in fields {
            let alone = serde_json::json!({ key.clone(): value }).to_string();
            if let Err(e) = Config::from_json(&alone) {
                if !e.to_string().contains("unknown field") {
                    return ConfigError::new_err(format!("{e} (field `{key}`)"));
                }
            }
        }
    }
    ConfigError::new_err(error.to_string())
}

/// Text from a `str`, or from `bytes` decoded as UTF-8 with invalid
/// sequences replaced by U+FFFD.
fn text_of(value: &Bound<'_, PyAny>) -> PyResult<String> {
    if let Ok(s) = value.downcast::<PyString>() {
        return Ok(s.to_cow()?.into_owned());
    }
    if let Ok(b) = value.downcast::<PyBytes>() {
        return Ok(String::from_utf8_lossy(b.as_bytes()).into_owned());
    }
    Err(PyTypeError::new_err(format!(
        "text must be str or bytes, not {}",
        value.get_type().name()?
    )))
}

fn clean_owned(
    cleaner: &Cleaner,
    text: String,
    title: Option<&str>,
    url: Option<&str>,
) -> PyResult<PyCleaned> {
    let run = AssertUnwindSafe(|| {
        Owned::new(text, |text| {
            let mut hints = Hints::default();
            if let Some(title) = title {
                hints = hints.with_title(title);
            }
            if let Some(url) = url {
                hints = hints.with_url(url);
            }
            cleaner.clean_with(text, &hints)
        })
    });
    match catch_unwind(run) {
        Ok(page) => Ok(PyCleaned { page }),
        Err(_) => Err(Error::new_err("the cleaner failed on this page")),
    }
}

#[pymethods]
impl PyCleaner {
    /// `config_toml` or `config_json` (at most one) is the base config;
    /// `overrides_json`, an object, replaces its top-level fields.
    #[new]
    #[pyo3(signature = (config_toml=None, config_json=None, overrides_json=None))]
    fn new(
        config_toml: Option<&str>,
        config_json: Option<&str>,
        overrides_json: Option<&str>,
    ) -> PyResult<Self> {
        let bad = |e: deboiler::ConfigError| ConfigError::new_err(e.to_string());
        let mut config = match (config_toml, config_json) {
            (Some(toml), _) => Config::from_toml(toml).map_err(bad)?,
            (None, Some(json)) => Config::from_json(json).map_err(|e| name_field(json, e))?,
            (None, None) => Config::default(),
        };
        if let Some(overrides) = overrides_json {
            Config::from_json(overrides).map_err(|e| name_field(overrides, e))?;
            let mut base =
                serde_json::to_value(&config).map_err(|e| Error::new_err(e.to_string()))?;
            let overrides: serde_json::Value = serde_json::from_str(overrides)
                .map_err(|e| ConfigError::new_err(format!("invalid config: {e}")))?;
            if let (Some(base), Some(overrides)) = (base.as_object_mut(), overrides.as_object()) {
                for (k, v) in overrides {
                    base.insert(k.clone(), v.clone());
                }
            }
            config = Config::from_json(&base.to_string()).map_err(bad)?;
        }
        Ok(PyCleaner {
            inner: Arc::new(Cleaner::new(config).map_err(bad)?),
        })
    }

    #[pyo3(signature = (text, title=None, url=None))]
    fn clean(
        &self,
        py: Python<'_>,
        text: &Bound<'_, PyAny>,
        title: Option<&str>,
        url: Option<&str>,
    ) -> PyResult<PyCleaned> {
        let text = text_of(text)?;
        let cleaner = &self.inner;
        // Long pages take a while; other Python threads run meanwhile.
        if text.len() > RELEASE_GIL_BYTES {
            py.allow_threads(|| clean_owned(cleaner, text, title, url))
        } else {
            clean_owned(cleaner, text, title, url)
        }
    }

    #[pyo3(signature = (texts, threads=None, titles=None, urls=None))]
    fn clean_many(
        &self,
        py: Python<'_>,
        texts: &Bound<'_, PyAny>,
        threads: Option<usize>,
        titles: Option<Vec<Option<String>>>,
        urls: Option<Vec<Option<String>>>,
    ) -> PyResult<Vec<PyCleaned>> {
        let texts: Vec<String> = texts
            .try_iter()?
            .map(|t| text_of(&t?))
            .collect::<PyResult<_>>()?;
        if threads == Some(0) {
            return Err(PyValueError::new_err("threads must be at least 1"));
        }
        for (name, hints) in [("titles", &titles), ("urls", &urls)] {
            if let Some(hints) = hints {
                if hints.len() != texts.len() {
                    return Err(PyValueError::new_err(format!(
                        "{name} has {} items for {} texts",
                        hints.len(),
                        texts.len()
                    )));
                }
            }
        }
        let hint = |hints: &Option<Vec<Option<String>>>, i: usize| -> Option<String> {
            hints.as_ref().and_then(|h| h[i].clone())
        };
        let jobs: Vec<(String, Option<String>, Option<String>)> = texts
            .into_iter()
            .enumerate()
            .map(|(i, t)| (t, hint(&titles, i), hint(&urls, i)))
            .collect();
        let cleaner = &self.inner;
        py.allow_threads(|| {
            let work = || -> PyResult<Vec<PyCleaned>> {
                jobs.into_par_iter()
                    .map(|(t, title, url)| {
                        clean_owned(cleaner, t, title.as_deref(), url.as_deref())
                    })
                    .collect()
            };
            match threads {
                None => work(),
                Some(n) => rayon::ThreadPoolBuilder::new()
                    .num_threads(n)
                    .build()
                    .map_err(|e| Error::new_err(format!("cannot start {n} threads: {e}")))?
                    .install(work),
            }
        })
    }
}

/// Every built-in rule as JSON: `[{code, name, family, doc}]`.
#[pyfunction]
fn rules_json() -> PyResult<String> {
    serde_json::to_string(&builtin_rules()).map_err(|e| Error::new_err(e.to_string()))
}

#[pymodule]
fn _native(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<PyCleaner>()?;
    m.add_class::<PyCleaned>()?;
    m.add_class::<PyDecision>()?;
    m.add_function(wrap_pyfunction!(rules_json, m)?)?;
    m.add("ConfigError", m.py().get_type::<ConfigError>())?;
    m.add("Error", m.py().get_type::<Error>())?;
    Ok(())
}
