//! The synthetic catalogue of the benchmarks (`examples/synth.rs`, which
//! includes this file with `#[path]`) and of the tests that need a large
//! site: N workshops spread over levels of several pathways, with
//! realistic Markdown, cross-links, offerings and requirement expressions.
//!
//! Deterministic (a fixed-seed generator), so benchmark runs compare like
//! with like. Only the standard library: the example shares it as it is.

use std::fmt::Write as _;
use std::path::Path;

/// A small fixed-seed generator (xorshift): no dependency, same catalogue every run.
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

const WORDS: &[&str] = &[
    "consent",
    "practice",
    "scene",
    "rehearsal",
    "choreography",
    "safety",
    "boundaries",
    "communication",
    "production",
    "performer",
    "director",
    "movement",
    "trust",
    "process",
    "workshop",
    "theatre",
    "camera",
    "closed",
    "set",
    "modesty",
    "garment",
    "story",
    "partner",
    "pacing",
    "breath",
    "feedback",
    "care",
    "advocacy",
    "training",
    "listening",
    "respect",
    "timing",
    "stage",
    "script",
    "agreement",
    "check-in",
];

fn sentence(rng: &mut Rng, words: usize) -> String {
    let mut s = String::new();
    for i in 0..words {
        let word = WORDS[rng.below(WORDS.len())];
        if i == 0 {
            let mut chars = word.chars();
            if let Some(first) = chars.next() {
                s.extend(first.to_uppercase());
                s.push_str(chars.as_str());
            }
        } else {
            s.push(' ');
            s.push_str(word);
        }
    }
    s.push('.');
    s
}

/// A French translation beside every content file, and the languages in
/// site.toml.
pub fn translate(root: &Path) -> std::io::Result<()> {
    let mut site = std::fs::read_to_string(root.join("site.toml"))?;
    site.push_str("\n[languages.en]\nname = \"English\"\n\n[languages.fr]\nname = \"Français\"\n");
    std::fs::write(root.join("site.toml"), site)?;
    let mut stack = vec![root.join("content")];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir)? {
            let path = entry?.path();
            if path.is_dir() {
                stack.push(path);
                continue;
            }
            let name = path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            let Some(stem) = name.strip_suffix(".md") else {
                continue;
            };
            if stem.contains('.') {
                continue;
            }
            let text = std::fs::read_to_string(&path)?;
            let mut parts = text.splitn(3, "+++\n");
            let (_, front, body) = (
                parts.next(),
                parts.next().unwrap_or(""),
                parts.next().unwrap_or(""),
            );
            let mut translated = String::from("+++\n");
            for line in front.lines() {
                for key in ["title = \"", "summary = \""] {
                    if let Some(rest) = line.strip_prefix(key) {
                        translated.push_str(&format!("{key}FR {rest}\n"));
                    }
                }
            }
            translated.push_str("+++\n");
            translated.push_str(body);
            std::fs::write(path.with_file_name(format!("{stem}.fr.md")), translated)?;
        }
    }
    Ok(())
}

/// Writes `site.toml` and `content/` of a catalogue of `workshops`
/// workshops under `root`, each with `offerings` offerings (by default 0,
/// 1 or 2 by turns), every one on whole days.
pub fn write_catalogue(
    root: &Path,
    workshops: usize,
    offerings: Option<usize>,
) -> std::io::Result<()> {
    let mut rng = Rng(0x5eed_cafe_f00d);
    let pathways = (workshops / 2000).clamp(1, 8);
    let levels_per_pathway = 4;
    let levels = pathways * levels_per_pathway;
    let requirements = 40;
    for dir in [
        "pathways",
        "levels",
        "workshops",
        "requirements",
        "credentials",
    ] {
        std::fs::create_dir_all(root.join("content").join(dir))?;
    }
    std::fs::write(
        root.join("site.toml"),
        "title = \"Synthetic catalogue\"\nbase_url = \"https://bench.example.org\"\n\n[organizations.org]\nname = \"Benchmark Org\"\nurl = \"https://org.example.org\"\n",
    )?;
    std::fs::write(
        root.join("content/_index.md"),
        "+++\ntitle = \"Synthetic catalogue\"\nsummary = \"A generated catalogue for benchmarks.\"\n+++\nA generated catalogue for benchmarks.\n",
    )?;

    for r in 0..requirements {
        let measured = r % 10 == 0;
        let mut text = format!(
            "+++\ntitle = \"Requirement {r}\"\nsummary = \"{}\"\n",
            sentence(&mut rng, 10)
        );
        text.push_str(if measured {
            "category = \"experience\"\nunit = \"hours\"\n"
        } else {
            "category = \"training\"\n"
        });
        if r % 7 == 0 {
            text.push_str("valid_for = \"3 years\"\n\n[[providers]]\nname = \"Provider\"\nurl = \"https://provider.example.org\"\n");
        }
        let _ = write!(
            text,
            "+++\n{}\n\n{}\n",
            sentence(&mut rng, 40),
            sentence(&mut rng, 30)
        );
        std::fs::write(root.join(format!("content/requirements/req-{r}.md")), text)?;
    }
    for p in 0..pathways {
        std::fs::write(
            root.join(format!("content/pathways/pathway-{p}.md")),
            format!(
                "+++\ntitle = \"Pathway {p}\"\nsummary = \"{}\"\norganization = \"org\"\noutcome = \"cred-{p}-{}\"\n+++\n{}\n",
                sentence(&mut rng, 12),
                levels_per_pathway - 1,
                sentence(&mut rng, 60)
            ),
        )?;
        for l in 0..levels_per_pathway {
            let id = format!("level-{p}-{l}");
            let mut text = format!(
                "+++\ntitle = \"Level {l} of pathway {p}\"\nsummary = \"{}\"\npathway = \"pathway-{p}\"\norder = {}\nawards = \"cred-{p}-{l}\"\n",
                sentence(&mut rng, 12),
                l + 1
            );
            if l > 0 {
                let _ = writeln!(
                    text,
                    "requires = [\"cred-{p}-{}\", {{ any = [\"req-{}\", {{ has = \"req-{}\", at_least = 100 }}] }}, {{ all = [\"req-{}\"], preferred = true, note = \"Recommended.\" }}]",
                    l - 1,
                    // Required from 1-9, preferred from 21-29: never the
                    // same item (W005); multiples of 10 are the measured ones.
                    1 + rng.below(9),
                    10 * rng.below(requirements / 10),
                    21 + rng.below(9)
                );
            }
            let _ = writeln!(text, "completion = {{ choose = 3, from = \"{id}\" }}");
            let _ = write!(
                text,
                "+++\n## Learning objectives\n\n{}\n\n## How to apply\n\n{}\n",
                sentence(&mut rng, 50),
                sentence(&mut rng, 40)
            );
            std::fs::write(root.join(format!("content/levels/{id}.md")), text)?;
            std::fs::write(
                root.join(format!("content/credentials/cred-{p}-{l}.md")),
                format!(
                    "+++\ntitle = \"Credential {p}-{l}\"\nsummary = \"{}\"\nissuer = \"org\"\n+++\n{}\n",
                    sentence(&mut rng, 10),
                    sentence(&mut rng, 30)
                ),
            )?;
        }
    }
    for w in 0..workshops {
        let level = w % levels;
        let (p, l) = (level / levels_per_pathway, level % levels_per_pathway);
        let mut text = format!(
            "+++\ntitle = \"Workshop {w}: {}\"\nsummary = \"{}\"\nlevel = \"level-{p}-{l}\"\nduration = \"{} days\"\ntopics = [\"{}\", \"{}\"]\naudience = [\"actors\", \"directors\"]\n",
            WORDS[rng.below(WORDS.len())],
            sentence(&mut rng, 14),
            1 + rng.below(3),
            WORDS[rng.below(WORDS.len())],
            WORDS[rng.below(WORDS.len())]
        );
        if w % 5 == 0 {
            let _ = writeln!(
                text,
                "requires = [\"req-{}\", \"req-{}\"]",
                rng.below(requirements),
                rng.below(requirements)
            );
        }
        // Only the fields every release reads, so that old and new
        // binaries build the same catalogue.
        for o in 0..offerings.unwrap_or(w % 3) {
            let month = 1 + (w + o) % 12;
            let _ = write!(
                text,
                "\n[[offerings]]\nstart = 2027-{month:02}-{:02}\nend = 2027-{month:02}-{:02}\n",
                1 + o,
                3 + o
            );
            if o % 2 == 0 {
                text.push_str(
                    "location = \"Toronto\"\nregister = \"https://org.example.org/register\"\n",
                );
            } else {
                text.push_str("online = true\n");
            }
        }
        let other = rng.below(workshops);
        let _ = write!(
            text,
            "+++\n{}\n\n## What you will learn\n\n- {}\n- {}\n- {}\n\nThis workshop belongs to [its level](@level-{p}-{l}) and pairs well with [workshop {other}](@workshop-{other}). See the [learning objectives](@level-{p}-{l}#learning-objectives).\n\n## Format\n\n{}\n\n> {}\n\n| Day | Focus |\n|---|---|\n| 1 | {} |\n| 2 | {} |\n",
            sentence(&mut rng, 60),
            sentence(&mut rng, 8),
            sentence(&mut rng, 8),
            sentence(&mut rng, 8),
            sentence(&mut rng, 45),
            sentence(&mut rng, 20),
            WORDS[rng.below(WORDS.len())],
            WORDS[rng.below(WORDS.len())]
        );
        std::fs::write(
            root.join(format!("content/workshops/workshop-{w}.md")),
            text,
        )?;
    }
    Ok(())
}
