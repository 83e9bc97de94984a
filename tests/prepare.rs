//! `deboiler::prepare` compiles every built-in pattern the rules use: once it
//! has run, cleaning the committed pages compiles none. (Its own test
//! binary, so that no other test compiles patterns of its own meanwhile.)

use deboiler::{Cleaner, Config};

#[test]
fn after_prepare_cleaning_compiles_no_pattern() {
    let cleaner = Cleaner::new(Config::default()).unwrap();
    deboiler::prepare();
    let prepared = deboiler::compiled_patterns();
    assert!(prepared >= 10, "{prepared} patterns");
    let fixtures = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let regression = std::fs::read_to_string(fixtures.join("regression.jsonl")).unwrap();
    let mut pages: Vec<String> = regression
        .lines()
        .map(|line| {
            let record: serde_json::Value = serde_json::from_str(line).unwrap();
            record["text"].as_str().unwrap().to_string()
        })
        .collect();
    for seed in ["rolling-stone-iran-strike", "the-week-iran-missiles"] {
        pages.push(std::fs::read_to_string(fixtures.join(format!("seeds/{seed}.txt"))).unwrap());
    }
    for page in &pages {
        cleaner.clean(page).decisions().count();
    }
    assert_eq!(
        deboiler::compiled_patterns(),
        prepared,
        "a pattern was compiled after `prepare`: force it in its rule's `prepare`"
    );
}
