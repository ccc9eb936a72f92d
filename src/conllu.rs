//! A small CoNLL-U reader, for training and evaluating on Universal Dependencies treebanks.
//!
//! Multi-word token lines (`1-2`) and empty nodes (`8.1`) are skipped: the syntactic words are
//! what taggers and parsers work on.

/// One syntactic word of a CoNLL-U sentence.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Word {
    /// The word form.
    pub form: String,
    /// The lemma.
    pub lemma: String,
    /// The universal part-of-speech tag.
    pub upos: String,
    /// The language-specific tag (Penn Treebank for English).
    pub xpos: String,
    /// The head's 1-based index (0 for the root).
    pub head: usize,
    /// The dependency relation.
    pub deprel: String,
    /// Whether no space follows the word (`SpaceAfter=No`).
    pub no_space_after: bool,
}

/// One sentence.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Sentence {
    /// The `# sent_id` comment, if any.
    pub id: String,
    /// The `# text` comment, if any.
    pub text: String,
    /// Whether a `# newdoc` comment came before it.
    pub new_doc: bool,
    /// The syntactic words.
    pub words: Vec<Word>,
}

/// Parses CoNLL-U text. Malformed lines are reported with their line number.
///
/// ```
/// let data = "# text = Hi there\n1\tHi\thi\tINTJ\tUH\t_\t0\troot\t_\t_\n2\tthere\tthere\tADV\tRB\t_\t1\tadvmod\t_\t_\n\n";
/// let sents = dossier::conllu::parse(data)?;
/// assert_eq!(sents[0].words[1].upos, "ADV");
/// # Ok::<(), String>(())
/// ```
pub fn parse(data: &str) -> Result<Vec<Sentence>, String> {
    let mut out = Vec::new();
    let mut cur = Sentence::default();
    for (n, line) in data.lines().enumerate() {
        let line = line.trim_end_matches('\r');
        if line.is_empty() {
            if !cur.words.is_empty() {
                out.push(std::mem::take(&mut cur));
            }
            continue;
        }
        if let Some(c) = line.strip_prefix('#') {
            let c = c.trim();
            if let Some(t) = c.strip_prefix("text =") {
                cur.text = t.trim().to_string();
            } else if let Some(t) = c.strip_prefix("sent_id =") {
                cur.id = t.trim().to_string();
            } else if c.starts_with("newdoc") {
                cur.new_doc = true;
            }
            continue;
        }
        let f: Vec<&str> = line.split('\t').collect();
        if f.len() != 10 {
            return Err(format!("line {}: expected 10 tab-separated fields, found {}", n + 1, f.len()));
        }
        if f[0].contains('-') || f[0].contains('.') {
            continue;
        }
        let head = if f[6] == "_" {
            0
        } else {
            f[6].parse().map_err(|_| format!("line {}: bad head {:?}", n + 1, f[6]))?
        };
        cur.words.push(Word {
            form: f[1].to_string(),
            lemma: f[2].to_string(),
            upos: f[3].to_string(),
            xpos: f[4].to_string(),
            head,
            deprel: f[7].to_string(),
            no_space_after: f[9].split('|').any(|m| m == "SpaceAfter=No"),
        });
    }
    if !cur.words.is_empty() {
        out.push(cur);
    }
    Ok(out)
}

/// Reads and parses a CoNLL-U file.
///
/// # Errors
/// The file cannot be read, or a line is malformed; the message names the file.
pub fn read(path: impl AsRef<std::path::Path>) -> Result<Vec<Sentence>, String> {
    let path = path.as_ref();
    let data = std::fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    parse(&data).map_err(|e| format!("{}: {e}", path.display()))
}
