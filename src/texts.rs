//! Many short strings in one buffer: a page's lines cost one allocation and
//! eight bytes of bookkeeping each, rather than a string or `Cow` per line.

use std::ops::Index;

/// An append-only list of strings stored end to end.
#[derive(Debug, Clone)]
pub struct Texts {
    buf: String,
    /// Where each string starts in `buf`, then where the last one ends.
    bounds: Vec<usize>,
}

impl Texts {
    /// An empty list with room for `lines` strings of `bytes` in all.
    pub fn with_capacity(lines: usize, bytes: usize) -> Texts {
        let mut bounds = Vec::with_capacity(lines + 1);
        bounds.push(0);
        Texts {
            buf: String::with_capacity(bytes),
            bounds,
        }
    }

    /// Appends `text` as the next string.
    pub fn push(&mut self, text: &str) {
        self.buf.push_str(text);
        self.bounds.push(self.buf.len());
    }

    /// `buf[start..end]` for two consecutive bounds. Rules read every
    /// line many times over, so the slice is taken without the checks that
    /// the bounds are in order, in the buffer and on character boundaries:
    /// every bound is where a pushed `&str` started or ended.
    #[inline]
    fn slice(&self, start: usize, end: usize) -> &str {
        debug_assert!(self.buf.is_char_boundary(start) && self.buf.is_char_boundary(end));
        debug_assert!(start <= end && end <= self.buf.len());
        // SAFETY: `start` and `end` are consecutive entries of `bounds`,
        // which `push` only ever extends with the buffer's length after
        // appending a whole `&str`: they are in order, within the buffer
        // and on character boundaries, and the buffer is never shortened.
        unsafe { self.buf.get_unchecked(start..end) }
    }

    /// Number of strings.
    #[inline]
    #[allow(clippy::len_without_is_empty)]
    pub fn len(&self) -> usize {
        self.bounds.len() - 1
    }

    /// Whether string `i` is empty.
    #[inline]
    pub fn is_empty_at(&self, i: usize) -> bool {
        self.bounds[i] == self.bounds[i + 1]
    }

    /// String `i`, if there is one.
    pub fn get(&self, i: usize) -> Option<&str> {
        (i < self.len()).then(|| &self[i])
    }

    /// Every string in order.
    pub fn iter(&self) -> impl ExactSizeIterator<Item = &str> + DoubleEndedIterator + '_ {
        self.bounds.windows(2).map(|w| self.slice(w[0], w[1]))
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
        self.slice(self.bounds[i], self.bounds[i + 1])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_come_back_as_pushed() {
        let mut texts = Texts::default();
        for s in ["one", "", "three ü"] {
            texts.push(s);
        }
        assert_eq!(texts.len(), 3);
        assert_eq!(&texts[0], "one");
        assert_eq!(&texts[1], "");
        assert_eq!(texts.get(2), Some("three ü"));
        assert_eq!(texts.get(3), None);
        assert_eq!(texts.iter().collect::<Vec<_>>(), ["one", "", "three ü"]);
    }
}
