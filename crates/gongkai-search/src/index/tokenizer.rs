//! Chinese full-text tokenizers for tantivy.
//!
//! `cjk_bigram`: runs of Han characters become overlapping bigrams with consecutive positions (as
//! Lucene's CJK bigram filter does), so a phrase query of a string's bigrams is an exact substring
//! search; a lone Han character is emitted as a unigram. Latin letters and digits form lowercased
//! words. Whitespace between two Han characters is skipped, so a word broken across lines is one run.
//! `cjk_unigram`: every Han character on its own (for one-character queries), words as above.
//!
//! tantivy stores only a tokenizer's name, so [`register`] must run on every index open.

use tantivy::tokenizer::{Token, TokenStream, Tokenizer};

use gongkai_core::parse::normalize::is_han;

/// Name of the bigram tokenizer in the index schema.
pub const BIGRAM: &str = "cjk_bigram";
/// Name of the unigram tokenizer.
pub const UNIGRAM: &str = "cjk_unigram";

/// Registers both tokenizers on an index.
pub fn register(index: &tantivy::Index) {
    index.tokenizers().register(BIGRAM, CjkTokenizer { bigrams: true });
    index.tokenizers().register(UNIGRAM, CjkTokenizer { bigrams: false });
}

/// A piece of text: a Han run or a word.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Piece {
    /// Han characters with their byte offsets (whitespace inside the run skipped).
    Han(Vec<(usize, char)>),
    /// A lowercased Latin/digit word and its byte range.
    Word(String, usize, usize),
}

/// Splits text into Han runs and words; everything else separates.
#[must_use]
pub fn pieces(text: &str) -> Vec<Piece> {
    let mut out = Vec::new();
    // `cur` is the character being looked at, `it` yields those after it (no copy of the text's
    // characters is made: this runs twice over every report indexed).
    let mut it = text.char_indices();
    let mut cur = it.next();
    while let Some((off, c)) = cur {
        if is_han(c) {
            let mut run = vec![(off, c)];
            cur = it.next();
            loop {
                // Whitespace between two Han characters is skipped; anything else ends the run.
                let mut look = it.clone();
                let mut next = cur;
                while let Some((_, w)) = next
                    && w.is_whitespace()
                {
                    next = look.next();
                }
                match next {
                    Some((o, h)) if is_han(h) => {
                        run.push((o, h));
                        it = look;
                        cur = it.next();
                    }
                    _ => break,
                }
            }
            out.push(Piece::Han(run));
        } else if c.is_alphanumeric() {
            let mut word = String::new();
            while let Some((_, w)) = cur
                && w.is_alphanumeric()
                && !is_han(w)
            {
                word.extend(w.to_lowercase());
                cur = it.next();
            }
            let end = cur.map_or(text.len(), |(o, _)| o);
            out.push(Piece::Word(word, off, end));
        } else {
            cur = it.next();
        }
    }
    out
}

/// Tokens of `text` as (text, from, to), positions being their order.
#[must_use]
pub fn tokens(text: &str, bigrams: bool) -> Vec<(String, usize, usize)> {
    let mut out = Vec::new();
    for p in pieces(text) {
        match p {
            Piece::Word(w, a, b) => out.push((w, a, b)),
            Piece::Han(run) if bigrams && run.len() > 1 => {
                for pair in run.windows(2) {
                    let (a, c1) = pair[0];
                    let (b, c2) = pair[1];
                    out.push((format!("{c1}{c2}"), a, b + c2.len_utf8()));
                }
            }
            Piece::Han(run) => {
                out.extend(run.iter().map(|&(a, c)| (c.to_string(), a, a + c.len_utf8())));
            }
        }
    }
    out
}

/// The tokenizer registered under [`BIGRAM`] and [`UNIGRAM`].
#[derive(Clone, Debug)]
pub struct CjkTokenizer {
    bigrams: bool,
}

/// Token stream over the text's pieces: each token written into the one reused [`Token`] (a
/// `String` per token, made and dropped, was a tenth of indexing's time).
pub struct CjkStream {
    pieces: Vec<Piece>,
    /// The piece being read.
    piece: usize,
    /// Where in it: the next character of a Han run (a bigram starts there), or 1 once a word is out.
    at: usize,
    bigrams: bool,
    /// The next token's position.
    position: usize,
    token: Token,
}

impl Tokenizer for CjkTokenizer {
    type TokenStream<'a> = CjkStream;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> CjkStream {
        CjkStream { pieces: pieces(text), piece: 0, at: 0, bigrams: self.bigrams, position: 0, token: Token::default() }
    }
}

impl CjkStream {
    /// Writes the next token of the current piece into `self.token`; `false` when the piece is done.
    fn fill(&mut self) -> Option<bool> {
        let piece = self.pieces.get(self.piece)?;
        let t = &mut self.token;
        let done = match piece {
            Piece::Word(w, a, b) if self.at == 0 => {
                t.text.clear();
                t.text.push_str(w);
                (t.offset_from, t.offset_to) = (*a, *b);
                false
            }
            Piece::Word(..) => true,
            Piece::Han(run) if self.bigrams && run.len() > 1 => match (run.get(self.at), run.get(self.at + 1)) {
                (Some(&(a, c1)), Some(&(b, c2))) => {
                    t.text.clear();
                    t.text.push(c1);
                    t.text.push(c2);
                    (t.offset_from, t.offset_to) = (a, b + c2.len_utf8());
                    false
                }
                _ => true,
            },
            Piece::Han(run) => match run.get(self.at) {
                Some(&(a, c)) => {
                    t.text.clear();
                    t.text.push(c);
                    (t.offset_from, t.offset_to) = (a, a + c.len_utf8());
                    false
                }
                None => true,
            },
        };
        Some(!done)
    }
}

impl TokenStream for CjkStream {
    fn advance(&mut self) -> bool {
        loop {
            match self.fill() {
                None => return false,
                Some(true) => {
                    self.at += 1;
                    self.token.position = self.position;
                    self.token.position_length = 1;
                    self.position += 1;
                    return true;
                }
                Some(false) => {
                    self.piece += 1;
                    self.at = 0;
                }
            }
        }
    }

    fn token(&self) -> &Token {
        &self.token
    }

    fn token_mut(&mut self) -> &mut Token {
        &mut self.token
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(s: &str, bigrams: bool) -> Vec<String> {
        tokens(s, bigrams).into_iter().map(|t| t.0).collect()
    }

    #[test]
    fn han_runs_become_overlapping_bigrams() {
        assert_eq!(texts("刘集镇政府", true), ["刘集", "集镇", "镇政", "政府"]);
    }

    #[test]
    fn lone_han_is_a_unigram_and_words_are_lowercased() {
        assert_eq!(texts("第3页 GOV.cn", true), ["第", "3", "页", "gov", "cn"]);
    }

    #[test]
    fn line_breaks_between_han_are_joined() {
        assert_eq!(texts("进一步加\n强", true), ["进一", "一步", "步加", "加强"]);
    }

    #[test]
    fn unigrams_for_single_character_search() {
        assert_eq!(texts("镇政府", false), ["镇", "政", "府"]);
    }

    /// The first way of splitting, kept to hold [`pieces`] to it.
    fn pieces_reference(text: &str) -> Vec<Piece> {
        let chars: Vec<(usize, char)> = text.char_indices().collect();
        let mut out = Vec::new();
        let mut i = 0;
        while i < chars.len() {
            let (off, c) = chars[i];
            if is_han(c) {
                let mut run = vec![(off, c)];
                i += 1;
                loop {
                    let mut j = i;
                    while j < chars.len() && chars[j].1.is_whitespace() {
                        j += 1;
                    }
                    match chars.get(j) {
                        Some(&(o, h)) if is_han(h) => {
                            run.push((o, h));
                            i = j + 1;
                        }
                        _ => break,
                    }
                }
                out.push(Piece::Han(run));
            } else if c.is_alphanumeric() {
                let start = off;
                let mut word = String::new();
                while i < chars.len() && chars[i].1.is_alphanumeric() && !is_han(chars[i].1) {
                    word.extend(chars[i].1.to_lowercase());
                    i += 1;
                }
                let end = chars.get(i).map_or(text.len(), |&(o, _)| o);
                out.push(Piece::Word(word, start, end));
            } else {
                i += 1;
            }
        }
        out
    }

    proptest::proptest! {
        /// The pieces are those of the first way of splitting.
        #[test]
        fn pieces_are_split_as_before(
            parts in proptest::collection::vec(proptest::sample::select(vec![
                "刘", "集镇", "政府", " ", "\n", "\u{3000}", "3", "GOV", "cn", ".", "、", "（一）", "Ä", "ß", "İ",
            ]), 0..30),
        ) {
            let text = parts.concat();
            proptest::prop_assert_eq!(pieces(&text), pieces_reference(&text));
        }

        /// The stream gives exactly `tokens`: texts, offsets and positions in order.
        #[test]
        fn the_stream_gives_the_tokens(
            parts in proptest::collection::vec(proptest::sample::select(vec![
                "刘", "集镇", "政府", " ", "\n", "3", "GOV", "cn", ".", "、", "（一）", "Ä", "ß",
            ]), 0..30),
            bigrams: bool,
        ) {
            let text = parts.concat();
            let mut stream = CjkTokenizer { bigrams }.token_stream(&text);
            let mut got = Vec::new();
            while stream.advance() {
                let t = stream.token();
                proptest::prop_assert_eq!(t.position, got.len());
                got.push((t.text.clone(), t.offset_from, t.offset_to));
            }
            proptest::prop_assert_eq!(got, tokens(&text, bigrams));
        }
    }

    #[test]
    fn offsets_cover_the_bigram() {
        let t = tokens("刘集镇", true);
        assert_eq!(&"刘集镇"[t[1].1..t[1].2], "集镇");
    }
}
