//! WebAssembly bindings (`wasm-bindgen`): a thin layer over [`deboiler::Cleaner`].
//!
//! Reports cross the boundary as JSON text produced by the same serde code as
//! the CLI's `--format json`, so the browser sees byte for byte what the
//! native tool prints.

use deboiler::{builtin_rules, Cleaner, Config, Family};
use wasm_bindgen::prelude::*;

/// A compiled cleaner (JS: `new Cleaner(config?)`).
#[wasm_bindgen(js_name = Cleaner)]
pub struct WasmCleaner {
    inner: Cleaner,
}

#[wasm_bindgen(js_class = Cleaner)]
impl WasmCleaner {
    /// Builds a cleaner from a config object (`{preset, disable, enable, rules,
    /// keep_markup}`, all optional); throws on an invalid config.
    #[wasm_bindgen(constructor)]
    pub fn new(config: JsValue) -> Result<WasmCleaner, JsError> {
        let config = if config.is_undefined() || config.is_null() {
            Config::default()
        } else {
            let json = js_sys::JSON::stringify(&config)
                .map_err(|_| JsError::new("the config cannot be turned into JSON"))?;
            Config::from_json(&String::from(json))?
        };
        Ok(WasmCleaner {
            inner: Cleaner::new(config)?,
        })
    }

    /// Cleans `text`; returns `{title, text, rendered, language, summary, decisions}`.
    pub fn clean(&self, text: &str) -> Result<JsValue, JsError> {
        parse(&self.clean_json(text)?)
    }

    /// Only the plain output (headline, blank line, body), as the CLI prints it.
    #[wasm_bindgen(js_name = cleanText)]
    pub fn clean_text(&self, text: &str) -> String {
        self.inner.clean(text).rendered()
    }

    /// The same report as JSON text, identical to `deboiler --format json`.
    #[wasm_bindgen(js_name = cleanJson)]
    pub fn clean_json(&self, text: &str) -> Result<String, JsError> {
        Ok(serde_json::to_string(&self.inner.clean(text))?)
    }
}

/// Every built-in rule: `[{code, name, family, doc}]`.
#[wasm_bindgen]
pub fn rules() -> Result<JsValue, JsError> {
    parse(&serde_json::to_string(&builtin_rules())?)
}

/// The family names, in display order.
#[wasm_bindgen]
pub fn families() -> Vec<String> {
    Family::ALL.iter().map(|f| f.as_str().to_string()).collect()
}

fn parse(json: &str) -> Result<JsValue, JsError> {
    js_sys::JSON::parse(json).map_err(|_| JsError::new("internal error: invalid JSON report"))
}
