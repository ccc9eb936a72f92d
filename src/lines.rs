//! Splitting the line- and tab-separated data files (gazetteers, lexicons, lemma tables) into
//! lines and columns, byte by byte.
//!
//! `str::lines` and `str::split` with a char pattern set up a searcher for every line and every
//! column; over the built-in lists' million short lines that set-up was a fifth of the
//! extractor's start-up. Every separator here is an ASCII byte, which is a char boundary on both
//! sides, so the pieces are `&str` without checking.

/// The lines of `data`, as [`str::lines`] gives them: split at `\n`, a `\r` before it removed,
/// no empty last line after a final `\n`.
pub(crate) fn lines(data: &str) -> impl Iterator<Item = &str> {
    let mut from = 0;
    let mut ends = memchr::memchr_iter(b'\n', data.as_bytes());
    std::iter::from_fn(move || {
        let end = match ends.next() {
            Some(e) => e,
            None if from < data.len() => data.len(),
            None => return None,
        };
        let line = &data[from..end];
        from = end + 1;
        Some(line.strip_suffix('\r').unwrap_or(line))
    })
}

/// Splits `s` at every `sep`, an ASCII byte, as `str::split` would.
pub(crate) fn split_byte(s: &str, sep: u8) -> impl Iterator<Item = &str> {
    debug_assert!(sep.is_ascii());
    let mut rest = Some(s);
    std::iter::from_fn(move || {
        let r = rest?;
        // A plain loop: the pieces are short, where memchr's set-up costs more than it saves.
        match r.bytes().position(|b| b == sep) {
            Some(i) => {
                rest = Some(&r[i + 1..]);
                Some(&r[..i])
            }
            None => {
                rest = None;
                Some(r)
            }
        }
    })
}

/// `s` cut at its first `sep`, an ASCII byte, as `str::split_once` would.
#[inline]
pub(crate) fn split_once_byte(s: &str, sep: u8) -> Option<(&str, &str)> {
    debug_assert!(sep.is_ascii());
    let i = s.bytes().position(|b| b == sep)?;
    Some((&s[..i], &s[i + 1..]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_and_columns_split_as_std_does() {
        for data in ["", "a", "a\n", "a\nb", "a\r\nb\r\n", "\n\n", "x\ty\tz\n\tq\t\n", "é\tü\nß"] {
            assert_eq!(lines(data).collect::<Vec<_>>(), data.lines().collect::<Vec<_>>(), "{data:?}");
            for line in data.lines() {
                assert_eq!(split_byte(line, b'\t').collect::<Vec<_>>(), line.split('\t').collect::<Vec<_>>());
                assert_eq!(split_once_byte(line, b'\t'), line.split_once('\t'));
            }
        }
    }
}
