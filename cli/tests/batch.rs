//! The batch CLI on committed fixtures (`tests/fixtures/batch/`): folders,
//! JSON Lines (plain, gzip, nested fields), WET, bad input, interruption.

mod common;

use common::{balance, deboiler, fixture, json_lines, read_jsonl, records, walk};
use predicates::prelude::*;
use serde_json::Value;

#[test]
fn a_folder_tree_is_mirrored_cleaned() {
    let out = tempfile::tempdir().unwrap();
    deboiler()
        .arg("-o")
        .arg(out.path())
        .arg(fixture("pages"))
        .assert()
        .success();
    for name in ["the-week.txt", "sub/rolling-stone.txt", "notes.md"] {
        let input = std::fs::read_to_string(fixture("pages").join(name)).unwrap();
        let output = std::fs::read_to_string(out.path().join(name)).unwrap();
        assert_eq!(output, deboiler::clean(&input).rendered(), "{name}");
    }
    // An empty page gives an empty file, not an error.
    assert_eq!(
        std::fs::read_to_string(out.path().join("empty.txt")).unwrap(),
        ""
    );
    // No temporary file is left behind.
    let leftovers: Vec<_> = walk(out.path())
        .into_iter()
        .filter(|p| p.to_string_lossy().contains(".deboiler-"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn extension_and_glob_filters_select_files() {
    let out = tempfile::tempdir().unwrap();
    deboiler()
        .args(["--ext", "txt", "--glob", "sub/**", "-o"])
        .arg(out.path())
        .arg(fixture("pages"))
        .assert()
        .success();
    assert!(out.path().join("sub/rolling-stone.txt").exists());
    assert!(!out.path().join("the-week.txt").exists());
    assert!(!out.path().join("notes.md").exists());
}

#[test]
fn jsonl_records_round_trip_plain_and_gzipped() {
    let input = read_jsonl(&fixture("records.jsonl"));
    for file in ["records.jsonl", "records.jsonl.gz"] {
        let out = deboiler().arg(fixture(file)).assert().success();
        let records = json_lines(&out.get_output().stdout);
        assert_eq!(records.len(), input.len(), "{file}");
        for (before, after) in input.iter().zip(&records) {
            for key in ["id", "meta", "tags"] {
                assert_eq!(
                    before.get(key),
                    after.get(key),
                    "{file}: field {key} changed"
                );
            }
            let text = before["text"].as_str().unwrap();
            assert_eq!(after["text"], deboiler::clean(text).text());
            assert!(after.get("title").is_some());
        }
    }
}

#[test]
fn nested_text_fields_are_cleaned_in_place() {
    let out = deboiler()
        .args([
            "--text-field",
            "doc.body.text",
            "--id-field",
            "doc.id",
            "--annotate",
        ])
        .arg(fixture("nested.jsonl"))
        .assert()
        .success();
    let records = json_lines(&out.get_output().stdout);
    assert_eq!(records.len(), 3);
    assert_eq!(records[2]["keep"], 2);
    assert_eq!(
        records[2]["doc"]["body"]["text"],
        "The river rose by two metres overnight, and the town's old bridge was closed before dawn as a precaution."
    );
    assert!(records[0]["deboiler"]["lines_removed"].as_u64().unwrap() > 10);
}

#[test]
fn wet_conversion_records_become_jsonl_with_their_headers() {
    let out = deboiler()
        .arg(fixture("sample.warc.wet.gz"))
        .assert()
        .success();
    let records = json_lines(&out.get_output().stdout);
    assert_eq!(
        records.len(),
        2,
        "one record per conversion record, none for warcinfo"
    );
    assert_eq!(
        records[0]["WARC-Target-URI"],
        "https://example.com/the-week"
    );
    assert_eq!(
        records[1]["WARC-Record-ID"],
        "<urn:uuid:00000000-0000-4000-8000-000000000002>"
    );
    let text = records[0]["text"].as_str().unwrap();
    assert!(text.contains("Tehran fired the 22 short-range missiles"));
    assert!(!text.contains("Sign up for The Week"));
}

#[test]
fn bad_records_are_named_passed_through_and_counted() {
    let out = deboiler()
        .arg(fixture("bad.jsonl"))
        .arg(fixture("empty.jsonl"))
        .arg(fixture("pages/empty.txt"))
        .assert()
        .code(1)
        .stderr(predicate::str::contains("bad.jsonl:2: invalid JSON"))
        .stderr(predicate::str::contains(
            "bad.jsonl:3: record has no \"text\" field",
        ))
        .stderr(predicate::str::contains(
            "bad.jsonl:4: invalid UTF-8 at byte 29",
        ))
        .stderr(predicate::str::contains("bad.jsonl:5: not a JSON object"))
        .stderr(predicate::str::contains(
            "records: 6 in = 6 written + 0 skipped; 3 errors",
        ));
    let stdout = String::from_utf8_lossy(&out.get_output().stdout).into_owned();
    let records: Vec<Value> = stdout
        .lines()
        .filter(|l| l.starts_with('{'))
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(records.len(), 5);
    assert_eq!(
        records[1]["source"],
        format!("{}:2", fixture("bad.jsonl").display())
    );
    assert_eq!(records[1]["raw"], "{\"id\": \"broken\", \"text\":");
    assert!(records[3]["text"]
        .as_str()
        .unwrap()
        .starts_with("Caf\u{fffd} society"));
}

#[test]
fn skipped_bad_records_still_balance_and_strict_refuses_bad_utf8() {
    deboiler()
        .args(["--on-error", "skip"])
        .arg(fixture("bad.jsonl"))
        .assert()
        .code(1)
        .stdout(predicate::function(|s: &str| s.lines().count() == 2))
        .stderr(predicate::str::contains(
            "records: 5 in = 2 written + 3 skipped; 3 errors",
        ));
    deboiler()
        .args(["--strict", "--on-error", "skip"])
        .arg(fixture("bad.jsonl"))
        .assert()
        .code(1)
        .stdout(predicate::function(|s: &str| s.lines().count() == 1))
        .stderr(predicate::str::contains(
            "bad.jsonl:4: invalid UTF-8 at byte 29",
        ));
}

#[test]
fn an_input_is_never_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("the-week.txt");
    std::fs::copy(fixture("pages/the-week.txt"), &page).unwrap();
    let before = std::fs::read(&page).unwrap();
    deboiler()
        .arg("-o")
        .arg(dir.path())
        .arg(&page)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("never overwrites its inputs"));
    assert_eq!(std::fs::read(&page).unwrap(), before);
}

#[test]
fn an_interrupted_run_leaves_no_partial_output() {
    let dir = tempfile::tempdir().unwrap();
    let big = dir.path().join("big.jsonl");
    let page = std::fs::read_to_string(fixture("pages/the-week.txt")).unwrap();
    let line = serde_json::json!({"id": 0, "text": page}).to_string();
    std::fs::write(&big, format!("{line}\n").repeat(40_000)).unwrap();
    let out = dir.path().join("out");
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("deboiler"))
        .args(["-q", "-j", "1", "-o"])
        .arg(&out)
        .arg(&big)
        .spawn()
        .unwrap();
    // Wait until the output is being written, then stop the run.
    let started = std::time::Instant::now();
    while walk(&out).is_empty() && started.elapsed().as_secs() < 30 {
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    std::thread::sleep(std::time::Duration::from_millis(200));
    std::process::Command::new("kill")
        .arg("-TERM")
        .arg(child.id().to_string())
        .status()
        .unwrap();
    let status = child.wait().unwrap();
    assert_eq!(status.code(), Some(143), "128 + SIGTERM");
    assert!(walk(&out).is_empty(), "left behind: {:?}", walk(&out));
}

#[test]
fn help_shows_an_example_for_each_input_kind() {
    deboiler()
        .arg("--help")
        .assert()
        .success()
        .stdout(predicate::str::contains("Plain text"))
        .stdout(predicate::str::contains("Folders"))
        .stdout(predicate::str::contains("JSON Lines"))
        .stdout(predicate::str::contains("WET"));
}

#[test]
fn a_closed_pipe_ends_the_run_quietly() {
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("deboiler"))
        .arg(fixture("records.jsonl"))
        .arg(fixture("records.jsonl"))
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let output = child.wait_with_output().unwrap();
    assert!(
        !String::from_utf8_lossy(&output.stderr).contains("error"),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
}

#[test]
fn cleaning_the_jsonl_output_again_changes_no_text() {
    let first = deboiler()
        .args(["-q", "--jsonl"])
        .arg("../tests/fixtures/regression.jsonl")
        .assert()
        .success();
    let first = first.get_output().stdout.clone();
    let second = deboiler()
        .args(["-q", "--jsonl"])
        .write_stdin(first.clone())
        .assert()
        .success();
    let before = json_lines(&first);
    let after = json_lines(&second.get_output().stdout);
    assert_eq!(before.len(), 68);
    for (a, b) in before.iter().zip(&after) {
        assert_eq!(a["text"], b["text"], "{}", a["id"]);
        assert_eq!(a["title"], b["title"], "{}", a["id"]);
    }
}

#[test]
fn records_of_several_batches_come_out_in_input_order_every_one_counted() {
    // More records than a batch holds (2,048 a job), one of them broken:
    // reading, cleaning and writing overlap from batch to batch, and the
    // output keeps the input's order and count.
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("many.jsonl");
    let mut lines: Vec<String> = records(5000).lines().map(String::from).collect();
    lines[2500] = "{\"id\": 2500, \"text\":".to_string();
    std::fs::write(&input, lines.join("\n") + "\n").unwrap();
    for jobs in ["1", "2"] {
        let out = deboiler().args(["-j", jobs]).arg(&input).assert().code(1);
        let output = out.get_output();
        assert_eq!(balance(&output.stderr), (5000, 5000, 0, 1), "-j {jobs}");
        let written = json_lines(&output.stdout);
        assert_eq!(written.len(), 5000);
        for (i, record) in written.iter().enumerate() {
            if i == 2500 {
                assert!(record["raw"].as_str().is_some_and(|r| r.contains("2500")));
            } else {
                assert_eq!(record["id"], i, "-j {jobs}");
                assert!(record["text"]
                    .as_str()
                    .unwrap()
                    .contains(&format!("number {i} ")));
            }
        }
    }
}
