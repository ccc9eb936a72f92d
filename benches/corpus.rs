//! The corpus the benches run on: the files under `$DOSSIER_CORPUS` (a directory of .txt files
//! or one file), else `../shared/data/news/dev` when it exists, else the article that ships in
//! `examples/`, repeated. Documents are joined with blank lines.

#![allow(dead_code)]

use std::path::{Path, PathBuf};

pub fn load() -> (String, String) {
    let candidates: Vec<PathBuf> = std::env::var_os("DOSSIER_CORPUS")
        .map(PathBuf::from)
        .into_iter()
        .chain(std::iter::once(PathBuf::from("../shared/data/news/dev")))
        .collect();
    for c in candidates {
        if let Some(text) = read(&c) {
            return (text, c.display().to_string());
        }
    }
    let article = include_str!("../examples/article.txt");
    (vec![article; 200].join("\n\n"), "built-in: examples/article.txt x200".into())
}

/// The documents one by one (split on the joins made by [`load`] for directories).
pub fn documents() -> (Vec<String>, String) {
    let candidates: Vec<PathBuf> = std::env::var_os("DOSSIER_CORPUS")
        .map(PathBuf::from)
        .into_iter()
        .chain(std::iter::once(PathBuf::from("../shared/data/news/dev")))
        .collect();
    for c in candidates {
        if let Some(docs) = read_docs(&c) {
            return (docs, c.display().to_string());
        }
    }
    let article = include_str!("../examples/article.txt").to_string();
    (vec![article; 200], "built-in: examples/article.txt x200".into())
}

fn read_docs(p: &Path) -> Option<Vec<String>> {
    if p.is_file() {
        return std::fs::read_to_string(p).ok().map(|t| vec![t]);
    }
    let mut files: Vec<PathBuf> = std::fs::read_dir(p)
        .ok()?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    let docs: Vec<String> = files.iter().filter_map(|f| std::fs::read_to_string(f).ok()).collect();
    if docs.is_empty() { None } else { Some(docs) }
}

fn read(p: &Path) -> Option<String> {
    read_docs(p).map(|d| d.join("\n\n"))
}
