//! The batch CLI against hostile and damaged input: every record in is a
//! record written or a reported error, the exit code says when anything was
//! not written, and no temporary file is left behind. Numbers in the test
//! names are the cases of the reliability review.

mod common;

use common::{balance, deboiler, fixture, json_lines, page, read_jsonl, records, walk};
use flate2::write::GzEncoder;
use predicates::prelude::*;
use std::io::Write;
use std::path::Path;

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut encoder = GzEncoder::new(Vec::new(), flate2::Compression::fast());
    encoder.write_all(bytes).unwrap();
    encoder.finish().unwrap()
}

fn leftovers(dir: &Path) -> Vec<std::path::PathBuf> {
    walk(dir)
        .into_iter()
        .filter(|p| p.to_string_lossy().contains(".deboiler-"))
        .collect()
}

/// A WET conversion record around `text`, with `eol` line ends.
fn wet_record(n: usize, text: &str, eol: &str) -> String {
    format!(
        "WARC/1.0{eol}WARC-Type: conversion{eol}WARC-Record-ID: <urn:uuid:{n}>{eol}Content-Length: {}{eol}{eol}{text}{eol}{eol}",
        text.len()
    )
}

#[test]
fn case_01_inputs_with_the_same_output_name_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    for sub in ["d1", "d2"] {
        std::fs::create_dir(dir.path().join(sub)).unwrap();
        std::fs::write(dir.path().join(sub).join("a.txt"), page(1)).unwrap();
    }
    let out = dir.path().join("out");
    deboiler()
        .arg("-o")
        .arg(&out)
        .arg(dir.path().join("d1/a.txt"))
        .arg(dir.path().join("d2/a.txt"))
        .assert()
        .code(2)
        .stderr(predicate::str::contains("d1/a.txt").and(predicate::str::contains("d2/a.txt")));
    assert!(walk(&out).is_empty());
    // x.jsonl, x.jsonl.gz and x.wet would all become x.jsonl.
    let shards = dir.path().join("shards");
    std::fs::create_dir(&shards).unwrap();
    std::fs::write(shards.join("x.jsonl"), records(3)).unwrap();
    std::fs::write(shards.join("x.jsonl.gz"), gzip(records(3).as_bytes())).unwrap();
    std::fs::write(shards.join("x.wet"), wet_record(1, &page(1), "\r\n")).unwrap();
    deboiler()
        .arg("-o")
        .arg(&out)
        .arg(&shards)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("would be both"));
}

#[test]
fn case_02_warc_with_lf_line_ends_junk_and_a_cut_record() {
    let dir = tempfile::tempdir().unwrap();
    let lf = dir.path().join("lf.wet");
    let body: String = (0..3).map(|n| wet_record(n, &page(n), "\n")).collect();
    std::fs::write(&lf, &body).unwrap();
    let out = deboiler().arg("-q").arg(&lf).assert().success();
    assert_eq!(json_lines(&out.get_output().stdout).len(), 3);

    // Not WARC at all: an error naming the file and the byte, exit 1.
    let junk = dir.path().join("junk.wet");
    std::fs::write(&junk, "this is not a WARC file\nat all\n").unwrap();
    deboiler()
        .arg(&junk)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("junk.wet#1 (byte 0)"));
    deboiler()
        .args(["--input-format", "warc"])
        .arg(fixture("records.jsonl"))
        .assert()
        .code(1)
        .stderr(predicate::str::contains("not a WARC record"));

    // The last record cut inside its headers: two written, one reported.
    let cut = dir.path().join("cut.wet");
    let third = wet_record(3, &page(3), "\r\n");
    std::fs::write(&cut, format!("{}{}", &body, &third[..20])).unwrap();
    let run = deboiler().arg(&cut).assert().code(1);
    let run = run.get_output();
    assert!(String::from_utf8_lossy(&run.stderr).contains("truncated record"));
    assert_eq!(balance(&run.stderr), (4, 4, 0, 1));
}

#[test]
fn case_03_pass_through_fields_keep_their_exact_values() {
    let line = r#"{"id":123456789012345678901234567890,"b":18446744073709551616,"e":1E2,"f":0.1000000000000000055511151231257827,"text":"The council met on Tuesday evening to discuss the budget for the coming year, and the debate went on for several hours."}"#;
    let out = deboiler()
        .args(["-q", "--jsonl"])
        .write_stdin(format!("{line}\n"))
        .assert()
        .success();
    let out = String::from_utf8_lossy(&out.get_output().stdout).to_string();
    for field in [
        r#""id":123456789012345678901234567890"#,
        r#""b":18446744073709551616"#,
        r#""e":1E2"#,
        r#""f":0.1000000000000000055511151231257827"#,
    ] {
        assert!(out.contains(field), "{field} not in {out}");
    }
}

#[cfg(unix)]
#[test]
fn case_04_links_are_followed_and_every_skipped_entry_is_counted() {
    let dir = tempfile::tempdir().unwrap();
    let pages = dir.path().join("pages");
    std::fs::create_dir(&pages).unwrap();
    let elsewhere = dir.path().join("elsewhere.txt");
    std::fs::write(&elsewhere, page(1)).unwrap();
    std::fs::write(pages.join("a.txt"), page(2)).unwrap();
    std::os::unix::fs::symlink(&elsewhere, pages.join("linked.txt")).unwrap();
    std::os::unix::fs::symlink(dir.path().join("gone.txt"), pages.join("dangling.txt")).unwrap();
    std::os::unix::fs::symlink(&pages, pages.join("loop")).unwrap();
    let fifo = pages.join("pipe.txt");
    assert!(std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap()
        .success());
    let out = dir.path().join("out");
    let run = deboiler().arg("-o").arg(&out).arg(&pages).assert().code(1);
    let stderr = String::from_utf8_lossy(&run.get_output().stderr).to_string();
    assert!(
        stderr.contains("dangling.txt") && stderr.contains("pipe.txt"),
        "{stderr}"
    );
    assert!(stderr.contains("3 folder entries skipped"), "{stderr}");
    assert!(out.join("linked.txt").exists() && out.join("a.txt").exists());
}

#[test]
fn case_05_a_read_error_keeps_the_records_before_it() {
    let dir = tempfile::tempdir().unwrap();
    let whole = gzip(records(700).as_bytes());
    let cut = dir.path().join("cut.jsonl.gz");
    std::fs::write(&cut, &whole[..whole.len() * 2 / 3]).unwrap();
    let run = deboiler().arg(&cut).assert().code(1);
    let run = run.get_output();
    let written = json_lines(&run.stdout);
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(
        written.len() > 400,
        "only {} records written",
        written.len()
    );
    assert!(
        stderr.contains("cut.jsonl.gz") && stderr.contains("read error"),
        "{stderr}"
    );
    let (records_in, out, skipped, errors) = balance(&run.stderr);
    assert_eq!(records_in, out + skipped);
    assert_eq!(errors, 1);
    // Under -o the part that was read is kept, under a name that says so.
    let out_dir = dir.path().join("out");
    deboiler()
        .arg("-o")
        .arg(&out_dir)
        .arg(&cut)
        .assert()
        .code(1);
    let partial = read_jsonl(&out_dir.join("cut.jsonl.partial"));
    assert_eq!(partial.len(), written.len());
    assert!(!out_dir.join("cut.jsonl").exists() && leftovers(&out_dir).is_empty());
    // Zero padding after the last member, which zcat accepts, loses nothing.
    let padded = dir.path().join("padded.jsonl.gz");
    let mut bytes = gzip(records(100).as_bytes());
    bytes.extend([0u8; 512]);
    std::fs::write(&padded, bytes).unwrap();
    let run = deboiler().arg(&padded).assert().success();
    assert_eq!(json_lines(&run.get_output().stdout).len(), 100);
}

#[test]
fn case_06_a_bad_content_length_costs_one_record() {
    let dir = tempfile::tempdir().unwrap();
    let good: Vec<String> = (0..4).map(|n| wet_record(n, &page(n), "\r\n")).collect();
    let bad = good[1].replacen("Content-Length: ", "Content-Length: 9", 1);
    let path = dir.path().join("bad-length.wet");
    std::fs::write(&path, format!("{}{bad}{}{}", good[0], good[2], good[3])).unwrap();
    let run = deboiler().arg(&path).assert().code(1);
    let ids: Vec<String> = json_lines(&run.get_output().stdout)
        .iter()
        .filter_map(|r| r["WARC-Record-ID"].as_str().map(str::to_string))
        .collect();
    assert_eq!(ids, ["<urn:uuid:0>", "<urn:uuid:2>", "<urn:uuid:3>"]);
}

#[test]
fn case_07_an_output_path_that_is_an_input_or_another_output_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("a.jsonl");
    std::fs::write(&input, records(2)).unwrap();
    let out = dir.path().join("out");
    deboiler()
        .arg("-o")
        .arg(&out)
        .arg("--report")
        .arg(out.join("a.jsonl"))
        .arg(&input)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--report"));
    deboiler()
        .arg("--report")
        .arg(&input)
        .arg(&input)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("is an input"));
    assert_eq!(std::fs::read_to_string(&input).unwrap(), records(2));
    // A folder as the report: refused before anything is written.
    deboiler()
        .arg("--report")
        .arg(dir.path())
        .arg(&input)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("is a folder"));
    assert!(leftovers(dir.path()).is_empty());
}

#[test]
fn case_08_a_byte_order_mark_and_lone_surrogates_are_read() {
    let text = "The council met on Tuesday evening to discuss the budget for the coming year, and the debate went on for several hours.";
    let input = format!(
        "\u{feff}{{\"id\": 1, \"text\": \"{text}\"}}\n{{\"id\": 2, \"text\": \"caf\\udce9 {text}\"}}\n"
    );
    let run = deboiler()
        .arg("--jsonl")
        .write_stdin(input)
        .assert()
        .success()
        .stderr(predicate::str::contains("surrogate"));
    let out = json_lines(&run.get_output().stdout);
    assert_eq!(out.len(), 2);
    assert_eq!(out[0]["id"], 1);
    assert!(out[1]["text"].as_str().unwrap().starts_with("caf\u{fffd} "));
}

#[test]
fn case_09_annotate_never_overwrites_a_field() {
    let line = serde_json::json!({"id": 1, "deboiler": "mine", "text": page(1)});
    let run = deboiler()
        .args(["--jsonl", "--annotate"])
        .write_stdin(format!("{line}\n"))
        .assert()
        .code(1)
        .stderr(predicate::str::contains("already has a \"deboiler\" field"));
    let out = json_lines(&run.get_output().stdout);
    assert!(out[0]["raw"].as_str().unwrap().contains("\"mine\""));
}

#[test]
fn case_11_jobs_are_capped_and_zero_is_refused() {
    deboiler()
        .args(["-j", "10000", "-q"])
        .arg(fixture("pages/the-week.txt"))
        .assert()
        .success()
        .stderr(predicate::str::contains("per core"));
    deboiler()
        .args(["-j", "0"])
        .arg(fixture("pages/the-week.txt"))
        .assert()
        .code(2);
}

#[test]
fn case_14_plain_text_folders_are_cleaned_in_input_order() {
    let dir = tempfile::tempdir().unwrap();
    for n in 0..150 {
        std::fs::write(dir.path().join(format!("{n:03}.txt")), page(n)).unwrap();
    }
    let run = deboiler()
        .args(["-j", "2"])
        .arg(dir.path())
        .assert()
        .success();
    let stdout = String::from_utf8_lossy(&run.get_output().stdout).to_string();
    let headers: Vec<&str> = stdout.lines().filter(|l| l.starts_with("==> ")).collect();
    assert_eq!(headers.len(), 150);
    assert!(headers[149].contains("149.txt"));
    assert_eq!(balance(&run.get_output().stderr), (150, 150, 0, 0));
}

#[cfg(unix)]
#[test]
fn case_15_16_write_failures_exit_3_and_leave_no_temporary_file() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("big.jsonl");
    std::fs::write(&input, records(3000)).unwrap();
    let out = dir.path().join("out");
    // A file-size limit (ulimit -f, in 512-byte blocks) hit while writing.
    let bin = assert_cmd::cargo::cargo_bin("deboiler");
    let status = std::process::Command::new("sh")
        .arg("-c")
        .arg(format!(
            "ulimit -f 200; exec '{}' -q -o '{}' '{}'",
            bin.display(),
            out.display(),
            input.display()
        ))
        .stderr(std::process::Stdio::piped())
        .output()
        .unwrap();
    assert_eq!(status.status.code(), Some(3), "{status:?}");
    assert!(String::from_utf8_lossy(&status.stderr).contains("cannot write"));
    assert!(walk(&out).is_empty(), "left behind: {:?}", walk(&out));
    // Standard output on a full device.
    if Path::new("/dev/full").exists() {
        let full = std::fs::OpenOptions::new()
            .write(true)
            .open("/dev/full")
            .unwrap();
        let status = std::process::Command::new(&bin)
            .arg(&input)
            .stdout(full)
            .stderr(std::process::Stdio::piped())
            .output()
            .unwrap();
        assert_eq!(status.status.code(), Some(3));
    }
    // The reader goes away before the end: the report is not left half-made.
    let report = dir.path().join("report.jsonl");
    let run = std::process::Command::new("sh")
        .arg("-c")
        .arg(format!(
            "'{}' --report '{}' '{}' | head -1 > /dev/null",
            bin.display(),
            report.display(),
            input.display()
        ))
        .stderr(std::process::Stdio::piped())
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&run.stderr).contains("--report not written"));
    assert!(leftovers(dir.path()).is_empty() && !report.exists());
}

#[test]
fn case_17_a_long_file_name_and_an_empty_user_regex() {
    let dir = tempfile::tempdir().unwrap();
    let name = format!("{}.txt", "n".repeat(246));
    std::fs::write(dir.path().join(&name), page(1)).unwrap();
    let out = dir.path().join("out");
    deboiler()
        .arg("-o")
        .arg(&out)
        .arg(dir.path().join(&name))
        .assert()
        .success();
    assert!(out.join(&name).exists());
    let config = dir.path().join("config.toml");
    std::fs::write(&config, "[[rules]]\nname = \"all\"\nregex = \"\"\n").unwrap();
    deboiler()
        .arg("--config")
        .arg(&config)
        .arg(dir.path().join(&name))
        .assert()
        .code(2)
        .stderr(predicate::str::contains("empty string"));
}
