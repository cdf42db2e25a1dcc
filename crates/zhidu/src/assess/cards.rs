//! The scorecards being filled while scoring a period.
//!
//! Scoring a province is a million incidents landing at random on ten thousand cards, so what
//! bounds it is memory, not arithmetic: each incident finds its card by the subject's name and
//! adds to the card's sums. The sums of each card are therefore kept apart from the rest of
//! it, in one small [`Tally`] (one or two cache lines), and names are looked up in tables that
//! hold short names in place ([`Key`]), so an incident touches a few lines that stay in cache
//! instead of following pointers to strings and vectors all over the heap.

use chrono::{DateTime, FixedOffset};
use std::borrow::Borrow;
use std::hash::{Hash, Hasher};

use super::model::{self, AssessmentModel, RuleKind};
use super::money::{Fen, FenSum};
use super::{CategoryScore, EffectHit, Line, Scorecard, SubjectKind};
use crate::FastMap;

/// Bytes of a name kept in the table itself; longer names live on the heap.
const KEY_INLINE: usize = 22;

/// A name as a hash-map key: short ones (most names and ids) in place, so comparing a key
/// reads the table and nothing else. Hashes and compares as its bytes, so `&[u8]` looks it up.
#[derive(Clone, Debug)]
enum Key {
    Inline(u8, [u8; KEY_INLINE]),
    Heap(Box<[u8]>),
}

impl Key {
    fn new(name: &str) -> Key {
        let bytes = name.as_bytes();
        let mut buf = [0; KEY_INLINE];
        match (u8::try_from(bytes.len()), buf.get_mut(..bytes.len())) {
            (Ok(len), Some(dst)) => {
                dst.copy_from_slice(bytes);
                Key::Inline(len, buf)
            }
            _ => Key::Heap(bytes.into()),
        }
    }

    fn as_bytes(&self) -> &[u8] {
        match self {
            Key::Inline(len, buf) => buf.get(..usize::from(*len)).unwrap_or_default(),
            Key::Heap(bytes) => bytes,
        }
    }
}

impl PartialEq for Key {
    fn eq(&self, other: &Key) -> bool {
        self.as_bytes() == other.as_bytes()
    }
}

impl Eq for Key {}

impl Hash for Key {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.as_bytes().hash(state);
    }
}

impl Borrow<[u8]> for Key {
    fn borrow(&self) -> &[u8] {
        self.as_bytes()
    }
}

/// Categories whose raw deductions sit in the tally (S2 has 5, S14 4); more are on the card.
const INLINE: usize = 6;

/// No window yet.
const NO_WINDOW: u32 = u32::MAX;

/// The running sums of a card: all that most incidents touch.
#[derive(Clone, Copy, Debug)]
struct Tally {
    fines: FenSum,
    withholdings: FenSum,
    bonus: i64,
    /// The first window the card's incidents (or the roster) named, by index into the window
    /// names, and its count; other windows are counted on the card.
    window: u32,
    window_count: u32,
    /// Raw deductions of the first [`INLINE`] categories.
    raw: [i64; INLINE],
}

/// The rest of a card.
#[derive(Debug)]
struct Card {
    kind: SubjectKind,
    subject: String,
    /// Windows other than the tally's, by index, with counts (few per person: a vector).
    windows: Vec<(u32, u32)>,
    /// Raw deductions of the categories past [`INLINE`].
    raw_more: Vec<i64>,
    lines: Vec<(usize, Box<Line>)>,
}

/// An effect on a card as the card keeps it while scoring: the instant, and the rule and
/// the effect by index (no shared strings to count per hit); made an [`EffectHit`] when the
/// card is finished.
#[derive(Clone, Copy, Debug)]
pub(super) struct Hit {
    pub(super) at: DateTime<FixedOffset>,
    /// The rule's [`model::Rule::rank`].
    pub(super) rule: u32,
    /// The effect's index in the table.
    pub(super) effect: u32,
}

/// An incident's contribution to a card.
#[derive(Clone)]
pub(super) struct Entry {
    /// The category the points count in (the rule's, or its basis rule's).
    pub(super) category: Option<usize>,
    pub(super) points: i64,
    pub(super) fine: Fen,
    pub(super) withholding: Fen,
    pub(super) line: Option<Box<Line>>,
    pub(super) order: usize,
}

/// Where a caller that reads names by index (the column path) keeps what it found: the
/// person's card, and the window's id, once per name instead of once per incident.
/// [`Slots::default`] keeps nothing: each name is looked up (the row path).
#[derive(Debug, Default)]
pub(super) struct Slots<'s> {
    pub(super) person: Option<&'s mut u32>,
    pub(super) window: Option<&'s mut u32>,
}

/// Nothing found yet in a [`Slots`] slot.
pub(super) const UNKNOWN: u32 = u32::MAX;

/// Every card of one assessment, by card index: tallies and the rest side by side.
pub(super) struct Cards {
    n_categories: usize,
    tallies: Vec<Tally>,
    cards: Vec<Card>,
    persons: FastMap<Key, u32>,
    /// Window names by index, their index by name, and the index of each window's own card.
    window_names: Vec<String>,
    window_ids: FastMap<Key, u32>,
    window_cards: Vec<u32>,
    /// Every effect hit with its card's index, in the order they came: one list that grows
    /// by doubling, not one per card (issue #16: the cards' own lists, grown a few hits at
    /// a time, were a twentieth of an incident's cost in `realloc`). Put by card when the
    /// cards are finished.
    hits: Vec<(u32, Hit)>,
}

impl Cards {
    pub(super) fn new(n_categories: usize) -> Cards {
        Cards {
            n_categories,
            tallies: Vec::new(),
            cards: Vec::new(),
            persons: FastMap::default(),
            window_names: Vec::new(),
            window_ids: FastMap::default(),
            window_cards: Vec::new(),
            hits: Vec::new(),
        }
    }

    fn push(&mut self, kind: SubjectKind, subject: &str) -> u32 {
        let i = u32::try_from(self.cards.len()).unwrap_or(u32::MAX);
        self.tallies.push(Tally {
            fines: FenSum::ZERO,
            withholdings: FenSum::ZERO,
            bonus: 0,
            window: NO_WINDOW,
            window_count: 0,
            raw: [0; INLINE],
        });
        self.cards.push(Card {
            kind,
            subject: subject.to_owned(),
            windows: Vec::new(),
            raw_more: vec![0; self.n_categories.saturating_sub(INLINE)],
            lines: Vec::new(),
        });
        i
    }

    /// The card of a person, made on first sight.
    pub(super) fn person(&mut self, subject: &str) -> u32 {
        if let Some(&i) = self.persons.get(subject.as_bytes()) {
            return i;
        }
        let i = self.push(SubjectKind::Person, subject);
        self.persons.insert(Key::new(subject), i);
        i
    }

    /// The card of a person, kept in `slot` (if any) after the first look-up.
    #[inline(always)]
    pub(super) fn person_in(&mut self, subject: &str, slot: Option<&mut u32>) -> u32 {
        match slot {
            Some(slot) if *slot != UNKNOWN => *slot,
            Some(slot) => {
                *slot = self.person(subject);
                *slot
            }
            None => self.person(subject),
        }
    }

    /// The id of a window, kept in `slot` after the first look-up.
    pub(super) fn window_in(&mut self, name: &str, slot: &mut u32) -> u32 {
        if *slot == UNKNOWN {
            *slot = self.window_id(name);
        }
        *slot
    }

    fn window_id(&mut self, name: &str) -> u32 {
        if let Some(&w) = self.window_ids.get(name.as_bytes()) {
            return w;
        }
        let w = u32::try_from(self.window_names.len()).unwrap_or(NO_WINDOW);
        self.window_names.push(name.to_owned());
        self.window_cards.push(NO_WINDOW);
        self.window_ids.insert(Key::new(name), w);
        w
    }

    /// A window's own card, made on first sight.
    pub(super) fn window_card(&mut self, name: &str) -> u32 {
        let w = self.window_id(name);
        self.window_card_of(w)
    }

    /// The own card of window `w` (an id of [`Cards::window_in`]), made on first sight.
    pub(super) fn window_card_of(&mut self, w: u32) -> u32 {
        if let Some(&c) = self.window_cards.get(w as usize) {
            if c != NO_WINDOW {
                return c;
            }
        }
        let name = self
            .window_names
            .get(w as usize)
            .cloned()
            .unwrap_or_default();
        let c = self.push(SubjectKind::Window, &name);
        if let Some(slot) = self.window_cards.get_mut(w as usize) {
            *slot = c;
        }
        c
    }

    /// Count `by` for `window` on a person's card (an incident counts 1, the roster a half
    /// of `u32`'s range, so that it outweighs any count from incidents).
    pub(super) fn count_window(&mut self, card: u32, window: &str, by: u32) {
        let same = |t: &Tally, names: &[String]| {
            t.window != NO_WINDOW && names.get(t.window as usize).is_some_and(|w| w == window)
        };
        match self.tallies.get_mut(card as usize) {
            Some(t) if same(t, &self.window_names) => {
                t.window_count = t.window_count.saturating_add(by);
                return;
            }
            Some(_) => {}
            None => return,
        }
        let w = self.window_id(window);
        if let Some(t) = self.tallies.get_mut(card as usize) {
            if t.window == NO_WINDOW {
                t.window = w;
                t.window_count = by;
                return;
            }
        }
        if let Some(c) = self.cards.get_mut(card as usize) {
            match c.windows.iter_mut().find(|(id, _)| *id == w) {
                Some((_, n)) => *n = n.saturating_add(by),
                None => c.windows.push((w, by)),
            }
        }
    }

    /// Count `by` for window `w` (an id of [`Cards::window_in`]) on a person's card.
    // Inlined into the scoring step, as `person_in` and `add`: once per incident.
    #[inline(always)]
    pub(super) fn count_window_of(&mut self, card: u32, w: u32, by: u32) {
        let Some(t) = self.tallies.get_mut(card as usize) else {
            return;
        };
        if t.window == w {
            t.window_count = t.window_count.saturating_add(by);
            return;
        }
        if t.window == NO_WINDOW {
            t.window = w;
            t.window_count = by;
            return;
        }
        if let Some(c) = self.cards.get_mut(card as usize) {
            match c.windows.iter_mut().find(|(id, _)| *id == w) {
                Some((_, n)) => *n = n.saturating_add(by),
                None => c.windows.push((w, by)),
            }
        }
    }

    /// Put an incident's points, fine, effects and line on a card.
    ///
    /// Sums saturate: one line is at most `u32::MAX × MAX_QUANTITY` points, so a card needs
    /// thousands of such lines to reach `i64::MAX` (issue #8: it overflowed). A saturated
    /// deduction still gives the category its floor; a saturated bonus stops growing.
    // Inlined into the scoring step: a call moved the entry into a frame of its own.
    #[inline(always)]
    pub(super) fn add(
        &mut self,
        card: u32,
        rule: &model::Rule,
        entry: Entry,
        hits: impl Iterator<Item = Hit>,
    ) {
        let Some(t) = self.tallies.get_mut(card as usize) else {
            return;
        };
        let mut cold = None;
        match rule.meta.kind {
            RuleKind::Deduction => {
                if let Some(c) = entry.category.filter(|&c| c < self.n_categories) {
                    match t.raw.get_mut(c) {
                        Some(slot) => *slot = slot.saturating_sub(entry.points),
                        None => cold = Some(c - INLINE),
                    }
                }
            }
            RuleKind::Bonus => t.bonus = t.bonus.saturating_add(entry.points),
            RuleKind::EffectOnly => {}
        }
        t.fines.add(entry.fine);
        t.withholdings.add(entry.withholding);
        // Most incidents end here: no category past the tally's, no line, and a rule with no
        // effect (whose hits are not even looked for).
        if cold.is_none() && entry.line.is_none() && rule.effects.is_empty() {
            return;
        }
        self.add_rest(card, rule, cold, entry, hits);
    }

    /// What [`Cards::add`] puts on the card beyond its tally: a category past the tally's,
    /// the effect hits and the line.
    fn add_rest(
        &mut self,
        card: u32,
        rule: &model::Rule,
        cold: Option<usize>,
        entry: Entry,
        hits: impl Iterator<Item = Hit>,
    ) {
        if !rule.effects.is_empty() {
            self.hits.extend(hits.map(|h| (card, h)));
        }
        let Some(c) = self.cards.get_mut(card as usize) else {
            return;
        };
        if let Some(slot) = cold.and_then(|i| c.raw_more.get_mut(i)) {
            *slot = slot.saturating_sub(entry.points);
        }
        if let Some(line) = entry.line {
            c.lines.push((entry.order, line));
        }
    }

    /// The finished scorecards: person cards by subject, then window cards by window.
    pub(super) fn finish(self, model: &AssessmentModel, period: &str) -> Vec<Scorecard> {
        let Cards {
            tallies,
            cards,
            window_names,
            hits,
            ..
        } = self;
        let (mut hits, first_hit) = by_card(hits, cards.len());
        // Sorted as indices (each (kind, subject) is one card, so the order is total and the
        // index never decides it), then each card is moved once. The keys sit beside the
        // indices: a comparison reads them, not two cards by index.
        let mut keyed: Vec<(SubjectKind, &str, usize)> = cards
            .iter()
            .enumerate()
            .map(|(i, c)| (c.kind, c.subject.as_str(), i))
            .collect();
        keyed.sort_unstable();
        let order: Vec<usize> = keyed.into_iter().map(|(_, _, i)| i).collect();
        let mut slots: Vec<Option<(Card, Tally)>> =
            cards.into_iter().zip(tallies).map(Some).collect();
        let rules_by_rank = model.rules_by_rank();
        order
            .into_iter()
            .filter_map(|i| {
                let (card, tally) = slots.get_mut(i).and_then(Option::take)?;
                let hits = match (first_hit.get(i), first_hit.get(i + 1)) {
                    (Some(&from), Some(&to)) => hits.get_mut(from..to).unwrap_or_default(),
                    _ => &mut [],
                };
                Some(finish(
                    model,
                    &rules_by_rank,
                    card,
                    &tally,
                    hits,
                    &window_names,
                    period,
                ))
            })
            .collect()
    }
}

/// The hits grouped by card, each card's in the order they came (a counting sort: one pass
/// to count, one to place), and where each card's begin: card `i`'s hits are
/// `first[i]..first[i + 1]`.
fn by_card(hits: Vec<(u32, Hit)>, cards: usize) -> (Vec<Hit>, Vec<usize>) {
    let mut first = vec![0usize; cards + 1];
    for (c, _) in &hits {
        if let Some(n) = first.get_mut(*c as usize + 1) {
            *n += 1;
        }
    }
    for i in 1..first.len() {
        let before = first.get(i - 1).copied().unwrap_or(0);
        if let Some(n) = first.get_mut(i) {
            *n += before;
        }
    }
    let Some(&(_, filler)) = hits.first() else {
        return (Vec::new(), first);
    };
    let mut placed = vec![filler; hits.len()];
    let mut next = first.clone();
    for (c, hit) in hits {
        if let Some(at) = next.get_mut(c as usize) {
            if let Some(slot) = placed.get_mut(*at) {
                *slot = hit;
            }
            *at += 1;
        }
    }
    (placed, first)
}

fn finish(
    model: &AssessmentModel,
    rules_by_rank: &[usize],
    mut card: Card,
    tally: &Tally,
    hits: &mut [Hit],
    window_names: &[String],
    period: &str,
) -> Scorecard {
    let categories: Vec<CategoryScore> = model
        .categories
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let raw = tally
                .raw
                .get(i)
                .or_else(|| card.raw_more.get(i - INLINE))
                .copied()
                .unwrap_or(0);
            let score = (c.maximum - raw).max(c.floor).min(c.maximum);
            CategoryScore {
                id: c.id.clone(),
                name: c.name.clone(),
                maximum: c.maximum,
                floor: c.floor,
                raw_deductions: raw,
                applied_deductions: c.maximum - score,
                score,
            }
        })
        .collect();
    let total = categories
        .iter()
        .map(|c| c.score)
        .fold(tally.bonus, i64::saturating_add);
    // Order independence: lines by time, then by input order.
    card.lines.sort_by_key(|(order, line)| (line.at, *order));
    // By time, then rule code (the rank is the code's order), then as they came (a stable
    // sort; a window card can have thousands).
    hits.sort_by(|a, b| a.at.cmp(&b.at).then(a.rule.cmp(&b.rule)));
    // Sized once: collected from a filter the list would grow by doubling.
    let mut effects = Vec::with_capacity(hits.len());
    effects.extend(hits.iter().filter_map(|hit| {
        let rule = rules_by_rank
            .get(hit.rule as usize)
            .and_then(|&r| model.rules.get(r))?;
        let effect = model.effects.get(hit.effect as usize)?;
        Some(EffectHit {
            id: effect.shared_id.clone(),
            name: effect.shared_name.clone(),
            rule: rule.meta.code.clone(),
            at: hit.at,
        })
    }));
    let window = match card.kind {
        SubjectKind::Window => Some(card.subject.clone()),
        // The most counted window; among equals, the first by name.
        SubjectKind::Person => (tally.window != NO_WINDOW)
            .then_some((tally.window, tally.window_count))
            .into_iter()
            .chain(card.windows.iter().copied())
            .filter_map(|(w, n)| window_names.get(w as usize).map(|name| (name, n)))
            .max_by(|a, b| a.1.cmp(&b.1).then_with(|| b.0.cmp(a.0)))
            .map(|(w, _)| w.clone()),
    };
    Scorecard {
        subject: card.subject,
        kind: card.kind,
        window,
        period: period.to_owned(),
        categories,
        bonus: tally.bonus,
        total,
        fines: tally.fines.to_decimal(),
        withholdings: tally.withholdings.to_decimal(),
        effects,
        lines: card.lines.into_iter().map(|(_, l)| *l).collect(),
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, reason = "tests")]

    use super::*;

    #[test]
    fn keys_compare_as_their_text() {
        let short = Key::new("张三");
        let long = Key::new("一个很长很长的名字超过二十二个字节");
        assert!(matches!(short, Key::Inline(..)));
        assert!(matches!(long, Key::Heap(_)));
        let mut map: FastMap<Key, u32> = FastMap::default();
        map.insert(short, 1);
        map.insert(long, 2);
        map.insert(Key::new(""), 3);
        assert_eq!(map.get("张三".as_bytes()), Some(&1));
        assert_eq!(
            map.get("一个很长很长的名字超过二十二个字节".as_bytes()),
            Some(&2)
        );
        assert_eq!(map.get("".as_bytes()), Some(&3));
        assert_eq!(map.get("张".as_bytes()), None);
        // `Eq` agrees with the borrowed bytes, as `Borrow` requires of a map key (the engine
        // looks keys up by bytes and never inserts one twice, so only this says so).
        assert_eq!(Key::new("张三"), Key::new("张三"));
        assert_ne!(Key::new("张三"), Key::new("张四"));
        let exactly = "a".repeat(KEY_INLINE);
        assert!(matches!(Key::new(&exactly), Key::Inline(..)));
        assert!(matches!(Key::new(&format!("{exactly}b")), Key::Heap(_)));
    }

    #[test]
    fn windows_keep_counts_and_ties_go_to_the_first_name() {
        let mut cards = Cards::new(8);
        let p = cards.person("张三");
        assert_eq!(cards.person("张三"), p);
        for w in ["W02", "W01", "W02", "W01", "W03"] {
            cards.count_window(p, w, 1);
        }
        let model_free = |cards: &Cards| {
            let t = cards.tallies.first().unwrap();
            let c = cards.cards.first().unwrap();
            (t.window, t.window_count, c.windows.clone())
        };
        assert_eq!(model_free(&cards), (0, 2, vec![(1, 2), (2, 1)]));
        cards.count_window(p, "W03", u32::MAX / 2);
        assert_eq!(model_free(&cards).2, vec![(1, 2), (2, 1 + u32::MAX / 2)]);
        let w = cards.window_card("W01");
        assert_eq!(cards.window_card("W01"), w);
        assert_ne!(w, p);
    }
}
