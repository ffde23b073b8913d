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
/// Statements per dimension: enough for every facet to have several, few
/// enough to answer in about eight minutes. The intro, the tests and stored
/// results (`of`) count on it.
const ITEMS_PER_DIMENSION: usize = 18;
const MAX_STATEMENT_CHARS: usize = 160;
const PERSON: &str = "{person}";
/// A facet needs at least this many statements, so no part of a dimension
/// rests on one wording.
const MIN_ITEMS_PER_FACET: usize = 2;
/// Statements about phones or messages measure habits of a medium as much as
/// attachment, and do not fit everyone; a few are allowed.
const MAX_MEDIUM_ITEMS: usize = 3;
/// Words that tie a statement to a phone or to messages.
const MEDIUM_WORDS: [&str; 14] = [
    "phone",
    "phones",
    "message",
    "messages",
    "text",
    "texts",
    "texting",
    "reply",
    "replies",
    "call",
    "calls",
    "voicemail",
    "online",
    "email",
];
/// Words that join two claims into one statement: a person who agrees with
/// one half and not the other has no honest answer.
const JOINING_WORDS: [&str; 3] = ["and", "or", "but"];

/// The facets of each dimension, with the domain's `Facet` variant: the parts
/// of anxiety and avoidance the bank must cover.
const FACETS: [(&str, &str, &str); 10] = [
    ("abandonment", "anxiety", "Abandonment"),
    ("rejection", "anxiety", "Rejection"),
    ("reassurance", "anxiety", "Reassurance"),
    ("preoccupation", "anxiety", "Preoccupation"),
    ("more-closeness", "anxiety", "MoreCloseness"),
    ("closeness", "avoidance", "Closeness"),
    ("depending", "avoidance", "Depending"),
    ("depended-on", "avoidance", "DependedOn"),
    ("opening-up", "avoidance", "OpeningUp"),
    ("self-reliance", "avoidance", "SelfReliance"),
];

const DIMENSIONS: [(&str, &str); 2] = [("anxiety", "Anxiety"), ("avoidance", "Avoidance")];
/// Region keys with the display name the domain uses for each.
const REGIONS: [(&str, &str); 4] = [
    ("secure", "Secure"),
    ("anxious", "Anxious"),
    ("avoidant", "Avoidant"),
    ("fearful", "Fearful-avoidant"),
];
/// The keys of `domain::share::PairPattern`, in its order.
const PAIRS: [&str; 6] = [
    "both-secure",
    "one-secure",
    "pursue-withdraw",
    "both-anxious",
    "both-avoidant",
    "with-fearful",
];
const STRENGTHS: usize = 3;
const GROWTH_EDGES: usize = 3;
const NEXT_STEPS: usize = 3;
const WEEKS: usize = 4;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ItemBank {
    /// Stored with every result, so a result from an earlier bank is known.
    version: Spanned<u32>,
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
    facet: Spanned<String>,
    reversed: bool,
    /// For a reverse-keyed statement: the forward statement it mirrors.
    #[serde(default)]
    twin: Option<Spanned<String>>,
    text: Spanned<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ResultWords {
    dimension: std::collections::BTreeMap<String, Spanned<DimensionWords>>,
    region: std::collections::BTreeMap<String, Spanned<RegionWords>>,
    /// Said above every pair of points on a shared link's page.
    pair_note: Spanned<PairNote>,
    pair: std::collections::BTreeMap<String, Spanned<PairWords>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PairNote {
    text: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PairWords {
    heading: String,
    paragraphs: Spanned<Vec<String>>,
    links: Vec<PairLink>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PairLink {
    title: String,
    href: Spanned<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DimensionWords {
    name: String,
    about: String,
    low: String,
    /// Within half a point of the line at 4: its own words, not the high ones.
    middle: String,
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
    practices: Vec<Spanned<Practice>>,
}

/// One practice of a week, and the tool (`practice/<slug>`) that helps with
/// it, if one does.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Practice {
    text: String,
    #[serde(default)]
    tool: Option<Spanned<String>>,
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

    if *bank.version.get_ref() == 0 {
        diags.push(at(
            file,
            line(bank.version.span()),
            "the bank's version starts at 1".to_string(),
        ));
    }

    let mut ids = BTreeSet::new();
    let mut texts = BTreeSet::new();
    let mut medium = Vec::new();
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
        let facet = item.facet.get_ref();
        match FACETS.iter().find(|(key, _, _)| key == facet) {
            None => diags.push(at(
                file,
                line(item.facet.span()),
                format!(
                    "item `{id}`: unknown facet `{facet}`; facets are {}",
                    FACETS.map(|(k, _, _)| k).join(", ")
                ),
            )),
            Some((_, of_dimension, _)) if of_dimension != dimension => diags.push(at(
                file,
                line(item.facet.span()),
                format!("item `{id}`: facet `{facet}` belongs to {of_dimension}, not {dimension}"),
            )),
            Some(_) => {}
        }
        let words = statement_words(statement);
        if let Some(joining) = words.iter().find(|w| JOINING_WORDS.contains(&w.as_str())) {
            diags.push(at(file, at_text, format!("item `{id}` joins two claims with \"{joining}\"; a statement asks one thing, so someone who agrees with only half can still answer")));
        }
        if words.iter().any(|w| MEDIUM_WORDS.contains(&w.as_str())) {
            medium.push(id.clone());
        }
        let lower = statement.to_lowercase();
        for hazard in [
            format!("{PERSON}'s"),
            format!("{PERSON}\u{2019}s"),
            format!("a {PERSON}"),
            format!("an {PERSON}"),
            format!("the {PERSON}"),
        ] {
            if lower.contains(&hazard) {
                diags.push(at(file, at_text, format!("item `{id}` has \"{hazard}\", which reads wrongly for some focus (\"my partner\", \"someone I'm close to\"); rephrase around {PERSON}")));
            }
        }
        if !texts.insert(statement.trim().to_lowercase()) {
            diags.push(at(
                file,
                at_text,
                format!("item `{id}` repeats another statement word for word"),
            ));
        }
    }

    if medium.len() > MAX_MEDIUM_ITEMS {
        diags.push(at(
            file,
            1,
            format!(
                "{} statements depend on phones or messages ({}); keep at most {MAX_MEDIUM_ITEMS}, since not everyone keeps in touch that way",
                medium.len(),
                medium.join(", ")
            ),
        ));
    }
    check_twins(file, text, &bank.item, diags);
    for (key, dimension, _) in FACETS {
        let n = bank
            .item
            .iter()
            .filter(|i| i.facet.get_ref() == key)
            .count();
        if n < MIN_ITEMS_PER_FACET {
            diags.push(at(
                file,
                1,
                format!("the {dimension} facet `{key}` has {n} statements; it needs at least {MIN_ITEMS_PER_FACET}"),
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
        if n != ITEMS_PER_DIMENSION {
            diags.push(at(
                file,
                1,
                format!("{name} has {n} statements; the bank has {ITEMS_PER_DIMENSION} for each dimension"),
            ));
        }
        let lowest = (n * REVERSED_SHARE.0).div_ceil(REVERSED_SHARE.1).max(1);
        let highest = n * REVERSED_SHARE_MAX.0 / REVERSED_SHARE_MAX.1;
        if reversed < lowest || reversed > highest {
            diags.push(at(
                file,
                1,
                format!("{name} has {reversed} reverse-keyed statements of {n}; keep between {lowest} and {highest} (a quarter to a half) so agreeing with everything does not decide the score"),
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

/// Lowercase words of a statement, without the placeholder.
fn statement_words(statement: &str) -> Vec<String> {
    statement
        .replace(PERSON, " ")
        .to_lowercase()
        .split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '\u{2019}'))
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

/// Every reverse-keyed statement names a forward twin on the same facet, and
/// each forward statement is the twin of at most one: the pairs the
/// contradiction check compares.
fn check_twins(file: &Path, text: &str, items: &[RawItem], diags: &mut Vec<Diagnostic>) {
    let line = |s: std::ops::Range<usize>| line_of(text, s.start);
    let mut named = BTreeSet::new();
    for item in items {
        let id = item.id.get_ref();
        match (&item.twin, item.reversed) {
            (None, true) => diags.push(at(
                file,
                line(item.id.span()),
                format!("reverse-keyed item `{id}` needs a `twin`: the forward statement on its facet that says the opposite"),
            )),
            (Some(twin), false) => diags.push(at(
                file,
                line(twin.span()),
                format!("item `{id}` is not reverse-keyed, so it cannot name a twin; name the pair on the reverse-keyed statement"),
            )),
            (None, false) => {}
            (Some(twin), true) => {
                let twin_id = twin.get_ref();
                let at_twin = line(twin.span());
                match items.iter().find(|i| i.id.get_ref() == twin_id) {
                    None => diags.push(at(
                        file,
                        at_twin,
                        format!("item `{id}`: twin `{twin_id}` does not exist"),
                    )),
                    Some(other) if other.reversed => diags.push(at(
                        file,
                        at_twin,
                        format!("item `{id}`: twin `{twin_id}` is reverse-keyed too; a twin is a forward statement"),
                    )),
                    Some(other) if other.facet.get_ref() != item.facet.get_ref() => diags.push(at(
                        file,
                        at_twin,
                        format!(
                            "item `{id}` (facet `{}`): twin `{twin_id}` is on facet `{}`; twins share a facet",
                            item.facet.get_ref(),
                            other.facet.get_ref()
                        ),
                    )),
                    Some(_) => {
                        if !named.insert(twin_id.clone()) {
                            diags.push(at(
                                file,
                                at_twin,
                                format!("item `{id}`: `{twin_id}` is already the twin of another statement; each pair is its own"),
                            ));
                        }
                    }
                }
            }
        }
    }
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
                for (field, value) in [
                    ("about", &d.about),
                    ("low", &d.low),
                    ("middle", &d.middle),
                    ("high", &d.high),
                ] {
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
                let at_line = line(p.span());
                check_plain(file, at_line, "week.practices", &p.get_ref().text, diags);
                if let Some(tool) = &p.get_ref().tool {
                    let slug = tool.get_ref();
                    if !static_routes.contains(&format!("practice/{slug}").as_str()) {
                        let tools: Vec<&str> = static_routes
                            .iter()
                            .filter_map(|r| r.strip_prefix("practice/"))
                            .collect();
                        diags.push(at(
                            file,
                            line(tool.span()),
                            format!(
                                "[region.{key}] week {}: unknown tool `{slug}`; tools are {}",
                                i + 1,
                                tools.join(", ")
                            ),
                        ));
                    }
                }
            }
        }
    }
    check_plain(
        file,
        line(words.pair_note.span()),
        "pair_note",
        &words.pair_note.get_ref().text,
        diags,
    );
    for key in words.pair.keys() {
        if !PAIRS.contains(&key.as_str()) {
            diags.push(at(
                file,
                1,
                format!("unknown pair `{key}`; pairs are {}", PAIRS.join(", ")),
            ));
        }
    }
    for key in PAIRS {
        let Some(spanned) = words.pair.get(key) else {
            diags.push(at(file, 1, format!("missing [pair.{key}]")));
            continue;
        };
        let p_line = line(spanned.span());
        let p = spanned.get_ref();
        check_plain(
            file,
            p_line,
            &format!("pair.{key}.heading"),
            &p.heading,
            diags,
        );
        if p.paragraphs.get_ref().is_empty() {
            diags.push(at(
                file,
                line(p.paragraphs.span()),
                format!("[pair.{key}] needs at least one paragraph"),
            ));
        }
        for para in p.paragraphs.get_ref() {
            check_plain(
                file,
                line(p.paragraphs.span()),
                &format!("pair.{key}.paragraphs"),
                para,
                diags,
            );
        }
        for link in &p.links {
            let href = link.href.get_ref();
            if href.starts_with('/') || !link_exists(href, docs, static_routes) {
                diags.push(at(
                    file,
                    line(link.href.span()),
                    format!(
                        "[pair.{key}] link `{}` goes to `{href}`: no such page",
                        link.title
                    ),
                ));
            }
            check_plain(
                file,
                line(link.href.span()),
                &format!("pair.{key}.links.title"),
                &link.title,
                diags,
            );
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
        "pub static SCALE_LABELS: [&str; 7] = {:?};\npub const BANK_VERSION: u32 = {};\n",
        bank.scale.labels.get_ref(),
        bank.version.get_ref()
    );
    code.push_str("pub static QUIZ_ITEMS: &[Item] = &[\n");
    for item in &bank.item {
        let dimension = if item.dimension.get_ref() == "anxiety" {
            "Anxiety"
        } else {
            "Avoidance"
        };
        let facet = FACETS
            .iter()
            .find(|(key, _, _)| key == item.facet.get_ref())
            .map_or("", |(_, _, variant)| variant);
        let twin = item
            .twin
            .as_ref()
            .map_or("None".to_string(), |t| format!("Some({:?})", t.get_ref()));
        code.push_str(&format!(
            "    Item {{ id: {:?}, dimension: Dimension::{dimension}, facet: Facet::{facet}, reversed: {}, twin: {twin}, text: {:?} }},\n",
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
            "    DimensionWords {{ about: {:?}, low: {:?}, middle: {:?}, high: {:?} }},\n",
            d.about, d.low, d.middle, d.high
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
                let practices: Vec<String> = w
                    .practices
                    .iter()
                    .map(|p| {
                        let p = p.get_ref();
                        format!(
                            "PlanPractice {{ text: {:?}, tool: {:?} }}",
                            p.text,
                            p.tool.as_ref().map(|t| t.get_ref())
                        )
                    })
                    .collect();
                format!(
                    "PlanWeek {{ title: {:?}, practices: &[{}] }}",
                    w.title.get_ref(),
                    practices.join(", ")
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
    code.push_str(&format!(
        "pub static PAIR_NOTE: &str = {:?};\npub static PAIR_WORDS: [PairWords; {}] = [\n",
        words.pair_note.get_ref().text,
        PAIRS.len()
    ));
    for key in PAIRS {
        let p = words.pair[key].get_ref();
        let links: Vec<String> = p
            .links
            .iter()
            .map(|l| format!("({:?}, {:?})", l.title, l.href.get_ref()))
            .collect();
        code.push_str(&format!(
            "    PairWords {{ key: {key:?}, heading: {:?}, paragraphs: &{:?}, links: &[{}] }},\n",
            p.heading,
            p.paragraphs.get_ref(),
            links.join(", ")
        ));
    }
    code.push_str("];\n");
    code
}

#[cfg(test)]
mod tests {
    use super::*;

    /// One statement of a test bank: id, dimension, facet, twin (reverse-keyed
    /// when given) and text.
    #[derive(Clone)]
    struct T {
        id: String,
        dim: &'static str,
        facet: &'static str,
        twin: Option<String>,
        text: String,
    }

    /// A bank shaped like the real one: 18 statements per dimension, every
    /// facet with 3 or 4, 6 reverse-keyed on each side, each with a twin.
    fn balanced() -> Vec<T> {
        let mut v = Vec::new();
        for (f, (facet, dim, _)) in FACETS.iter().enumerate() {
            // Facets 0 and 5 get four statements, the rest 3 or 4: 18 per dimension.
            let n = if f % 5 < 3 { 4 } else { 3 };
            for k in 0..n {
                // The last statement of each facet is reverse-keyed (twin of the
                // first); facets 2 and 7 reverse one more (twin of the second).
                let twin = if k == n - 1 {
                    Some(format!("{facet}-0"))
                } else if k == n - 2 && f % 5 == 2 {
                    Some(format!("{facet}-1"))
                } else {
                    None
                };
                v.push(T {
                    id: format!("{facet}-{k}"),
                    dim,
                    facet,
                    twin,
                    text: format!("Statement {k} on {facet} about {{person}}."),
                });
            }
        }
        v
    }

    fn bank(items: &[T]) -> String {
        let mut s = String::from(
            "version = 2\n[scale]\nlabels = [\"1\", \"2\", \"3\", \"4\", \"5\", \"6\", \"7\"]\n",
        );
        for t in items {
            s.push_str(&format!(
                "\n[[item]]\nid = \"{}\"\ndimension = \"{}\"\nfacet = \"{}\"\nreversed = {}\n",
                t.id,
                t.dim,
                t.facet,
                t.twin.is_some()
            ));
            if let Some(twin) = &t.twin {
                s.push_str(&format!("twin = \"{twin}\"\n"));
            }
            s.push_str(&format!("text = \"{}\"\n", t.text));
        }
        s
    }

    fn check(text: &str) -> Vec<Diagnostic> {
        let mut diags = Vec::new();
        check_items(Path::new("items.toml"), text, &mut diags);
        diags
    }

    /// The one diagnostic whose message contains `wanted`, with the text of
    /// the line it points at.
    fn one<'a>(text: &'a str, diags: &[Diagnostic], wanted: &str) -> &'a str {
        let found: Vec<&Diagnostic> = diags
            .iter()
            .filter(|d| d.message.contains(wanted))
            .collect();
        assert_eq!(found.len(), 1, "{wanted:?} in {diags:?}");
        text.lines().nth(found[0].line - 1).unwrap_or("")
    }

    fn find(items: &mut [T], id: &str) -> usize {
        items.iter().position(|t| t.id == id).unwrap()
    }

    #[test]
    fn a_balanced_bank_passes_and_generates_every_item() {
        let items = balanced();
        assert_eq!(items.len(), 36);
        let text = bank(&items);
        assert_eq!(check(&text), vec![]);
        let mut diags = Vec::new();
        let code = generate_items(&check_items(Path::new("i"), &text, &mut diags).unwrap());
        assert_eq!(code.matches("Item {").count(), 36);
        assert!(code.contains("pub const BANK_VERSION: u32 = 2;"));
        assert!(code.contains(
            "facet: Facet::SelfReliance, reversed: true, twin: Some(\"self-reliance-0\")"
        ));
        assert!(code.contains("facet: Facet::Abandonment, reversed: false, twin: None"));
    }

    #[test]
    fn the_real_bank_passes() {
        let file = Path::new(env!("CARGO_MANIFEST_DIR")).join("../content/quiz/items.toml");
        let text = std::fs::read_to_string(&file).unwrap();
        assert_eq!(check(&text), vec![]);
    }

    #[test]
    fn an_unbalanced_bank_fails() {
        let mut items = balanced();
        let at = find(&mut items, "rejection-1");
        items[at].dim = "avoidance";
        items[at].facet = "closeness";
        let diags = check(&bank(&items));
        assert!(
            diags.iter().any(|d| d.message.contains("unbalanced")),
            "{diags:?}"
        );
        assert!(
            diags
                .iter()
                .any(|d| d.message.starts_with("Anxiety has 17 statements"))
        );
    }

    #[test]
    fn too_few_or_too_many_reverse_keys_fail() {
        let mut items = balanced();
        for t in items.iter_mut().filter(|t| t.dim == "avoidance") {
            t.twin = None;
        }
        let diags = check(&bank(&items));
        assert!(
            diags
                .iter()
                .any(|d| d.message.starts_with("Avoidance has 0 reverse-keyed")),
            "{diags:?}"
        );
    }

    #[test]
    fn a_facet_with_one_statement_fails() {
        let mut items = balanced();
        // Move two of the three preoccupation statements to rejection: the
        // dimension stays balanced, the facet is left with one.
        for id in ["preoccupation-0", "preoccupation-1"] {
            let at = find(&mut items, id);
            items[at].facet = "rejection";
        }
        let at = find(&mut items, "preoccupation-2");
        items[at].twin = Some("rejection-1".into());
        let diags = check(&bank(&items));
        assert!(
            diags.iter().any(|d| d.message
                == "the anxiety facet `preoccupation` has 1 statements; it needs at least 2"),
            "{diags:?}"
        );
    }

    #[test]
    fn a_facet_must_exist_and_belong_to_the_dimension() {
        let mut items = balanced();
        let at = find(&mut items, "abandonment-1");
        items[at].facet = "closeness";
        let text = bank(&items);
        let diags = check(&text);
        assert_eq!(
            one(&text, &diags, "belongs to avoidance, not anxiety"),
            "facet = \"closeness\""
        );
        let text = text.replacen("facet = \"closeness\"", "facet = \"shyness\"", 1);
        assert!(
            check(&text)
                .iter()
                .any(|d| d.message.contains("unknown facet `shyness`"))
        );
    }

    #[test]
    fn a_reverse_keyed_statement_needs_a_forward_twin_on_its_facet() {
        let text = bank(&balanced());
        // No twin at all.
        let no_twin = text.replacen("twin = \"abandonment-0\"\n", "", 1);
        let diags = check(&no_twin);
        assert_eq!(
            one(&no_twin, &diags, "needs a `twin`"),
            "id = \"abandonment-3\""
        );
        // A twin that does not exist, is reverse-keyed, or sits on another facet.
        for (planted, complaint) in [
            ("twin = \"abandonment-9\"", "does not exist"),
            ("twin = \"abandonment-3\"", "is reverse-keyed too"),
            ("twin = \"rejection-0\"", "twins share a facet"),
        ] {
            let bad = text.replacen("twin = \"abandonment-0\"", planted, 1);
            let diags = check(&bad);
            assert_eq!(one(&bad, &diags, complaint), planted);
        }
        // Two reverse-keyed statements may not share one twin.
        let shared = text.replacen("twin = \"reassurance-1\"", "twin = \"reassurance-0\"", 1);
        let diags = check(&shared);
        assert_eq!(
            one(&shared, &diags, "already the twin"),
            "twin = \"reassurance-0\""
        );
        // A forward statement cannot name one.
        let forward = text.replacen(
            "reversed = false\ntext = \"Statement 0 on closeness",
            "reversed = false\ntwin = \"closeness-1\"\ntext = \"Statement 0 on closeness",
            1,
        );
        assert!(
            check(&forward)
                .iter()
                .any(|d| d.message.contains("cannot name a twin"))
        );
    }

    #[test]
    fn more_than_three_statements_about_phones_or_messages_fail() {
        let mut items = balanced();
        for (n, id) in ["abandonment-1", "rejection-1", "closeness-1"]
            .iter()
            .enumerate()
        {
            let at = find(&mut items, id);
            items[at].text = format!("A slow reply {n} from {{person}} worries me.");
        }
        assert_eq!(check(&bank(&items)), vec![], "three are allowed");
        let at = find(&mut items, "depending-1");
        items[at].text = "I let a call from {person} ring out.".into();
        let diags = check(&bank(&items));
        assert!(
            diags
                .iter()
                .any(|d| d.message.starts_with("4 statements depend on phones")
                    && d.message.contains("depending-1")),
            "{diags:?}"
        );
    }

    #[test]
    fn a_statement_that_asks_two_things_fails() {
        let mut items = balanced();
        let at = find(&mut items, "opening-up-1");
        items[at].text = "I hide my worries from {person} and feel relieved.".into();
        let text = bank(&items);
        let diags = check(&text);
        assert_eq!(
            one(&text, &diags, "joins two claims with \"and\""),
            "text = \"I hide my worries from {person} and feel relieved.\""
        );
        // A word that merely contains "and" or "or" is fine.
        items[at].text = "I find it hard to stand by {person} for long.".into();
        assert_eq!(check(&bank(&items)), vec![]);
    }

    #[test]
    fn placeholders_that_read_wrongly_for_some_focus_fail() {
        for planted in [
            "I can read the mood of a {person} quickly.",
            "The plans of the {person} matter to me.",
            "I like to know where I stand in {person}'s life.",
        ] {
            let mut items = balanced();
            let at = find(&mut items, "rejection-2");
            items[at].text = planted.into();
            let diags = check(&bank(&items));
            assert!(
                diags
                    .iter()
                    .any(|d| d.message.contains("reads wrongly for some focus")),
                "{planted}: {diags:?}"
            );
        }
    }

    #[test]
    fn duplicate_ids_point_at_their_line() {
        let mut items = balanced();
        items[1].id = "abandonment-0".into();
        let text = bank(&items);
        let diags = check(&text);
        let dup = diags
            .iter()
            .find(|d| d.message.contains("duplicate item id"))
            .expect("reported");
        assert_eq!(
            text.lines().nth(dup.line - 1).unwrap(),
            "id = \"abandonment-0\""
        );
    }

    #[test]
    fn a_statement_without_the_person_placeholder_fails() {
        let text = bank(&balanced()).replacen("about {person}", "about people", 1);
        assert!(
            check(&text)
                .iter()
                .any(|d| d.message.contains("must name the relationship"))
        );
    }

    #[test]
    fn a_scale_needs_seven_labels_and_the_bank_a_version() {
        let text = bank(&balanced()).replace("\"6\", \"7\"", "\"6\"");
        assert!(
            check(&text)
                .iter()
                .any(|d| d.line == 3 && d.message.contains("7 labelled points"))
        );
        let text = bank(&balanced()).replace("version = 2", "version = 0");
        assert!(
            check(&text)
                .iter()
                .any(|d| d.line == 1 && d.message.contains("starts at 1"))
        );
        let text = bank(&balanced()).replace("version = 2\n", "");
        assert!(
            !check(&text).is_empty(),
            "a bank without a version is refused"
        );
    }

    #[test]
    fn every_pair_pattern_needs_its_words_and_real_links() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../content");
        let (docs, _) = crate::documents(&dir);
        let routes = [
            "practice/repair",
            "practice/couple-agreement",
            "practice/breathing",
            "practice/deactivation",
            "practice/activated",
            "practice/wait",
            "practice/reframe",
            "practice/trigger-log",
            "practice/body-scan",
            "practice/i-statement",
            "practice/opposite-action",
            "help",
            "quiz",
            "journal",
            "progress",
            "practice",
            "learn",
            "report",
            "data",
        ];
        let file = dir.join("quiz/results.toml");
        let text = std::fs::read_to_string(&file).unwrap();
        let run = |text: &str| {
            let mut diags = Vec::new();
            check_results(&file, text, &docs, &routes, &mut diags);
            diags.into_iter().map(|d| d.message).collect::<Vec<_>>()
        };
        assert_eq!(run(&text), Vec::<String>::new());
        let missing = text.replace("[pair.with-fearful]", "[pair.with-fear]");
        let found = run(&missing);
        assert!(
            found.iter().any(|m| m == "missing [pair.with-fearful]"),
            "{found:?}"
        );
        assert!(
            found
                .iter()
                .any(|m| m.starts_with("unknown pair `with-fear`")),
            "{found:?}"
        );
        let bad_link = text.replace("href = \"practice/repair\" }", "href = \"practice/nope\" }");
        let found = run(&bad_link);
        assert!(
            found
                .iter()
                .any(|m| m.contains("goes to `practice/nope`: no such page")),
            "{found:?}"
        );
    }

    #[test]
    fn a_plan_practice_names_a_tool_that_exists_and_says_where_not() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../content");
        let (docs, _) = crate::documents(&dir);
        let routes = ["practice/trigger-log", "practice/breathing"];
        let file = Path::new("results.toml");
        let text = std::fs::read_to_string(dir.join("quiz/results.toml")).unwrap();
        let run = |text: &str| {
            let mut diags = Vec::new();
            check_results(file, text, &docs, &routes, &mut diags);
            diags
        };
        let found = run(&text);
        // The real file names other tools, which these routes lack.
        assert!(
            found.iter().any(|d| d
                .message
                .contains("unknown tool `repair`; tools are trigger-log, breathing")),
            "{found:?}"
        );
        let wrong = text.replacen("tool = \"trigger-log\"", "tool = \"trigger-logg\"", 1);
        let line = 1 + wrong[..wrong.find("trigger-logg").unwrap()]
            .matches('\n')
            .count();
        let found = run(&wrong);
        let d = found
            .iter()
            .find(|d| d.message.contains("unknown tool `trigger-logg`"))
            .expect("the misspelt tool is reported");
        assert_eq!((d.file.as_path(), d.line), (file, line));
        assert!(
            d.message.starts_with("[region.secure] week 1:"),
            "{}",
            d.message
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
