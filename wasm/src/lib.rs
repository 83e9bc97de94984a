//! WebAssembly bindings (`wasm-bindgen`): a thin layer over [`deboiler::Cleaner`].
//!
//! These are the raw exports; the npm package's typed API (`wasm/js/index.js`
//! and `index.d.ts`, copied into `pkg/` by `scripts/build-wasm.sh`) wraps
//! them. Configs come in and reports go out as JSON text made by the same
//! serde code as the CLI's `--format json`, so the browser sees byte for byte
//! what the native tool prints, and no JS-object glue is compiled in.

use deboiler::{builtin_rules, Cleaner, Config, Family};
use wasm_bindgen::prelude::*;

/// A compiled cleaner.
#[wasm_bindgen(js_name = Cleaner)]
pub struct WasmCleaner {
    inner: Cleaner,
}

#[wasm_bindgen(js_class = Cleaner)]
impl WasmCleaner {
    /// Builds a cleaner from a config as JSON text (`{preset, disable,
    /// enable, rules, packs, keep_markup}`, all optional; none: the
    /// defaults); throws on an invalid config, naming the field.
    #[wasm_bindgen(constructor)]
    pub fn new(config_json: Option<String>) -> Result<WasmCleaner, JsError> {
        let config = match config_json {
            None => Config::default(),
            Some(json) => Config::from_json(&json)?,
        };
        Ok(WasmCleaner {
            inner: Cleaner::new(config)?,
        })
    }

    /// Only the plain output (headline, blank line, body), as the CLI prints it.
    #[wasm_bindgen(js_name = cleanText)]
    pub fn clean_text(&self, text: &str) -> String {
        self.inner.clean(text).rendered()
    }

    /// The report as JSON text, identical to `deboiler --format json`.
    #[wasm_bindgen(js_name = cleanJson)]
    pub fn clean_json(&self, text: &str) -> Result<String, JsError> {
        Ok(serde_json::to_string(&self.inner.clean(text))?)
    }
}

/// Every built-in rule as JSON text: `[{code, name, family, doc}]` (`doc`
/// is the rule's one-line summary in this build).
#[wasm_bindgen(js_name = rulesJson)]
pub fn rules_json() -> Result<String, JsError> {
    Ok(serde_json::to_string(&builtin_rules())?)
}

/// The family names, in display order.
#[wasm_bindgen]
pub fn families() -> Vec<String> {
    Family::ALL.iter().map(|f| f.as_str().to_string()).collect()
}
