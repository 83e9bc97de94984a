//! The arrays a page's cleaning fills and drops, kept per thread for the
//! next page: a short record would otherwise spend a fifth of its time in
//! the allocator, asking for the same dozen arrays again.

use crate::features::Features;
use crate::labels::LabelKey;
use crate::score::Class;
use std::cell::Cell;

/// Arrays larger than this many elements go back to the allocator as soon
/// as the page is done with them, as before: a thread keeps a few hundred
/// kilobytes at most, and a page of more lines costs no more memory a line
/// than it would without the spare arrays.
const KEEP_MAX: usize = 1 << 12;

/// Empty arrays with the room earlier pages left in them.
#[derive(Default)]
pub(crate) struct Spare {
    pub features: Vec<Features>,
    pub hit_langs: Vec<u32>,
    pub hit_counts: Vec<u16>,
    pub first_colon: Vec<u8>,
    pub classes: Vec<Class>,
    pub groups: Vec<u32>,
    pub label_lists: Vec<u8>,
    pub key: LabelKey,
    pub scores: Vec<f32>,
    pub article: Vec<bool>,
}

thread_local! {
    static SPARE: Cell<Option<Box<Spare>>> = const { Cell::new(None) };
}

impl Spare {
    /// This thread's spare arrays, or new ones if another page on the
    /// thread holds them (a cleaner called from inside a custom rule).
    pub(crate) fn take() -> Box<Spare> {
        SPARE
            .try_with(Cell::take)
            .ok()
            .flatten()
            .unwrap_or_default()
    }

    /// Empties the arrays and keeps them for the thread's next page.
    pub(crate) fn give(mut self: Box<Spare>) {
        emptied(&mut self.features);
        emptied(&mut self.hit_langs);
        emptied(&mut self.hit_counts);
        emptied(&mut self.first_colon);
        emptied(&mut self.classes);
        emptied(&mut self.groups);
        emptied(&mut self.label_lists);
        emptied(&mut self.scores);
        emptied(&mut self.article);
        // A thread being torn down has nowhere to keep them.
        let _ = SPARE.try_with(|s| s.set(Some(self)));
    }
}

/// `list` emptied, and given back to the allocator if it is large.
fn emptied<T>(list: &mut Vec<T>) {
    if list.capacity() > KEEP_MAX {
        *list = Vec::new();
    } else {
        list.clear();
    }
}

/// Puts `list` in `slot` for the next page, or frees it now if it is
/// large: the page being cleaned may still need the memory elsewhere.
pub(crate) fn keep<T>(slot: &mut Vec<T>, list: Vec<T>) {
    if list.capacity() <= KEEP_MAX {
        *slot = list;
    }
}

/// `list`, emptied, with room for `n` elements: a new one if it has too
/// little, since growing it would copy its old contents for nothing.
pub(crate) fn room<T>(mut list: Vec<T>, n: usize) -> Vec<T> {
    if list.capacity() < n {
        return Vec::with_capacity(n);
    }
    list.clear();
    list
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arrays_come_back_empty_with_their_room_unless_large() {
        let mut spare = Spare::take();
        spare.groups = room(std::mem::take(&mut spare.groups), 100);
        spare.groups.extend(0..100);
        spare.scores = vec![1.0; KEEP_MAX + 1];
        spare.give();
        let spare = Spare::take();
        assert!(spare.groups.is_empty() && spare.groups.capacity() >= 100);
        assert_eq!(spare.scores.capacity(), 0);
        // Taken, the thread has none until they are given back.
        assert_eq!(Spare::take().groups.capacity(), 0);
        spare.give();
    }
}
