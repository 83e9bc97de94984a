//! Many short strings in one buffer: a page's lines cost one allocation and
//! four bytes of bookkeeping each, rather than a string or `Cow` per line.

use std::ops::Index;

/// An append-only list of strings stored end to end.
#[derive(Debug, Clone)]
pub struct Texts {
    buf: String,
    /// Where each string starts in `buf`, then where the last one ends, in
    /// 32 bits while the buffer is under 4 GiB (every page a browser or a
    /// crawler hands over); empty beyond.
    narrow: Vec<u32>,
    /// The same in words once the buffer outgrows 32 bits; empty before.
    /// Looking a bound up in `narrow` first costs no more than the check
    /// that it is there.
    wide: Vec<usize>,
}

impl Texts {
    /// An empty list with room for `lines` strings of `bytes` in all.
    pub fn with_capacity(lines: usize, bytes: usize) -> Texts {
        let mut texts = Texts {
            buf: String::with_capacity(bytes),
            narrow: Vec::new(),
            wide: Vec::new(),
        };
        if u32::try_from(bytes).is_ok() {
            texts.narrow.reserve_exact(lines + 1);
            texts.narrow.push(0);
        } else {
            texts.wide.reserve_exact(lines + 1);
            texts.wide.push(0);
        }
        texts
    }

    /// Appends `text` as the next string.
    #[inline]
    pub fn push(&mut self, text: &str) {
        self.buf.push_str(text);
        let end = self.buf.len();
        match u32::try_from(end) {
            Ok(narrow) if self.wide.is_empty() => self.narrow.push(narrow),
            _ => self.push_wide(end),
        }
    }

    /// Appends a bound past 4 GiB, the bounds widened first if they were not.
    #[cold]
    #[inline(never)]
    fn push_wide(&mut self, end: usize) {
        self.widen();
        self.wide.push(end);
    }

    /// Holds the bounds in words from now on.
    fn widen(&mut self) {
        if self.wide.is_empty() {
            self.wide.reserve_exact(self.narrow.capacity());
            self.wide.extend(self.narrow.iter().map(|&b| b as usize));
            self.narrow = Vec::new();
        }
    }

    /// Where string `i` starts and ends.
    #[inline(always)]
    fn bounds(&self, i: usize) -> (usize, usize) {
        match self.narrow.get(i..i.wrapping_add(2)) {
            Some(&[start, end]) => (start as usize, end as usize),
            _ => self.wide_bounds(i),
        }
    }

    #[cold]
    #[inline(never)]
    fn wide_bounds(&self, i: usize) -> (usize, usize) {
        (self.wide[i], self.wide[i + 1])
    }

    /// `buf[start..end]` for two consecutive bounds. Rules read every
    /// line many times over, so the slice is taken without the checks that
    /// the bounds are in order, in the buffer and on character boundaries:
    /// every bound is where a pushed `&str` started or ended.
    #[inline]
    fn slice(&self, start: usize, end: usize) -> &str {
        debug_assert!(self.buf.is_char_boundary(start) && self.buf.is_char_boundary(end));
        debug_assert!(start <= end && end <= self.buf.len());
        // SAFETY: `start` and `end` are consecutive bounds,
        // which `push` only ever extends with the buffer's length after
        // appending a whole `&str`: they are in order, within the buffer
        // and on character boundaries, and the buffer is never shortened.
        unsafe { self.buf.get_unchecked(start..end) }
    }

    /// Number of strings.
    #[inline]
    #[allow(clippy::len_without_is_empty)]
    pub fn len(&self) -> usize {
        // One of the two is empty, the other holds a bound more than there
        // are strings.
        self.narrow.len().max(self.wide.len()) - 1
    }

    /// Whether string `i` is empty.
    #[inline]
    pub fn is_empty_at(&self, i: usize) -> bool {
        let (start, end) = self.bounds(i);
        start == end
    }

    /// String `i`, if there is one.
    pub fn get(&self, i: usize) -> Option<&str> {
        (i < self.len()).then(|| &self[i])
    }

    /// Every string in order.
    pub fn iter(&self) -> impl ExactSizeIterator<Item = &str> + DoubleEndedIterator + '_ {
        (0..self.len()).map(|i| &self[i])
    }
}

impl Default for Texts {
    fn default() -> Self {
        Texts::with_capacity(0, 0)
    }
}

impl Index<usize> for Texts {
    type Output = str;

    #[inline]
    fn index(&self, i: usize) -> &str {
        let (start, end) = self.bounds(i);
        self.slice(start, end)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pushed(mut texts: Texts) {
        for s in ["one", "", "three ü"] {
            texts.push(s);
        }
        assert_eq!(texts.len(), 3);
        assert_eq!(&texts[0], "one");
        assert_eq!(&texts[1], "");
        assert!(texts.is_empty_at(1) && !texts.is_empty_at(2));
        assert_eq!(texts.get(2), Some("three ü"));
        assert_eq!(texts.get(3), None);
        assert_eq!(texts.iter().collect::<Vec<_>>(), ["one", "", "three ü"]);
        assert_eq!(texts.iter().next_back(), Some("three ü"));
    }

    #[test]
    fn strings_come_back_as_pushed() {
        let texts = Texts::default();
        assert!(texts.wide.is_empty());
        pushed(texts);
    }

    #[test]
    fn bounds_widened_midway_keep_the_strings() {
        let mut texts = Texts::with_capacity(4, 8);
        texts.push("one");
        texts.widen();
        assert!(texts.narrow.is_empty() && texts.wide == [0, 3]);
        texts.push("");
        texts.push("three ü");
        assert_eq!(texts.iter().collect::<Vec<_>>(), ["one", "", "three ü"]);
    }

    #[test]
    fn strings_come_back_as_pushed_with_wide_bounds() {
        let mut texts = Texts::default();
        texts.widen();
        pushed(texts);
    }
}
