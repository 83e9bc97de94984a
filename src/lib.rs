//! deboiler strips boilerplate from scraped web page text — the output of
//! `innerText`, html-text, inscriptis, html2text or a Common Crawl WET
//! record — and returns the article, saying for every removed line which rule
//! removed it and why.
//!
//! It reads text, not HTML. Each line is measured (length, stop-word density,
//! punctuation, links, repetition), a set of rules marks noise (newsletter
//! prompts, SVG icon titles, teaser lists, breadcrumbs, tag lines, share
//! buttons, cookie notices, footers, photo credits), and the engine keeps the
//! run of lines that reads most like an article. Output lines are always
//! input lines (whitespace normalised; converter markup rendered as text),
//! or the cells of one where the converter laid a table out in padded
//! columns: those are read column by column.
//!
//! # Clean a page
//!
//! ```
//! let page = "Home Politics Politics News\n\
//! The nation fired over a dozen missiles at two bases in retaliation for the killing of its general.\n\
//! Officials said there were no casualties, and that the damage was being assessed on the ground.\n\
//! Sign up for our free newsletter and get the best stories delivered to your inbox.\n\
//! Powered by";
//! let cleaned = deboiler::clean(page);
//! assert_eq!(
//!     cleaned.text(),
//!     "The nation fired over a dozen missiles at two bases in retaliation for the killing of its general.\n\
//! Officials said there were no casualties, and that the damage was being assessed on the ground."
//! );
//! ```
//!
//! # Explain the decisions
//!
//! Every line has a [`Decision`]: kept or removed, the rule's code and name,
//! a reason and a score. The byte span points into the input. [`Cleaned`]
//! also counts what went ([`Cleaned::summary`]) and serialises to the JSON
//! report that `deboiler --format json` prints.
//!
//! ```
//! # fn main() -> Result<(), serde_json::Error> {
//! let page = "The river rose by two metres overnight and the old bridge was closed before dawn.\nShare on Facebook";
//! let cleaned = deboiler::clean(page);
//! for (decision, line) in cleaned.removed() {
//!     println!("{} {} {}: {line}", decision.code, decision.name, decision.reason);
//! }
//! let removed: Vec<_> = cleaned.removed().map(|(d, _)| d).collect();
//! assert_eq!(removed[0].code, "SHR002");
//! assert_eq!(&page[removed[0].span.clone()], "Share on Facebook");
//! assert_eq!(cleaned.summary().lines_removed, 1);
//! let report = serde_json::to_value(&cleaned)?;
//! assert_eq!(report["decisions"][1]["code"], "SHR002");
//! # Ok(())
//! # }
//! ```
//!
//! # Configure
//!
//! A [`Config`] picks a [`Preset`], switches rules or whole families off,
//! and adds user rules. Build a [`Cleaner`] once and reuse it; it is
//! `Send + Sync`. Rules written in Rust plug in through [`CustomRule`].
//!
//! ```
//! use deboiler::{Cleaner, Config, UserRule};
//! # fn main() -> Result<(), deboiler::ConfigError> {
//! let config = Config {
//!     disable: vec!["share".into()],
//!     rules: vec![UserRule {
//!         name: "shop-promo".into(),
//!         phrases: vec!["visit our shop".into()],
//!         ..UserRule::default()
//!     }],
//!     ..Config::default()
//! };
//! let cleaner = Cleaner::new(config)?;
//! let cleaned = cleaner.clean("The river rose by two metres overnight and the old bridge was closed before dawn.\nVisit our shop for prints of the bridge.");
//! let names: Vec<_> = cleaned.removed().map(|(d, _)| d.name).collect();
//! assert_eq!(names, ["shop-promo"]);
//! # Ok(())
//! # }
//! ```
//!
//! # Crate features
//!
//! - `toml` (default): [`Config::from_toml`].
//!
//! The library has no I/O, threads or command-line crates, and builds for
//! `wasm32-unknown-unknown` as it is. The command-line tool is the
//! `deboiler-cli` package (`cargo install --path cli`); the WebAssembly
//! bindings are `deboiler-wasm`.

#![warn(missing_docs)]

mod ascii_run;
mod byte_pairs;
mod chars;
mod columns;
mod config;
mod custom;
mod engine;
mod features;
mod hints;
mod labels;
mod lang;
mod line_set;
mod markup;
mod page;
mod phrases;
mod reasons;
mod report;
mod rule_info;
mod rules;
mod score;
mod segment;
mod short_copy;
#[cfg(simd16)]
mod simd16;
mod texts;
mod word_masks;

pub use config::{Config, ConfigError, ConfigErrorKind, Preset, UserRule};
pub use custom::{CustomRule, LineView};
pub use engine::Cleaner;
pub use hints::Hints;
pub use report::{Block, BlockMap, Cleaned, Decision, Summary};
pub use rule_info::{Family, ParseNameError, RuleInfo};

use once_cell::sync::Lazy;

static DEFAULT: Lazy<Cleaner> =
    Lazy::new(|| Cleaner::new(Config::default()).expect("the default config is valid"));

/// Cleans `text` with the default config (the `balanced` preset, every rule on).
///
/// See the [crate docs](crate) for an example.
pub fn clean(text: &str) -> Cleaned<'_> {
    DEFAULT.clean(text)
}

/// Compiles the built-in rules' patterns and loads the stop words now,
/// which otherwise happens as the first pages need them. Results never
/// depend on it: a program that cleans many pages can call it on a thread
/// of its own while it builds its [`Cleaner`] and reads its first input,
/// and take the few milliseconds off the start of its run.
///
/// ```
/// let preparing = std::thread::spawn(deboiler::prepare);
/// let cleaner = deboiler::Cleaner::new(deboiler::Config::default()).unwrap();
/// preparing.join().unwrap();
/// let page = "Home | News\nThe council met on Tuesday to discuss the budget for the coming year.";
/// assert_eq!(
///     cleaner.clean(page).text(),
///     "The council met on Tuesday to discuss the budget for the coming year."
/// );
/// ```
pub fn prepare() {
    for rule in rules::registry() {
        rule.prepare();
    }
    markup::prepare();
    lang::StopWords::get();
}

/// How many built-in patterns this process has compiled: what the tests
/// use to check that [`prepare`] leaves none to compile later.
#[doc(hidden)]
pub fn compiled_patterns() -> usize {
    segment::COMPILED.load(std::sync::atomic::Ordering::Relaxed)
}

/// Every built-in rule's code, name, family and documentation, in the order
/// the rules run, followed by the two codes of kept lines (`ART001`, `ART002`).
pub fn builtin_rules() -> Vec<RuleInfo> {
    rules::registry()
        .iter()
        .map(|r| r.info().clone())
        .chain(rules::engine_infos().into_iter().cloned())
        .collect()
}
