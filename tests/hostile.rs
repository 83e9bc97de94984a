//! Inputs meant to break a cleaner: huge lines, control characters, broken
//! encodings, mirrored scripts, endless repetition, pages of only noise or
//! only article. Each must be cleaned without a panic and with the documented
//! result. (How long they take is measured by `deboiler bench`, not here.)

use deboiler::clean;

const ARTICLE: &str = "The council met on Tuesday evening to discuss the budget for the coming year, and the debate went on for several hours.\n\
Members argued about the cost of repairing the old bridge, which has been closed to traffic since the floods in the spring.\n\
In the end they agreed to ask the regional government for help, although nobody was sure that the money would arrive in time.\n";

#[test]
fn a_20_mb_line_without_newline() {
    let sentence = "the river rose again and the bridge was closed for the night ";
    let input = sentence.repeat(20 * 1024 * 1024 / sentence.len());
    let cleaned = clean(&input);
    assert_eq!(cleaned.decisions().len(), 1);
    assert_eq!(cleaned.decision(0).unwrap().span, 0..input.len());
}

#[test]
fn nul_and_control_characters_are_dropped_not_fatal() {
    let input = format!("\0\u{1}\u{7}Sub\0scribe\u{1b}[0m\n{ARTICLE}\u{7f}\u{85}\n");
    let cleaned = clean(&input);
    assert!(!cleaned.text().contains('\0'));
    assert!(cleaned.text().contains("The council met"));
}

#[test]
fn lossy_decoded_garbage_is_cleaned() {
    let mut bytes = ARTICLE.as_bytes().to_vec();
    bytes.extend_from_slice(&[0xff, 0xfe, 0xed, 0xa0, 0x80, b'\n', 0xc3]);
    let input = String::from_utf8_lossy(&bytes);
    assert!(clean(&input).text().contains("The council met"));
}

#[test]
fn right_to_left_and_combining_marks() {
    let arabic = "أعلن المجلس يوم الثلاثاء أن الجسر القديم سيبقى مغلقا حتى نهاية الشهر المقبل بسبب أعمال الصيانة الطويلة.\n";
    let combining = "Cafe\u{301} de\u{301}licieux et pa\u{302}tisserie fine, voila\u{300} ce que le quartier attendait depuis des anne\u{301}es.\n";
    let input = format!("{arabic}{arabic}{combining}\u{202E}reversed\u{202C}\n");
    let cleaned = clean(&input);
    assert!(cleaned
        .decisions()
        .all(|d| input.is_char_boundary(d.span.start)));
    let _ = cleaned.rendered();
}

#[test]
fn ten_thousand_copies_of_one_line() {
    let input = "Sign up for our newsletter and never miss a story.\n".repeat(10_000);
    let cleaned = clean(&input);
    assert_eq!(cleaned.decisions().len(), 10_000);
    assert_eq!(cleaned.text(), "");
}

#[test]
fn a_page_of_only_noise_gives_empty_output() {
    let input = "Skip to content\nHome News Sport\nSubscribe\nShare Tweet Email\nWe use cookies to improve your experience. Accept all cookies.\n© 2024 Example Media. All rights reserved.\nPowered by WordPress\n";
    let cleaned = clean(input);
    assert_eq!(cleaned.rendered(), "");
    assert_eq!(cleaned.summary().lines_kept, 0);
}

#[test]
fn a_page_of_only_article_loses_nothing() {
    let cleaned = clean(ARTICLE);
    assert_eq!(
        cleaned.summary().lines_removed,
        0,
        "{:?}",
        cleaned.removed().collect::<Vec<_>>()
    );
}

#[test]
fn empty_and_blank_input() {
    assert_eq!(clean("").rendered(), "");
    assert!(clean("").decisions().len() == 0);
    let blank = clean("\n\n \t\r\n");
    assert_eq!(blank.rendered(), "");
    assert!(blank.decisions().all(|d| d.blank));
}

#[test]
fn a_million_one_character_lines() {
    let input = "a\n".repeat(1_000_000);
    let cleaned = clean(&input);
    assert_eq!(cleaned.decisions().len(), 1_000_000);
}

#[test]
fn a_huge_table_laid_out_in_padded_columns() {
    // 100,000 padded rows of two columns, the second holding sentences: the
    // page is read column by column, every cell decided once.
    let left = "Menu entry";
    let right = ARTICLE.lines().next().unwrap();
    let row = format!("{left:<40}{right}     \n");
    let input = row.repeat(100_000);
    let cleaned = clean(&input);
    // Two cells a row, and a break after each column.
    assert_eq!(cleaned.decisions().len(), 200_002);
    let decided: usize = cleaned.decisions().map(|d| d.span.len()).sum();
    assert_eq!(decided, (left.len() + right.len()) * 100_000);
}
