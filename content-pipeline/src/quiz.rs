//! `content/quiz/`: the item bank (`items.toml`) and the wording of results
//! (`results.toml`). Both are checked here so that an unbalanced bank, a
//! missing region or a broken link fails the build instead of the quiz.

use std::collections::BTreeSet;
use std::path::Path;

use serde::Deserialize;
use toml::Spanned;

use crate::data_file::{at, line_of, link_exists, parse};
use crate::{Diagnostic, DocKind, Document};

/// Reverse-keyed items per dimension must be within this share of its items
/// ("about a third"): enough to catch agreeing with everything, not so many
/// that the statements read like riddles.
const REVERSED_SHARE: (usize, usize) = (1, 4); // at least a quarter
const REVERSED_SHARE_MAX: (usize, usize) = (1, 2); // at most a half
/// Fewer statements than this per dimension would not be a quiz worth scoring.
const MIN_ITEMS_PER_DIMENSION: usize = 6;
const MAX_STATEMENT_CHARS: usize = 160;
const PERSON: &str = "{person}";

const DIMENSIONS: [(&str, &str); 2] = [("anxiety", "Anxiety"), ("avoidance", "Avoidance")];
/// Region keys with the display name the domain uses for each.
const REGIONS: [(&str, &str); 4] = [
    ("secure", "Secure"),
    ("anxious", "Anxious"),
    ("avoidant", "Avoidant"),
    ("fearful", "Fearful-avoidant"),
];
const STRENGTHS: usize = 3;
const GROWTH_EDGES: usize = 3;
const NEXT_STEPS: usize = 3;
const WEEKS: usize = 4;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ItemBank {
    scale: Scale,
    item: Vec<RawItem>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Scale {
    labels: Spanned<Vec<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawItem {
    id: Spanned<String>,
    dimension: Spanned<String>,
    reversed: bool,
    text: Spanned<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ResultWords {
    dimension: std::collections::BTreeMap<String, Spanned<DimensionWords>>,
    region: std::collections::BTreeMap<String, Spanned<RegionWords>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DimensionWords {
    name: String,
    about: String,
    low: String,
    high: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RegionWords {
    name: Spanned<String>,
    article: Spanned<String>,
    meaning: String,
    near_boundary: String,
    strengths: Spanned<Vec<String>>,
    growth_edges: Spanned<Vec<String>>,
    next_step: Spanned<Vec<NextStep>>,
    week: Spanned<Vec<Week>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct NextStep {
    title: String,
    href: Spanned<String>,
    why: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Week {
    title: Spanned<String>,
    practices: Vec<String>,
}

/// Checks `content/quiz/` and returns the generated Rust for it.
pub fn compile(
    dir: &Path,
    docs: &[Document],
    static_routes: &[&str],
    diags: &mut Vec<Diagnostic>,
) -> String {
    let mut code = String::new();
    let items_file = dir.join("items.toml");
    match std::fs::read_to_string(&items_file) {
        Ok(text) => {
            if let Some(bank) = check_items(&items_file, &text, diags) {
                code.push_str(&generate_items(&bank));
            }
        }
        Err(e) => diags.push(at(
            &items_file,
            1,
            format!("cannot read the item bank: {e}"),
        )),
    }
    let results_file = dir.join("results.toml");
    match std::fs::read_to_string(&results_file) {
        Ok(text) => {
            if let Some(words) = check_results(&results_file, &text, docs, static_routes, diags) {
                code.push_str(&generate_results(&words));
            }
        }
        Err(e) => diags.push(at(
            &results_file,
            1,
            format!("cannot read the result wording: {e}"),
        )),
    }
    code
}

fn check_items(file: &Path, text: &str, diags: &mut Vec<Diagnostic>) -> Option<ItemBank> {
    let bank: ItemBank = parse(file, text, "item bank", diags)?;
    let before = diags.len();
    let line = |s: std::ops::Range<usize>| line_of(text, s.start);

    let labels = bank.scale.labels.get_ref();
    if labels.len() != 7 || labels.iter().any(|l| l.trim().is_empty()) {
        diags.push(at(
            file,
            line(bank.scale.labels.span()),
            format!(
                "the agreement scale needs 7 labelled points (1 to 7), found {} labels",
                labels.iter().filter(|l| !l.trim().is_empty()).count()
            ),
        ));
    }

    let mut ids = BTreeSet::new();
    let mut texts = BTreeSet::new();
    for item in &bank.item {
        let id = item.id.get_ref();
        let valid_id = !id.is_empty()
            && id
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
        if !valid_id {
            diags.push(at(
                file,
                line(item.id.span()),
                format!("item id `{id}` must be lowercase letters, digits and dashes"),
            ));
        }
        if !ids.insert(id.clone()) {
            diags.push(at(
                file,
                line(item.id.span()),
                format!("duplicate item id `{id}`"),
            ));
        }
        let dimension = item.dimension.get_ref();
        if !DIMENSIONS.iter().any(|(key, _)| key == dimension) {
            diags.push(at(
                file,
                line(item.dimension.span()),
                format!(
                    "item `{id}`: dimension must be `anxiety` or `avoidance`, not `{dimension}`"
                ),
            ));
        }
        let statement = item.text.get_ref();
        let at_text = line(item.text.span());
        if statement.matches(PERSON).count() != 1 {
            diags.push(at(
                file,
                at_text,
                format!("item `{id}` must name the relationship once as {PERSON}, so it can be answered about a partner, a parent or a friend"),
            ));
        }
        if statement.replace(PERSON, "").contains(['{', '}', '<', '>']) {
            diags.push(at(file, at_text, format!("item `{id}`: only the {PERSON} placeholder may use braces, and no markup is allowed")));
        }
        if statement.chars().count() > MAX_STATEMENT_CHARS {
            diags.push(at(file, at_text, format!("item `{id}` is longer than {MAX_STATEMENT_CHARS} characters; keep statements short enough to read on a phone")));
        }
        if statement.starts_with(PERSON) {
            diags.push(at(file, at_text, format!("item `{id}` starts with {PERSON}; start with other words so the sentence keeps its capital letter")));
        }
        if !texts.insert(statement.trim().to_lowercase()) {
            diags.push(at(
                file,
                at_text,
                format!("item `{id}` repeats another statement word for word"),
            ));
        }
    }

    let mut counts = Vec::new();
    for (key, name) in DIMENSIONS {
        let of_dim: Vec<&RawItem> = bank
            .item
            .iter()
            .filter(|i| i.dimension.get_ref() == key)
            .collect();
        let reversed = of_dim.iter().filter(|i| i.reversed).count();
        let n = of_dim.len();
        counts.push(n);
        if n < MIN_ITEMS_PER_DIMENSION {
            diags.push(at(
                file,
                1,
                format!("{name} has {n} statements; it needs at least {MIN_ITEMS_PER_DIMENSION}"),
            ));
        }
        let lowest = (n * REVERSED_SHARE.0).div_ceil(REVERSED_SHARE.1).max(1);
        let highest = n * REVERSED_SHARE_MAX.0 / REVERSED_SHARE_MAX.1;
        if reversed < lowest || reversed > highest {
            diags.push(at(
                file,
                1,
                format!("{name} has {reversed} reverse-keyed statements of {n}; keep between {lowest} and {highest} (about a third) so agreeing with everything does not decide the score"),
            ));
        }
    }
    if counts[0] != counts[1] {
        diags.push(at(
            file,
            1,
            format!("the bank is unbalanced: {} anxiety statements and {} avoidance statements; both dimensions need the same number", counts[0], counts[1]),
        ));
    }
    (diags.len() == before).then_some(bank)
}

fn check_results(
    file: &Path,
    text: &str,
    docs: &[Document],
    static_routes: &[&str],
    diags: &mut Vec<Diagnostic>,
) -> Option<ResultWords> {
    let words: ResultWords = parse(file, text, "result wording", diags)?;
    let before = diags.len();
    let line = |s: std::ops::Range<usize>| line_of(text, s.start);

    for (key, name) in DIMENSIONS {
        match words.dimension.get(key) {
            None => diags.push(at(file, 1, format!("missing [dimension.{key}]"))),
            Some(d) => {
                let d_line = line(d.span());
                let d = d.get_ref();
                if d.name != name {
                    diags.push(at(
                        file,
                        d_line,
                        format!("[dimension.{key}] name must be `{name}`"),
                    ));
                }
                for (field, value) in [("about", &d.about), ("low", &d.low), ("high", &d.high)] {
                    check_plain(
                        file,
                        d_line,
                        &format!("dimension.{key}.{field}"),
                        value,
                        diags,
                    );
                }
            }
        }
    }
    for key in words.dimension.keys() {
        if !DIMENSIONS.iter().any(|(k, _)| k == key) {
            diags.push(at(file, 1, format!("unknown dimension `{key}`")));
        }
    }
    for key in words.region.keys() {
        if !REGIONS.iter().any(|(k, _)| k == key) {
            diags.push(at(
                file,
                1,
                format!("unknown region `{key}`; regions are secure, anxious, avoidant, fearful"),
            ));
        }
    }

    for (key, name) in REGIONS {
        let Some(spanned) = words.region.get(key) else {
            diags.push(at(file, 1, format!("missing [region.{key}]")));
            continue;
        };
        let r_line = line(spanned.span());
        let r = spanned.get_ref();
        if r.name.get_ref() != name {
            diags.push(at(
                file,
                line(r.name.span()),
                format!("[region.{key}] name must be `{name}`"),
            ));
        }
        let article = r.article.get_ref();
        if !docs
            .iter()
            .any(|d| d.kind == DocKind::Article && &d.slug == article)
        {
            diags.push(at(
                file,
                line(r.article.span()),
                format!("[region.{key}] article `{article}` does not exist"),
            ));
        }
        check_plain(
            file,
            r_line,
            &format!("region.{key}.meaning"),
            &r.meaning,
            diags,
        );
        check_plain(
            file,
            r_line,
            &format!("region.{key}.near_boundary"),
            &r.near_boundary,
            diags,
        );
        for (field, list, want) in [
            ("strengths", &r.strengths, STRENGTHS),
            ("growth_edges", &r.growth_edges, GROWTH_EDGES),
        ] {
            if list.get_ref().len() != want {
                diags.push(at(
                    file,
                    line(list.span()),
                    format!(
                        "[region.{key}] needs exactly {want} {field}, found {}",
                        list.get_ref().len()
                    ),
                ));
            }
            for s in list.get_ref() {
                check_plain(
                    file,
                    line(list.span()),
                    &format!("region.{key}.{field}"),
                    s,
                    diags,
                );
            }
        }
        if r.next_step.get_ref().len() != NEXT_STEPS {
            diags.push(at(
                file,
                line(r.next_step.span()),
                format!(
                    "[region.{key}] needs exactly {NEXT_STEPS} next_step entries, found {}",
                    r.next_step.get_ref().len()
                ),
            ));
        }
        for step in r.next_step.get_ref() {
            let href = step.href.get_ref();
            if href.starts_with('/') || !link_exists(href, docs, static_routes) {
                diags.push(at(
                    file,
                    line(step.href.span()),
                    format!("next step `{}` links to `{href}`: no such page (write app paths without a leading slash, e.g. `learn/triggers` or `practice/wait`)", step.title),
                ));
            }
            check_plain(
                file,
                line(step.href.span()),
                "next_step.title",
                &step.title,
                diags,
            );
            check_plain(
                file,
                line(step.href.span()),
                "next_step.why",
                &step.why,
                diags,
            );
        }
        let weeks = r.week.get_ref();
        if weeks.len() != WEEKS {
            diags.push(at(
                file,
                line(r.week.span()),
                format!(
                    "[region.{key}] needs a {WEEKS}-week plan, found {} weeks",
                    weeks.len()
                ),
            ));
        }
        for (i, week) in weeks.iter().enumerate() {
            let prefix = format!("Week {}: ", i + 1);
            if !week.title.get_ref().starts_with(&prefix) {
                diags.push(at(
                    file,
                    line(week.title.span()),
                    format!(
                        "[region.{key}] week {} must be titled \"{prefix}...\"",
                        i + 1
                    ),
                ));
            }
            if !(1..=4).contains(&week.practices.len()) {
                diags.push(at(
                    file,
                    line(week.title.span()),
                    format!("[region.{key}] week {} needs 1 to 4 practices", i + 1),
                ));
            }
            for p in &week.practices {
                check_plain(file, line(week.title.span()), "week.practices", p, diags);
            }
        }
    }
    (diags.len() == before).then_some(words)
}

/// Result wording is shown as text, so markup or links would show up raw.
fn check_plain(file: &Path, line: usize, field: &str, value: &str, diags: &mut Vec<Diagnostic>) {
    if value.trim().is_empty() {
        diags.push(at(file, line, format!("`{field}` is empty")));
    } else if value.contains(['<', '>', '[', ']', '*', '`']) || value.contains("http") {
        diags.push(at(
            file,
            line,
            format!("`{field}` must be plain text (no markup or links): {value:?}"),
        ));
    }
}

fn generate_items(bank: &ItemBank) -> String {
    let mut code = format!(
        "pub static SCALE_LABELS: [&str; 7] = {:?};\n",
        bank.scale.labels.get_ref()
    );
    code.push_str("pub static QUIZ_ITEMS: &[Item] = &[\n");
    for item in &bank.item {
        let dimension = if item.dimension.get_ref() == "anxiety" {
            "Anxiety"
        } else {
            "Avoidance"
        };
        code.push_str(&format!(
            "    Item {{ id: {:?}, dimension: Dimension::{dimension}, reversed: {}, text: {:?} }},\n",
            item.id.get_ref(),
            item.reversed,
            item.text.get_ref()
        ));
    }
    code.push_str("];\n");
    code
}

fn generate_results(words: &ResultWords) -> String {
    let mut code = String::from("pub static DIMENSION_WORDS: [DimensionWords; 2] = [\n");
    for (key, _) in DIMENSIONS {
        let d = words.dimension[key].get_ref();
        code.push_str(&format!(
            "    DimensionWords {{ about: {:?}, low: {:?}, high: {:?} }},\n",
            d.about, d.low, d.high
        ));
    }
    code.push_str("];\npub static REGION_WORDS: [RegionWords; 4] = [\n");
    for (key, _) in REGIONS {
        let r = words.region[key].get_ref();
        let steps: Vec<String> = r
            .next_step
            .get_ref()
            .iter()
            .map(|s| {
                format!(
                    "NextStep {{ title: {:?}, href: {:?}, why: {:?} }}",
                    s.title,
                    s.href.get_ref(),
                    s.why
                )
            })
            .collect();
        let weeks: Vec<String> = r
            .week
            .get_ref()
            .iter()
            .map(|w| {
                format!(
                    "PlanWeek {{ title: {:?}, practices: &{:?} }}",
                    w.title.get_ref(),
                    w.practices
                )
            })
            .collect();
        code.push_str(&format!(
            "    RegionWords {{ article: {:?}, meaning: {:?}, near_boundary: {:?}, strengths: &{:?}, growth_edges: &{:?}, next_steps: &[{}], plan: &[{}] }},\n",
            r.article.get_ref(),
            r.meaning,
            r.near_boundary,
            r.strengths.get_ref(),
            r.growth_edges.get_ref(),
            steps.join(", "),
            weeks.join(", ")
        ));
    }
    code.push_str("];\n");
    code
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bank(items: &[(&str, &str, bool)]) -> String {
        let mut s =
            String::from("[scale]\nlabels = [\"1\", \"2\", \"3\", \"4\", \"5\", \"6\", \"7\"]\n");
        for (i, (id, dim, rev)) in items.iter().enumerate() {
            s.push_str(&format!(
                "\n[[item]]\nid = \"{id}\"\ndimension = \"{dim}\"\nreversed = {rev}\ntext = \"Statement {i} about {{person}}.\"\n"
            ));
        }
        s
    }

    fn balanced() -> Vec<(String, &'static str, bool)> {
        let mut v = Vec::new();
        for i in 0..6 {
            v.push((format!("anx-{i}"), "anxiety", i % 3 == 0));
            v.push((format!("avo-{i}"), "avoidance", i % 3 == 0));
        }
        v
    }

    fn check(text: &str) -> Vec<Diagnostic> {
        let mut diags = Vec::new();
        check_items(Path::new("items.toml"), text, &mut diags);
        diags
    }

    fn as_refs<'a>(v: &'a [(String, &'static str, bool)]) -> Vec<(&'a str, &'a str, bool)> {
        v.iter().map(|(a, b, c)| (a.as_str(), *b, *c)).collect()
    }

    #[test]
    fn a_balanced_bank_passes_and_generates_every_item() {
        let text = bank(&as_refs(&balanced()));
        assert_eq!(check(&text), vec![]);
        let mut diags = Vec::new();
        let code = generate_items(&check_items(Path::new("i"), &text, &mut diags).unwrap());
        assert_eq!(code.matches("Item {").count(), 12);
        assert!(code.contains("Dimension::Avoidance, reversed: true"));
    }

    #[test]
    fn an_unbalanced_bank_fails() {
        let mut items = balanced();
        items.push(("anx-extra".into(), "anxiety", false));
        let diags = check(&bank(&as_refs(&items)));
        assert!(
            diags.iter().any(|d| d.message.contains("unbalanced")),
            "{diags:?}"
        );
    }

    #[test]
    fn a_dimension_without_reverse_keys_fails() {
        let items: Vec<_> = balanced()
            .into_iter()
            .map(|(id, dim, rev)| (id, dim, rev && dim == "anxiety"))
            .collect();
        let diags = check(&bank(&as_refs(&items)));
        assert!(
            diags
                .iter()
                .any(|d| d.message.starts_with("Avoidance has 0 reverse-keyed")),
            "{diags:?}"
        );
    }

    #[test]
    fn duplicate_ids_point_at_their_line() {
        let mut items = balanced();
        items[2].0 = "anx-0".into();
        let text = bank(&as_refs(&items));
        let diags = check(&text);
        let dup = diags
            .iter()
            .find(|d| d.message.contains("duplicate item id"))
            .expect("reported");
        assert_eq!(text.lines().nth(dup.line - 1).unwrap(), "id = \"anx-0\"");
    }

    #[test]
    fn a_statement_without_the_person_placeholder_fails() {
        let text = bank(&as_refs(&balanced())).replacen("about {person}", "about people", 1);
        assert!(
            check(&text)
                .iter()
                .any(|d| d.message.contains("must name the relationship"))
        );
    }

    #[test]
    fn a_scale_needs_seven_labels() {
        let text = bank(&as_refs(&balanced())).replace("\"6\", \"7\"", "\"6\"");
        assert!(
            check(&text)
                .iter()
                .any(|d| d.line == 2 && d.message.contains("7 labelled points"))
        );
    }

    #[test]
    fn links_are_checked_against_routes_and_headings() {
        let routes = ["help", "practice/wait"];
        assert!(link_exists("practice/wait", &[], &routes));
        assert!(link_exists("help", &[], &routes));
        assert!(!link_exists("practice/nope", &[], &routes));
        assert!(!link_exists("help#x", &[], &routes));
    }
}
