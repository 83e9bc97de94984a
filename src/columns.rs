//! Tables that a converter laid out in columns, read column by column.
//!
//! inscriptis renders an HTML layout table as padded text: every cell is
//! padded with spaces to its column's width, so one text line holds a slice
//! of each column. A news page framed by a table then prints the left
//! column's headlines and the article's sentences on the same lines:
//!
//! ```text
//! *    U.K jobs under pressure from foreign workers    Twentieth Century Fox and Apple say they will do a deal.
//! *    Merrill Lynch to get big cash boost
//! ```
//!
//! Read line by line, such a page has no line that is only article, and the
//! engine can keep or drop the article only together with the teasers. In
//! the HTML each cell's content comes whole before the next cell's, so the
//! cells are read here in that order instead: the first column's cells top
//! to bottom, a blank line, then the next column's. Each piece is a span of
//! one input line, so the cleaner still prints only input text.
//!
//! Data tables stay row by row, since a row is what their reader needs
//! together: a block is read by columns only if a column after the first
//! holds at least [`PROSE_CELLS`] cells of [`PROSE_WORDS`] words or more
//! (a sentence, not a figure or a label).

use crate::segment::for_each_line;
use std::ops::Range;

/// Spaces that separate two cells; inscriptis pads with at least this many
/// (a sentence has one space between words, a typed text rarely three).
const CELL_GAP: usize = 3;
/// Lines shorter than this (in characters) are never rows of a padded table.
const MIN_ROW_CHARS: usize = 40;
/// Words that make a cell a sentence rather than a value. Set on the
/// inscriptis pages of the dev sets: at 8, a data table whose last column
/// describes each row in a short phrase was read by columns too (one dev
/// page lost 0.05 F1); at 15, fewer layout pages were (dev_ext gained 1.70
/// page points instead of 2.03).
const PROSE_WORDS: usize = 12;
/// Prose cells after the first column that mark a layout table (at 3, the
/// dev sets score nearly the same).
const PROSE_CELLS: usize = 2;
/// Characters between two column starts that make them one column (set on
/// the dev sets' inscriptis pages: 1 changes nothing, 4 reads one page
/// worse, and no start is a real column's this close to another).
const INDENT: usize = 2;
/// Rows with two texts a gap apart that a block needs to be a table.
const MIN_SPLIT_ROWS: usize = 2;

/// One unit of the page in reading order: a whole input line, a table cell,
/// or an empty span that stands for the break between two columns.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Piece {
    /// Bytes of the input.
    pub span: Range<usize>,
    /// 0-based index of the input line the piece is on.
    pub line: u32,
}

/// The page's pieces in reading order when it has a table laid out in
/// columns; `None` when it has none and its lines are read as they are.
pub fn read_order(input: &str) -> Option<Vec<Piece>> {
    // Most converters collapse runs of spaces, and most pages of those that
    // do not only indent: both stop here, before any line is stored.
    if !has_gaps(input.as_bytes()) {
        return None;
    }
    let mut lines = Vec::new();
    for_each_line(input, |span| lines.push(span));
    // Each line's shape, worked out once.
    let rows: Vec<Row> = lines.iter().map(|l| Row::of(&input[l.clone()])).collect();
    let mut pieces = Vec::with_capacity(lines.len());
    let mut split = false;
    let mut i = 0;
    while i < lines.len() {
        if !matches!(rows[i], Row::Cells { .. }) {
            pieces.push(whole(&lines, i));
            i += 1;
            continue;
        }
        let end = (i..lines.len())
            .find(|&j| rows[j] == Row::None)
            .unwrap_or(lines.len());
        match Block::read(input, &lines[i..end], &rows[i..end]) {
            Some(block) if block.is_layout() => {
                block.push_columns(input, &lines[i..end], i, &mut pieces);
                split = true;
            }
            _ => pieces.extend((i..end).map(|j| whole(&lines, j))),
        }
        i = end;
    }
    split.then_some(pieces)
}

/// Calls `each` with the span of every piece of `input`: its lines, or the
/// `pieces` in reading order when it has them.
///
/// `each` is called through a pointer: the work per line is large, and one
/// copy of it serves both kinds of page.
pub fn for_each_piece(
    input: &str,
    pieces: Option<&[Piece]>,
    each: &mut dyn FnMut(std::ops::Range<usize>),
) {
    match pieces {
        Some(pieces) => pieces.iter().for_each(|p| each(p.span.clone())),
        None => for_each_line(input, each),
    }
}

static GAP: once_cell::sync::Lazy<memchr::memmem::Finder<'static>> =
    once_cell::sync::Lazy::new(|| memchr::memmem::Finder::new(&b"   "[..CELL_GAP]));

/// Whether `bytes` hold at least [`MIN_SPLIT_ROWS`] runs of padding with
/// text on both sides (one search over the page; a run is passed whole).
fn has_gaps(bytes: &[u8]) -> bool {
    let (mut from, mut found) = (0, 0);
    while let Some(at) = GAP.find(&bytes[from..]) {
        let start = from + at;
        let mut end = start + CELL_GAP;
        while bytes.get(end) == Some(&b' ') {
            end += 1;
        }
        let text_before = start > 0 && !bytes[start - 1].is_ascii_whitespace();
        let text_after = bytes.get(end).is_some_and(|b| !b.is_ascii_whitespace());
        if text_before && text_after {
            found += 1;
            if found >= MIN_SPLIT_ROWS {
                return true;
            }
        }
        from = end;
    }
    false
}

/// [`str::trim`], ASCII whitespace first by the byte: padded table rows
/// can hold hundreds of spaces.
fn trim(line: &str) -> &str {
    line.trim_ascii().trim()
}

fn whole(lines: &[Range<usize>], i: usize) -> Piece {
    Piece {
        span: lines[i].clone(),
        line: i as u32,
    }
}

/// What a line can be in a padded table.
#[derive(Debug, PartialEq, Eq)]
enum Row {
    /// Not a table row.
    None,
    /// A row of padding only (inscriptis pads empty rows too).
    Padding,
    /// A row with text; `inner_gap`: two of its texts are a gap apart (or
    /// a tab and spaces part them: [`cut`] tells those apart).
    Cells { inner_gap: bool },
}

impl Row {
    fn of(line: &str) -> Row {
        // A character is at most four bytes: only lines short in bytes
        // need their characters counted.
        let short = line.len() < MIN_ROW_CHARS
            || (line.len() < 4 * MIN_ROW_CHARS && line.chars().count() < MIN_ROW_CHARS);
        if short {
            return Row::None;
        }
        let trimmed = trim(line);
        if trimmed.is_empty() {
            return Row::Padding;
        }
        let gap = &"   "[..CELL_GAP];
        let inner_gap = GAP.find(trimmed.as_bytes()).is_some();
        if inner_gap || line.starts_with(gap) || line.ends_with(gap) {
            Row::Cells { inner_gap }
        } else {
            Row::None
        }
    }
}

/// Distinct column starts beyond which a block is not a page layout (a
/// layout has a few columns; a block with more is read row by row, which
/// also bounds the work of reading it by columns).
const MAX_COLUMNS: usize = 32;

/// A cell of a block: where it starts (in characters), its row within the
/// block and its bytes in the input.
struct Cell {
    column: usize,
    row: usize,
    span: Range<usize>,
}

/// A run of table rows, read for its columns. Its cells are not kept: most
/// blocks are data, read row by row, and a block of many rows would hold
/// dozens of bytes a cell; a layout's rows are cut again for its columns.
struct Block {
    /// The distinct column starts, in order.
    columns: Vec<usize>,
    /// Cells of [`PROSE_WORDS`] words or more, by column start.
    prose: Vec<usize>,
}

impl Block {
    /// The block of `rows`, whose shapes are `shapes`.
    fn read(input: &str, rows: &[Range<usize>], shapes: &[Row]) -> Option<Block> {
        // Rows that only indent are never cut.
        let gapped = shapes
            .iter()
            .filter(|r| matches!(r, Row::Cells { inner_gap: true }))
            .count();
        if gapped < MIN_SPLIT_ROWS {
            return None;
        }
        let mut cells = Vec::new();
        let mut columns: Vec<usize> = Vec::new();
        let mut prose: Vec<usize> = Vec::new();
        let mut split_rows = 0;
        for (row, span) in rows.iter().enumerate() {
            let line = &input[span.clone()];
            cells.clear();
            split_rows += usize::from(cut(line, row, span.start, &mut cells));
            for cell in &cells {
                let at = match columns.binary_search(&cell.column) {
                    Ok(at) => at,
                    // Too many columns: stop before a hostile page's every
                    // row is cut.
                    Err(_) if columns.len() == MAX_COLUMNS => return None,
                    Err(at) => {
                        columns.insert(at, cell.column);
                        prose.insert(at, 0);
                        at
                    }
                };
                let words = input[cell.span.clone()].split_whitespace().count();
                prose[at] += usize::from(words >= PROSE_WORDS);
            }
        }
        (split_rows >= MIN_SPLIT_ROWS).then_some(Block { columns, prose })
    }

    /// Whether the block frames text (a layout) rather than holds data:
    /// prose in a column after the first.
    fn is_layout(&self) -> bool {
        self.prose.iter().skip(1).sum::<usize>() >= PROSE_CELLS
    }

    /// The block's cells, column by column, as pieces; `rows` are the
    /// spans of its lines, the first of which is line `first_line`.
    fn push_columns(
        self,
        input: &str,
        rows: &[Range<usize>],
        first_line: usize,
        pieces: &mut Vec<Piece>,
    ) {
        let mut cells = Vec::new();
        for (row, span) in rows.iter().enumerate() {
            cut(&input[span.clone()], row, span.start, &mut cells);
        }
        // Starts a step of indentation apart are one column: inscriptis
        // indents a list or a quote inside a cell by two characters.
        let mut groups: Vec<(usize, usize)> = Vec::new();
        for &start in &self.columns {
            match groups.last_mut() {
                Some((_, last)) if start - *last <= INDENT => *last = start,
                _ => groups.push((start, start)),
            }
        }
        for (from, to) in groups {
            let mut previous: Option<usize> = None;
            let mut last = None;
            let cells = cells.iter().filter(|c| (from..=to).contains(&c.column));
            for cell in cells {
                let line = (first_line + cell.row) as u32;
                // Rows where the column is empty part its paragraphs.
                if previous.is_some_and(|p| cell.row > p + 1) {
                    let at = cell.span.start;
                    pieces.push(Piece { span: at..at, line });
                }
                previous = Some(cell.row);
                last = Some((cell.span.end, line));
                pieces.push(Piece {
                    span: cell.span.clone(),
                    line,
                });
            }
            if let Some((end, line)) = last {
                pieces.push(Piece {
                    span: end..end,
                    line,
                });
            }
        }
    }
}

/// Cuts a padded row into cells and appends them to `cells`; returns
/// whether two texts on the row are a gap apart. A cell is text whose words
/// are at most `CELL_GAP - 1` spaces apart; a lone bullet joins the cell
/// after it. `offset` is where the line starts in the input.
fn cut(line: &str, row: usize, offset: usize, cells: &mut Vec<Cell>) -> bool {
    let mut cutter = Cutter::new(line, row, offset, cells);
    let bytes = line.as_bytes();
    // `column` counts characters; `at` is a byte offset in `line`.
    let (mut at, mut column) = (0, 0);
    while let Some(&byte) = bytes.get(at) {
        // Padding is most of a padded row: a run of spaces at once.
        if byte == b' ' {
            let run = bytes[at..].iter().take_while(|&&b| b == b' ').count();
            cutter.spaces += run;
            (column, at) = (column + run, at + run);
            continue;
        }
        let c = if byte < 0x80 {
            char::from(byte)
        } else {
            match line[at..].chars().next() {
                Some(c) => c,
                None => break,
            }
        };
        cutter.char(column, at, c);
        (at, column) = (at + c.len_utf8(), column + 1);
    }
    cutter.finish()
}

/// The state of [`cut`] along a row, fed a character at a time.
struct Cutter<'r> {
    line: &'r str,
    row: usize,
    offset: usize,
    cells: &'r mut Vec<Cell>,
    /// Where the row's cells start in `cells`.
    first: usize,
    open: Option<Cell>,
    /// Spaces since the last text, and whether anything else came between.
    spaces: usize,
    other: bool,
    gap: bool,
}

impl<'r> Cutter<'r> {
    fn new(line: &'r str, row: usize, offset: usize, cells: &'r mut Vec<Cell>) -> Cutter<'r> {
        let first = cells.len();
        Cutter {
            line,
            row,
            offset,
            cells,
            first,
            open: None,
            spaces: 0,
            other: false,
            gap: false,
        }
    }

    /// Character `column` of the row, `c` at byte `at` of the line (spaces
    /// are counted into `spaces` instead).
    fn char(&mut self, column: usize, at: usize, c: char) {
        if c == ' ' {
            self.spaces += 1;
            return;
        }
        if c.is_whitespace() {
            self.other = true;
            return;
        }
        let (at, end) = (self.offset + at, self.offset + at + c.len_utf8());
        match &mut self.open {
            Some(cell) if self.spaces < CELL_GAP && !self.other => cell.span.end = end,
            _ => {
                if let Some(cell) = self.open.take() {
                    // Only padding marks a table; a tab ends a cell too,
                    // but tab-separated rows are data.
                    self.gap |= !self.other;
                    push_cell(self.cells, self.first, self.line, self.offset, cell);
                }
                self.open = Some(Cell {
                    column,
                    row: self.row,
                    span: at..end,
                });
            }
        }
        (self.spaces, self.other) = (0, false);
    }

    /// Whether two texts were a gap apart, once the last cell is in.
    fn finish(self) -> bool {
        if let Some(cell) = self.open {
            push_cell(self.cells, self.first, self.line, self.offset, cell);
        }
        self.gap
    }
}

/// Appends `cell`, or extends the row's last cell (from index `first` on)
/// over it when that one is a lone bullet.
fn push_cell(cells: &mut Vec<Cell>, first: usize, line: &str, offset: usize, cell: Cell) {
    match cells[first..].last_mut() {
        Some(last)
            if matches!(
                &line[last.span.start - offset..last.span.end - offset],
                "*" | "-" | "+" | "•"
            ) =>
        {
            last.span.end = cell.span.end;
        }
        _ => cells.push(cell),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// [`cut`] a character at a time.
    fn cut_by_chars(line: &str, row: usize, offset: usize, cells: &mut Vec<Cell>) -> bool {
        let mut cutter = Cutter::new(line, row, offset, cells);
        for (column, (at, c)) in line.char_indices().enumerate() {
            cutter.char(column, at, c);
        }
        cutter.finish()
    }

    fn spans(cells: &[Cell]) -> Vec<(usize, usize, Range<usize>)> {
        cells
            .iter()
            .map(|c| (c.column, c.row, c.span.clone()))
            .collect()
    }

    proptest::proptest! {
        #[test]
        fn a_row_is_cut_as_a_character_at_a_time(line in "[ a*\t\u{A0}\u{3000}é]{0,40}", offset in 0usize..5) {
            let (mut fast, mut slow) = (Vec::new(), Vec::new());
            let gap = cut(&line, 3, offset, &mut fast);
            proptest::prop_assert_eq!(gap, cut_by_chars(&line, 3, offset, &mut slow));
            proptest::prop_assert_eq!(spans(&fast), spans(&slow));
        }

        #[test]
        fn trim_is_the_standard_trim(line in "[ a\t\x0B\u{A0}\u{3000}é]{0,12}") {
            proptest::prop_assert_eq!(trim(&line), line.trim());
        }
    }

    /// A padded row: each (column, text) cell at its column.
    fn row(cells: &[(usize, &str)]) -> String {
        let mut line = String::new();
        for &(column, text) in cells {
            let pad = column.saturating_sub(line.chars().count());
            line.push_str(&" ".repeat(pad));
            line.push_str(text);
        }
        line.push_str(&" ".repeat(160usize.saturating_sub(line.chars().count())));
        line
    }

    const SENTENCES: [&str; 4] = [
        "The council approved the new bridge on Tuesday after a long debate about its cost and its route.",
        "Work on the crossing is to start in spring and should take about two years to finish, officials said.",
        "Residents who live near the river had asked for a quieter design and for more trees along the banks.",
        "The mayor said the city would publish the contracts and the final budget before the work begins.",
    ];

    fn layout_page() -> String {
        let headlines = [
            "Rain to wreak havoc on weekend",
            "Shop man describes raid",
            "Council backs parking plan",
            "Stocks fall again",
            "Museum reopens doors",
            "Local team wins final",
        ];
        let mut page = String::from("City News\n\n");
        for (i, headline) in headlines.iter().enumerate() {
            let bullet = format!("*     {headline}");
            let line = match SENTENCES.get(i) {
                Some(sentence) => row(&[(0, &bullet), (50, sentence)]),
                None => row(&[(0, &bullet)]),
            };
            page.push_str(&line);
            page.push('\n');
        }
        page.push_str("\nContact us | About | Privacy\n");
        page
    }

    #[test]
    fn a_layout_table_is_read_column_by_column() {
        let page = layout_page();
        let pieces = read_order(&page).expect("a layout table");
        let texts: Vec<&str> = pieces.iter().map(|p| page[p.span.clone()].trim()).collect();
        // The headlines come first, each with its bullet, then the article's
        // sentences one after the other.
        assert_eq!(texts[2], "*     Rain to wreak havoc on weekend");
        let first = texts.iter().position(|t| *t == SENTENCES[0]).unwrap();
        assert_eq!(&texts[first..first + 4], &SENTENCES[..]);
        // Cells keep the number of the line they are on.
        assert_eq!(pieces[first].line, 2);
        assert_eq!(pieces[2].line, 2);
    }

    #[test]
    fn the_article_of_a_layout_table_is_kept_without_the_headlines_beside_it() {
        let page = layout_page();
        let cleaned = crate::clean(&page);
        let text = cleaned.text();
        for sentence in SENTENCES {
            assert!(text.lines().any(|l| l == sentence), "{text}");
        }
        assert!(!text.contains("Shop man describes raid"), "{text}");
        // Every decision's span is a piece of the input on the line it names.
        for d in cleaned.decisions() {
            let line = page.lines().nth(d.line - 1).unwrap();
            assert!(line.contains(page[d.span.clone()].trim()));
        }
    }

    #[test]
    fn a_list_indented_inside_a_column_stays_in_its_place() {
        let page = [
            row(&[(0, "Home"), (50, SENTENCES[0])]),
            row(&[(0, "News"), (52, "* the first point")]),
            row(&[(0, "Sport"), (52, "* the second point")]),
            row(&[(0, "Weather"), (50, SENTENCES[1])]),
        ]
        .join("\n");
        let pieces = read_order(&page).expect("a layout table");
        let texts: Vec<&str> = pieces
            .iter()
            .map(|p| page[p.span.clone()].trim())
            .filter(|t| !t.is_empty())
            .collect();
        assert_eq!(
            texts[4..],
            [
                SENTENCES[0],
                "* the first point",
                "* the second point",
                SENTENCES[1]
            ]
        );
    }

    #[test]
    fn a_block_with_cells_at_too_many_starts_is_read_line_by_line() {
        // Each row's second cell starts one character further right: no
        // layout has this many columns.
        let rows: Vec<String> = (0..=MAX_COLUMNS)
            .map(|r| row(&[(0, "Menu entry"), (40 + r, SENTENCES[r % 4])]))
            .collect();
        assert_eq!(read_order(&rows.join("\n")), None);
        let aligned: Vec<String> = (0..=MAX_COLUMNS)
            .map(|r| row(&[(0, "Menu entry"), (40, SENTENCES[r % 4])]))
            .collect();
        assert!(read_order(&aligned.join("\n")).is_some());
    }

    #[test]
    fn data_tables_and_plain_pages_are_read_line_by_line() {
        let data = [
            row(&[(4, "Feature"), (50, "Standard"), (60, "PyICU")]),
            row(&[
                (4, "Character names and categories"),
                (50, "yes"),
                (60, "yes"),
            ]),
            row(&[(4, "Case-insensitive search"), (50, "no"), (60, "yes")]),
            row(&[(4, "Transliteration"), (50, "no"), (60, "yes")]),
        ]
        .join("\n");
        assert_eq!(read_order(&data), None);
        let tabs = format!(
            "{}\t\t    {}\n{}\t\t    {}\n",
            "Best for", SENTENCES[0], "Covers", SENTENCES[1]
        );
        assert_eq!(read_order(&tabs), None);
        assert_eq!(read_order(SENTENCES[0]), None);
    }
}
