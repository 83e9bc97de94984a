//! The phrase automaton's alphabet (see [`Alphabet`]).

/// The automaton's alphabet: each byte that occurs in a phrase gets its own
/// code (an ASCII capital that of its small letter), numbered from 1, and
/// every other byte the code 0, which no phrase holds. Matching the coded
/// line against the coded phrases finds exactly the ASCII-case-insensitive
/// matches of the phrases in the line, at the same offsets, but the DFA's
/// rows need only as many columns as the phrases have distinct bytes (under
/// 64 for the built-in lists, against over 64 for raw bytes with the
/// capitals as extra classes), which halves it and keeps more of it in the
/// cache.
pub(super) struct Alphabet(pub(super) [u8; 256]);

impl Alphabet {
    /// The alphabet of `patterns`. Capitals share their small letters'
    /// codes, so at most 230 bytes need one and every code fits in a byte.
    pub(super) fn of(patterns: &[String]) -> Alphabet {
        let mut seen = [false; 256];
        for p in patterns {
            for &b in p.as_bytes() {
                seen[usize::from(b.to_ascii_lowercase())] = true;
            }
        }
        let mut codes = [0u8; 256];
        let mut next = 0u8;
        for b in 0..256 {
            if seen[b] {
                next += 1;
                codes[b] = next;
            }
        }
        for b in b'A'..=b'Z' {
            codes[usize::from(b)] = codes[usize::from(b.to_ascii_lowercase())];
        }
        Alphabet(codes)
    }

    /// Each of `patterns` in this alphabet.
    pub(super) fn encode_all(&self, patterns: &[String]) -> Vec<Vec<u8>> {
        let mut coded = Vec::new();
        patterns
            .iter()
            .map(|p| {
                self.encode(p.as_bytes(), &mut coded);
                coded.clone()
            })
            .collect()
    }

    /// `text` in this alphabet, written into `out`.
    pub(super) fn encode(&self, text: &[u8], out: &mut Vec<u8>) {
        out.clear();
        out.extend(text.iter().map(|&b| self.0[usize::from(b)]));
    }
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;
    use aho_corasick::{AhoCorasick, AhoCorasickKind};

    /// Every match of `phrases` in `text`, ASCII case folded, as (pattern, start, end).
    pub(in crate::engine) fn matches_coded(
        phrases: &[String],
        text: &str,
    ) -> Vec<(usize, usize, usize)> {
        let alphabet = Alphabet::of(phrases);
        let automaton = AhoCorasick::builder()
            .kind(Some(AhoCorasickKind::DFA))
            .build(alphabet.encode_all(phrases))
            .unwrap();
        let mut coded = Vec::new();
        alphabet.encode(text.as_bytes(), &mut coded);
        automaton
            .find_overlapping_iter(&coded)
            .map(|m| (m.pattern().as_usize(), m.start(), m.end()))
            .collect()
    }

    fn matches_folded(phrases: &[String], text: &str) -> Vec<(usize, usize, usize)> {
        let automaton = AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .kind(Some(AhoCorasickKind::DFA))
            .build(phrases)
            .unwrap();
        automaton
            .find_overlapping_iter(text)
            .map(|m| (m.pattern().as_usize(), m.start(), m.end()))
            .collect()
    }

    #[test]
    fn the_alphabet_folds_capitals_and_lumps_other_bytes() {
        let alphabet = Alphabet::of(&["ab".to_string(), "ä".to_string()]);
        let mut coded = Vec::new();
        alphabet.encode("AbZä!".as_bytes(), &mut coded);
        let (a, b) = (alphabet.0[usize::from(b'a')], alphabet.0[usize::from(b'b')]);
        assert_ne!(a, 0);
        assert_ne!(a, b);
        assert_eq!(&coded[..3], &[a, b, 0]);
        assert!(coded[3] != 0 && coded[4] != 0 && coded[3] != coded[4]);
        assert_eq!(coded[5], 0);
    }

    proptest::proptest! {
        #[test]
        fn coded_matches_are_the_case_folded_matches(text in "[aAbBcC äÄé.-]{0,40}") {
            let phrases: Vec<String> = ["ab", "b c", "äb", "a-", "cc", "é."]
                .iter()
                .map(|p| p.to_string())
                .collect();
            proptest::prop_assert_eq!(matches_coded(&phrases, &text), matches_folded(&phrases, &text));
        }
    }
}
