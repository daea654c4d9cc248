//! No input may panic the generator. Every description in the repository is mutated many
//! times (lines dropped, doubled and swapped; YAML punctuation and hostile names inserted)
//! and each result must either generate or be rejected with diagnostics, never panic.
//! Deterministic: the same seed gives the same inputs on every run.

use std::fs;
use std::panic;
use std::path::Path;

/// A small xorshift generator: reproducible without a dependency.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

const PUNCTUATION: &[&str] = &[
    ":", "{", "}", "[", "]", ",", "- ", "#", "&a", "*a", "!t", "|", ">", "'", "\"", "\n", "  ",
    "\t", "~", "? ",
];
const HOSTILE: &[&str] = &[
    "type",
    "self",
    "Self",
    "crate",
    "1080p",
    "",
    "_",
    "__",
    "é",
    "Unknown",
    "ErrorKind",
    "r#type",
    "a-b",
    "a.b",
    "null",
    "true",
    "999999999999999999999",
    "-1",
    "0",
    "{x}",
    "/{",
    "a b",
];

fn mutate(source: &str, rng: &mut Rng) -> String {
    let mut lines: Vec<String> = source.lines().map(str::to_owned).collect();
    for _ in 0..=rng.below(3) {
        if lines.is_empty() {
            break;
        }
        let i = rng.below(lines.len());
        match rng.below(6) {
            0 => {
                lines.remove(i);
            }
            1 => {
                let line = lines[i].clone();
                lines.insert(i, line);
            }
            2 => {
                let j = rng.below(lines.len());
                lines.swap(i, j);
            }
            3 => {
                let line = &mut lines[i];
                let at = line
                    .char_indices()
                    .map(|(at, _)| at)
                    .nth(rng.below(line.chars().count() + 1))
                    .unwrap_or(line.len());
                line.insert_str(at, PUNCTUATION[rng.below(PUNCTUATION.len())]);
            }
            4 => {
                // Replace one word with a hostile name.
                let words: Vec<&str> = lines[i]
                    .split(|c: char| !c.is_alphanumeric() && c != '_')
                    .filter(|w| !w.is_empty())
                    .collect();
                if let Some(word) = words.get(rng.below(words.len())).map(|w| (*w).to_owned()) {
                    lines[i] = lines[i].replacen(&word, HOSTILE[rng.below(HOSTILE.len())], 1);
                }
            }
            _ => {
                let line = &mut lines[i];
                let keep = rng.below(line.len() + 1);
                let keep = (0..=keep)
                    .rev()
                    .find(|&k| line.is_char_boundary(k))
                    .unwrap_or(0);
                line.truncate(keep);
            }
        }
    }
    lines.join("\n")
}

fn descriptions() -> Vec<(String, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut found = vec![root.join("../api.yaml")];
    for dir in ["tests/golden", "tests/ui"] {
        let mut stack = vec![root.join(dir)];
        while let Some(current) = stack.pop() {
            for entry in fs::read_dir(&current).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() && !path.ends_with("expected") {
                    stack.push(path);
                } else if path.extension().is_some_and(|e| e == "yaml") {
                    found.push(path);
                }
            }
        }
    }
    found.sort();
    found
        .into_iter()
        .map(|path| {
            (
                path.display().to_string(),
                fs::read_to_string(&path).unwrap(),
            )
        })
        .collect()
}

#[test]
fn mutated_descriptions_never_panic() {
    // Keep panics quiet while probing; report the input that caused one.
    panic::set_hook(Box::new(|_| {}));
    let mut rng = Rng(0x5eed_1234_abcd_ef01);
    let (mut accepted, mut rejected) = (0, 0);
    for (name, source) in descriptions() {
        let rounds = if name.ends_with("api.yaml") && !name.contains("tests") {
            400
        } else {
            60
        };
        for round in 0..rounds {
            let input = mutate(&source, &mut rng);
            let result = panic::catch_unwind(|| codegen::generate(&input, "mutated.yaml"));
            match result {
                Ok(Ok(output)) => {
                    accepted += 1;
                    assert!(
                        !output.is_empty(),
                        "{name} round {round}: accepted with no files"
                    );
                }
                Ok(Err(diagnostics)) => {
                    rejected += 1;
                    assert!(
                        !diagnostics.is_empty(),
                        "{name} round {round}: rejected without a reason"
                    );
                    // Rendering the diagnostics must not panic either.
                    let _ = diagnostics.to_string();
                }
                Err(_) => {
                    let _ = panic::take_hook();
                    panic!("{name} round {round}: the generator panicked on this input:\n{input}");
                }
            }
        }
    }
    let _ = panic::take_hook();
    // Both outcomes must be exercised, or the mutations are too weak or too strong.
    assert!(
        accepted > 50 && rejected > 50,
        "accepted {accepted}, rejected {rejected}"
    );
}
