//! The one error type: building an [`Extractor`](crate::Extractor) or a gazetteer can fail,
//! extracting cannot.

use std::fmt;

/// An error raised while building an [`Extractor`](crate::Extractor) or one of its parts
/// (a gazetteer, a pattern, a configuration value).
///
/// The type is opaque: its `Display` names the offending value, and accessors tell where the
/// problem was (file, line, pattern). The underlying cause, if any, is kept in
/// [`std::error::Error::source`].
#[derive(Debug)]
pub struct BuildError {
    kind: ErrorKind,
    file: Option<String>,
    line: Option<usize>,
    pattern: Option<String>,
    source: Option<Box<dyn std::error::Error + Send + Sync + 'static>>,
}

/// What went wrong. Private so that new kinds can be added freely.
#[derive(Debug)]
pub(crate) enum ErrorKind {
    /// A configuration value is out of range.
    Config(String),
    /// A line of a data file could not be read.
    Syntax(String),
    /// A file could not be read at all.
    Io(String),
    /// A pattern is malformed.
    Pattern(String),
}

impl BuildError {
    pub(crate) fn new(kind: ErrorKind) -> BuildError {
        BuildError { kind, file: None, line: None, pattern: None, source: None }
    }

    pub(crate) fn config(msg: impl Into<String>) -> BuildError {
        BuildError::new(ErrorKind::Config(msg.into()))
    }

    pub(crate) fn syntax(msg: impl Into<String>) -> BuildError {
        BuildError::new(ErrorKind::Syntax(msg.into()))
    }

    pub(crate) fn io(msg: impl Into<String>, err: std::io::Error) -> BuildError {
        let mut e = BuildError::new(ErrorKind::Io(msg.into()));
        e.source = Some(Box::new(err));
        e
    }

    pub(crate) fn pattern(id: impl Into<String>, msg: impl Into<String>) -> BuildError {
        let mut e = BuildError::new(ErrorKind::Pattern(msg.into()));
        e.pattern = Some(id.into());
        e
    }

    pub(crate) fn with_file(mut self, file: impl Into<String>) -> BuildError {
        self.file = Some(file.into());
        self
    }

    pub(crate) fn with_line(mut self, line: usize) -> BuildError {
        self.line = Some(line);
        self
    }

    /// The file (or the name given to an in-memory source) the error was found in, if any.
    pub fn file(&self) -> Option<&str> {
        self.file.as_deref()
    }

    /// The 1-based line the error was found on, if it came from a line-oriented file.
    pub fn line(&self) -> Option<usize> {
        self.line
    }

    /// The id of the pattern the error is about, if it is about a pattern.
    pub fn pattern_id(&self) -> Option<&str> {
        self.pattern.as_deref()
    }
}

impl fmt::Display for BuildError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (&self.file, self.line) {
            (Some(file), Some(line)) => write!(f, "{file}:{line}: ")?,
            (Some(file), None) => write!(f, "{file}: ")?,
            (None, Some(line)) => write!(f, "line {line}: ")?,
            (None, None) => {}
        }
        if let Some(p) = &self.pattern {
            write!(f, "pattern {p:?}: ")?;
        }
        match &self.kind {
            ErrorKind::Config(m) => write!(f, "invalid configuration: {m}"),
            ErrorKind::Syntax(m) => write!(f, "{m}"),
            ErrorKind::Io(m) => write!(f, "cannot read {m}"),
            ErrorKind::Pattern(m) => write!(f, "{m}"),
        }
    }
}

impl std::error::Error for BuildError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.source.as_deref().map(|e| e as &(dyn std::error::Error + 'static))
    }
}
