//! The command-line tool, run as a user would.

use assert_cmd::Command;
use predicates::prelude::*;

const SEED: &str = "../tests/fixtures/seeds/the-week-iran-missiles.txt";

fn deboiler() -> Command {
    Command::cargo_bin("deboiler").expect("binary built")
}

#[test]
fn cleans_a_file_headline_first() {
    deboiler()
        .arg(SEED)
        .assert()
        .success()
        .stdout(predicate::str::starts_with(
            "Iran missiles target US troops: what we know so far\n\n",
        ))
        .stdout(predicate::str::contains("Sign up for").not());
}

#[test]
fn explain_names_rule_and_reason_for_removed_lines() {
    deboiler()
        .args(["--explain", SEED])
        .assert()
        .success()
        .stdout(predicate::str::contains("-     6  NWS001 subscribe-prompt"))
        .stdout(predicate::str::contains("TSR002 byline-teasers"));
}

#[test]
fn jsonl_records_come_out_in_order_with_title() {
    let input = concat!(
        r#"{"id": "a", "text": "Skip to content\nThe river rose by two metres overnight, and the town's old bridge was closed before dawn as a precaution.\nShare on Facebook"}"#,
        "\n",
        r#"{"id": 2, "text": ""}"#,
        "\n"
    );
    let out = deboiler()
        .arg("--jsonl")
        .write_stdin(input)
        .assert()
        .success();
    let stdout = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    let records: Vec<serde_json::Value> = stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(records.len(), 2);
    assert_eq!(records[0]["id"], "a");
    assert_eq!(
        records[0]["text"],
        "The river rose by two metres overnight, and the town's old bridge was closed before dawn as a precaution."
    );
    assert_eq!(records[1]["id"], 2);
    assert_eq!(records[1]["text"], "");
}

#[test]
fn malformed_jsonl_is_reported_with_line_number_and_exit_1() {
    let input = "{\"id\": \"ok\", \"text\": \"Hello there, this is a short page of text.\"}\n{not json\n{\"id\": \"x\"}\n";
    deboiler()
        .arg("--jsonl")
        .write_stdin(input)
        .assert()
        .code(1)
        .stdout(predicate::str::contains("\"id\":\"ok\""))
        .stderr(predicate::str::contains("<stdin>:2: invalid JSON"))
        .stderr(predicate::str::contains(
            "<stdin>:3: record has no \"text\" field",
        ));
}

#[test]
fn bad_config_is_a_usage_error() {
    deboiler()
        .args(["--disable", "NOPE42", SEED])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("NOPE42"));
}

#[test]
fn invalid_utf8_is_decoded_with_a_warning_or_refused_with_strict() {
    let bytes =
        b"The river rose by two metres overnight, and the town\xff old bridge was closed.\n"
            .to_vec();
    deboiler()
        .write_stdin(bytes.clone())
        .assert()
        .success()
        .stderr(predicate::str::contains("invalid UTF-8 at byte 52"));
    deboiler()
        .arg("--strict")
        .write_stdin(bytes)
        .assert()
        .code(1);
}

#[test]
fn rules_lists_every_code_and_rule_shows_docs() {
    deboiler()
        .arg("rules")
        .assert()
        .success()
        .stdout(predicate::str::contains("SVG001"))
        .stdout(predicate::str::contains("STR003"));
    deboiler()
        .args(["rule", "svg001"])
        .assert()
        .success()
        .stdout(predicate::str::contains("Keeps:"));
    deboiler().args(["rule", "XYZ"]).assert().code(2);
}

#[test]
fn missing_file_is_named_and_others_still_cleaned() {
    deboiler()
        .args(["does-not-exist.txt", SEED])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("does-not-exist.txt"))
        .stdout(predicate::str::contains("Iran missiles target US troops"));
}
