//! `content/practice/`: the hub (`tools.toml`) and the words inside the
//! tools (`prompts.toml`). Everything is checked here, so a missing tool, an
//! unknown slug, a blank the app cannot fill or a step out of order fails
//! the build with `file:line`, and the app gets typed statics.

use std::collections::BTreeSet;
use std::path::Path;

use serde::Deserialize;
use toml::Spanned;

use crate::Diagnostic;
use crate::data_file::{at, line_of, parse};

/// The blanks a repair line may use. Must match `domain::practice::repair::Blank`
/// (a test in the app parses every generated line with the domain's parser).
pub const REPAIR_BLANKS: &[&str] = &["what", "feeling", "need", "minutes", "time", "their_view"];
/// The repair scripts the app knows how to run, in this order.
pub const REPAIR_IDS: &[&str] = &["apology", "timeout", "understanding", "soothe"];
/// Must match `domain::practice::activated::ActivatedStep`.
pub const ACTIVATED_IDS: &[&str] = &["breathe", "name", "wait", "reframe", "choose"];
/// The reframe page has the situation, the story, three explanations and a next step.
const REFRAME_FIELDS: usize = 6;
const PRINCIPLES: usize = 4;
/// Seconds one body-scan region may last, and the whole scan.
const SCAN_STEP_SECONDS: std::ops::RangeInclusive<u32> = 10..=120;
const SCAN_TOTAL_SECONDS: std::ops::RangeInclusive<u32> = 60..=900;

type Text = Spanned<String>;
type List = Spanned<Vec<Text>>;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Hub {
    need: Spanned<Vec<Need>>,
    tool: Spanned<Vec<Tool>>,
    couple_safety: CoupleSafety,
    activated_care: ActivatedCare,
}

/// The safety words inside "I'm activated" (see `tools.toml`).
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ActivatedCare {
    reframe_skip: Text,
    reframe_link: Text,
    done_heading: Text,
    pending: Text,
    eased_heading: Text,
    /// Says `{by}`: how many points the feeling eased.
    eased: Text,
    rated: Text,
    still_hard_heading: Text,
    still_hard: Text,
    unchanged: Text,
    help_link: Text,
}

/// The note shown first on the tools meant for couples: one text, defined
/// once, so every such tool says the same thing.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CoupleSafety {
    tools: List,
    note: Text,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Need {
    title: Text,
    tools: List,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Tool {
    slug: Text,
    summary: Text,
    intro: Text,
    /// Shown first, with the link to "If you don't feel safe with someone".
    #[serde(default)]
    safety: Option<Text>,
    /// Shown where the tool is set up, right after its Start button.
    #[serde(default)]
    before_you_start: Option<Text>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Prompts {
    feelings: List,
    body_places: List,
    urges: List,
    deactivating_strategies: List,
    reframe: Reframe,
    i_statement: IStatement,
    opposite_action: OppositeAction,
    body_scan: BodyScan,
    repair: Repair,
    secure_functioning: SecureFunctioning,
    activated: Activated,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Reframe {
    situation: Text,
    fields: Spanned<Vec<LabelHint>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct LabelHint {
    label: Text,
    hint: Text,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct IStatement {
    feelings_hint: Text,
    needs: List,
    examples: List,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct OppositeAction {
    anxious_examples: List,
    avoidant_examples: List,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct BodyScan {
    step: Spanned<Vec<ScanStep>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ScanStep {
    region: Text,
    cue: Text,
    seconds: Spanned<u32>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Repair {
    script: Spanned<Vec<Script>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Script {
    id: Text,
    title: Text,
    when: Text,
    template: List,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SecureFunctioning {
    principles: Spanned<Vec<Principle>>,
    agreement_prompts: List,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Principle {
    title: Text,
    text: Text,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Activated {
    steps: Spanned<Vec<ActivatedStep>>,
    secure_responses: List,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ActivatedStep {
    id: Text,
    title: Text,
    text: Text,
}

/// Reports against one file's text.
struct Checker<'a> {
    file: &'a Path,
    text: &'a str,
    diags: &'a mut Vec<Diagnostic>,
}

impl Checker<'_> {
    fn line<T>(&self, s: &Spanned<T>) -> usize {
        line_of(self.text, s.span().start)
    }

    fn error<T>(&mut self, s: &Spanned<T>, message: String) {
        let line = self.line(s);
        self.diags.push(at(self.file, line, message));
    }

    /// Plain, non-empty text: shown as text, so markup would show up raw.
    fn plain(&mut self, what: &str, s: &Text) {
        let v = s.get_ref();
        if v.trim().is_empty() {
            self.error(s, format!("{what} is empty"));
        } else if v.contains(['<', '>', '[', ']', '*', '`']) || v.contains("http") {
            self.error(
                s,
                format!("{what} must be plain text (no markup or links): {v:?}"),
            );
        }
    }

    /// A list of plain, distinct entries, `min..=max` of them.
    fn list(&mut self, what: &str, list: &List, min: usize, max: usize) {
        let n = list.get_ref().len();
        if !(min..=max).contains(&n) {
            self.error(list, format!("{what}: offer {min} to {max}, not {n}"));
        }
        let mut seen = BTreeSet::new();
        for item in list.get_ref() {
            self.plain(what, item);
            if !seen.insert(item.get_ref().trim().to_lowercase()) {
                self.error(
                    item,
                    format!("{what}: {:?} is listed twice", item.get_ref()),
                );
            }
        }
    }
}

fn strs(list: &List) -> Vec<&str> {
    list.get_ref()
        .iter()
        .map(|s| s.get_ref().as_str())
        .collect()
}

fn read(file: &Path, diags: &mut Vec<Diagnostic>) -> Option<String> {
    std::fs::read_to_string(file)
        .map_err(|e| diags.push(at(file, 1, format!("cannot read: {e}"))))
        .ok()
}

/// Checks `tools.toml` and `prompts.toml` in `dir`; `routes` are the app's
/// linkable routes, whose `practice/<slug>` entries are the tools that exist.
pub fn compile(dir: &Path, routes: &[&str], diags: &mut Vec<Diagnostic>) -> String {
    let slugs: Vec<&str> = routes
        .iter()
        .filter_map(|r| r.strip_prefix("practice/"))
        .collect();
    let mut code = String::new();
    let file = dir.join("tools.toml");
    if let Some(text) = read(&file, diags) {
        code += &compile_hub(&file, &text, &slugs, diags);
    }
    let file = dir.join("prompts.toml");
    if let Some(text) = read(&file, diags) {
        code += &compile_prompts(&file, &text, diags);
    }
    code
}

fn compile_hub(file: &Path, text: &str, slugs: &[&str], diags: &mut Vec<Diagnostic>) -> String {
    let Some(hub) = parse::<Hub>(file, text, "practice hub", diags) else {
        return String::new();
    };
    let before = diags.len();
    let mut c = Checker { file, text, diags };
    let mut listed = BTreeSet::new();
    for need in hub.need.get_ref() {
        c.plain("a need's title", &need.title);
        if need.tools.get_ref().is_empty() {
            c.error(&need.tools, "a need lists at least one tool".into());
        }
        let mut here = BTreeSet::new();
        for slug in need.tools.get_ref() {
            let s = slug.get_ref().as_str();
            if !slugs.contains(&s) {
                c.error(
                    slug,
                    format!("`{s}` is not a practice tool (known: {})", slugs.join(", ")),
                );
            }
            if !here.insert(s) {
                c.error(slug, format!("`{s}` is listed twice under one need"));
            }
            listed.insert(s);
        }
    }
    if hub.need.get_ref().is_empty() {
        c.error(&hub.need, "the hub needs at least one [[need]]".into());
    }
    let mut seen = BTreeSet::new();
    for tool in hub.tool.get_ref() {
        let s = tool.slug.get_ref().as_str();
        if !slugs.contains(&s) {
            c.error(
                &tool.slug,
                format!("`{s}` is not a practice tool (known: {})", slugs.join(", ")),
            );
        }
        if !seen.insert(s) {
            c.error(&tool.slug, format!("tool `{s}` is described twice"));
        }
        c.plain("summary", &tool.summary);
        c.plain("intro", &tool.intro);
        for (field, note) in [
            ("safety", &tool.safety),
            ("before_you_start", &tool.before_you_start),
        ] {
            if let Some(note) = note {
                c.plain(field, note);
            }
        }
    }
    let care = &hub.activated_care;
    for (field, words) in [
        ("reframe_skip", &care.reframe_skip),
        ("reframe_link", &care.reframe_link),
        ("done_heading", &care.done_heading),
        ("pending", &care.pending),
        ("eased_heading", &care.eased_heading),
        ("eased", &care.eased),
        ("rated", &care.rated),
        ("still_hard_heading", &care.still_hard_heading),
        ("still_hard", &care.still_hard),
        ("unchanged", &care.unchanged),
        ("help_link", &care.help_link),
    ] {
        c.plain(field, words);
    }
    if !care.eased.get_ref().contains("{by}") {
        c.error(
            &care.eased,
            "`eased` must say `{by}`, the points the feeling eased".into(),
        );
    }
    let safety = &hub.couple_safety;
    c.plain("the couple safety note", &safety.note);
    if safety.tools.get_ref().is_empty() {
        c.error(
            &safety.tools,
            "the couple safety note names at least one tool".into(),
        );
    }
    for slug in safety.tools.get_ref() {
        let s = slug.get_ref().as_str();
        if !slugs.contains(&s) {
            c.error(
                slug,
                format!("`{s}` is not a practice tool (known: {})", slugs.join(", ")),
            );
        }
    }
    for s in slugs {
        if !seen.contains(s) {
            c.error(&hub.tool, format!("practice tool `{s}` has no [[tool]]"));
        }
        if !listed.contains(s) {
            c.error(
                &hub.need,
                format!("practice tool `{s}` is under no [[need]]"),
            );
        }
    }
    if diags.len() > before {
        return String::new();
    }
    let mut code = String::from("pub static PRACTICE_NEEDS: &[PracticeNeed] = &[\n");
    for need in hub.need.get_ref() {
        code += &format!(
            "    PracticeNeed {{ title: {:?}, tools: &{:?} }},\n",
            need.title.get_ref(),
            strs(&need.tools)
        );
    }
    code += "];\npub static PRACTICE_TOOL_WORDS: &[ToolWords] = &[\n";
    for tool in hub.tool.get_ref() {
        code += &format!(
            "    ToolWords {{ slug: {:?}, summary: {:?}, intro: {:?}, safety: {:?}, before_you_start: {:?} }},\n",
            tool.slug.get_ref(),
            tool.summary.get_ref(),
            tool.intro.get_ref(),
            tool.safety.as_ref().map(Spanned::get_ref),
            tool.before_you_start.as_ref().map(Spanned::get_ref)
        );
    }
    code += "];\n";
    code += &format!(
        "pub static ACTIVATED_CARE: ActivatedCare = ActivatedCare {{ reframe_skip: {:?}, reframe_link: {:?}, done_heading: {:?}, pending: {:?}, eased_heading: {:?}, eased: {:?}, rated: {:?}, still_hard_heading: {:?}, still_hard: {:?}, unchanged: {:?}, help_link: {:?} }};\n",
        care.reframe_skip.get_ref(),
        care.reframe_link.get_ref(),
        care.done_heading.get_ref(),
        care.pending.get_ref(),
        care.eased_heading.get_ref(),
        care.eased.get_ref(),
        care.rated.get_ref(),
        care.still_hard_heading.get_ref(),
        care.still_hard.get_ref(),
        care.unchanged.get_ref(),
        care.help_link.get_ref()
    );
    code + &format!(
        "pub static COUPLE_SAFETY: CoupleSafety = CoupleSafety {{ tools: &{:?}, note: {:?} }};\n",
        strs(&hub.couple_safety.tools),
        hub.couple_safety.note.get_ref()
    )
}

fn compile_prompts(file: &Path, text: &str, diags: &mut Vec<Diagnostic>) -> String {
    let Some(p) = parse::<Prompts>(file, text, "practice prompts", diags) else {
        return String::new();
    };
    let before = diags.len();
    let mut c = Checker { file, text, diags };
    c.list("feeling words", &p.feelings, 10, 80);
    for w in p.feelings.get_ref() {
        if w.get_ref().chars().count() > 30 {
            c.error(
                w,
                format!("feeling word {:?} must be a short word", w.get_ref()),
            );
        }
    }
    c.list("body places", &p.body_places, 3, 30);
    c.list("urges", &p.urges, 3, 40);
    c.list("deactivating strategies", &p.deactivating_strategies, 3, 40);

    c.plain("reframe situation", &p.reframe.situation);
    if p.reframe.fields.get_ref().len() != REFRAME_FIELDS {
        c.error(
            &p.reframe.fields,
            format!("reframe needs exactly {REFRAME_FIELDS} fields: what happened, the story, three explanations, what I will do"),
        );
    }
    for f in p.reframe.fields.get_ref() {
        c.plain("a reframe label", &f.label);
        c.plain("a reframe hint", &f.hint);
    }

    c.plain("feelings_hint", &p.i_statement.feelings_hint);
    c.list("I-statement needs", &p.i_statement.needs, 3, 30);
    c.list("I-statement examples", &p.i_statement.examples, 1, 10);
    c.list(
        "anxious examples",
        &p.opposite_action.anxious_examples,
        1,
        10,
    );
    c.list(
        "avoidant examples",
        &p.opposite_action.avoidant_examples,
        1,
        10,
    );

    let steps = p.body_scan.step.get_ref();
    if steps.len() < 3 {
        c.error(
            &p.body_scan.step,
            "the body scan needs at least 3 steps".into(),
        );
    }
    let mut total = 0;
    for s in steps {
        c.plain("a region", &s.region);
        c.plain("a cue", &s.cue);
        let secs = *s.seconds.get_ref();
        total += secs;
        if !SCAN_STEP_SECONDS.contains(&secs) {
            c.error(
                &s.seconds,
                format!(
                    "a body-scan step lasts {} to {} seconds, not {secs}",
                    SCAN_STEP_SECONDS.start(),
                    SCAN_STEP_SECONDS.end()
                ),
            );
        }
    }
    if !SCAN_TOTAL_SECONDS.contains(&total) {
        c.error(
            &p.body_scan.step,
            format!(
                "the whole body scan lasts {} to {} seconds, not {total}",
                SCAN_TOTAL_SECONDS.start(),
                SCAN_TOTAL_SECONDS.end()
            ),
        );
    }

    let scripts = p.repair.script.get_ref();
    let ids: Vec<&str> = scripts.iter().map(|s| s.id.get_ref().as_str()).collect();
    if ids != REPAIR_IDS {
        c.error(
            &p.repair.script,
            format!(
                "the repair scripts are {} in that order, not {}",
                REPAIR_IDS.join(", "),
                ids.join(", ")
            ),
        );
    }
    for s in scripts {
        c.plain("a script title", &s.title);
        c.plain("a script's `when`", &s.when);
        if s.template.get_ref().is_empty() {
            c.error(&s.template, "a script has at least one line".into());
        }
        let mut used = BTreeSet::new();
        for line in s.template.get_ref() {
            c.plain("a script line", line);
            match blanks_of(line.get_ref()) {
                Ok(names) => used.extend(names),
                Err(problem) => c.error(line, problem),
            }
        }
        if s.id.get_ref() == "timeout" {
            for needed in ["minutes", "time"] {
                if !used.contains(needed) {
                    c.error(
                        &s.template,
                        format!("the timeout script must say {{{needed}}}"),
                    );
                }
            }
        }
        if s.id.get_ref() != "timeout" && used.contains("time") {
            c.error(&s.template, "only the timeout script can use {time}".into());
        }
    }

    let sf = &p.secure_functioning;
    if sf.principles.get_ref().len() != PRINCIPLES {
        c.error(
            &sf.principles,
            format!("there are exactly {PRINCIPLES} secure-functioning principles"),
        );
    }
    for pr in sf.principles.get_ref() {
        c.plain("a principle's title", &pr.title);
        c.plain("a principle", &pr.text);
    }
    c.list("agreement prompts", &sf.agreement_prompts, 1, 15);

    let steps = p.activated.steps.get_ref();
    let ids: Vec<&str> = steps.iter().map(|s| s.id.get_ref().as_str()).collect();
    if ids != ACTIVATED_IDS {
        c.error(
            &p.activated.steps,
            format!(
                "the activated steps are exactly {} in that order, not {}",
                ACTIVATED_IDS.join(", "),
                ids.join(", ")
            ),
        );
    }
    for s in steps {
        c.plain("a step title", &s.title);
        c.plain("a step", &s.text);
    }
    c.list("secure responses", &p.activated.secure_responses, 1, 15);
    if diags.len() > before {
        return String::new();
    }
    generate(&p)
}

/// The blank names in a line, or what is wrong with its braces.
fn blanks_of(line: &str) -> Result<Vec<&str>, String> {
    let mut names = Vec::new();
    let mut rest = line;
    while let Some(open) = rest.find('{') {
        if rest[..open].contains('}') {
            return Err(format!("a stray }} in {line:?}"));
        }
        let after = &rest[open + 1..];
        let close = after
            .find('}')
            .ok_or_else(|| format!("a blank is never closed in {line:?}"))?;
        let name = &after[..close];
        if !REPAIR_BLANKS.contains(&name) {
            return Err(format!(
                "unknown blank {{{name}}}: the blanks are {}",
                REPAIR_BLANKS.join(", ")
            ));
        }
        names.push(name);
        rest = &after[close + 1..];
    }
    if rest.contains('}') {
        return Err(format!("a stray }} in {line:?}"));
    }
    Ok(names)
}

fn generate(p: &Prompts) -> String {
    let mut code = String::new();
    let mut list = |name: &str, l: &List| {
        code += &format!("pub static {name}: &[&str] = &{:?};\n", strs(l));
    };
    list("FEELING_WORDS", &p.feelings);
    list("BODY_PLACES", &p.body_places);
    list("URGES", &p.urges);
    list("DEACTIVATING_STRATEGIES", &p.deactivating_strategies);
    list("I_STATEMENT_NEEDS", &p.i_statement.needs);
    list("I_STATEMENT_EXAMPLES", &p.i_statement.examples);
    list("OPPOSITE_ANXIOUS", &p.opposite_action.anxious_examples);
    list("OPPOSITE_AVOIDANT", &p.opposite_action.avoidant_examples);
    list("AGREEMENT_PROMPTS", &p.secure_functioning.agreement_prompts);
    list("SECURE_RESPONSES", &p.activated.secure_responses);
    code += &format!(
        "pub static REFRAME_SITUATION: &str = {:?};\npub static I_STATEMENT_FEELINGS_HINT: &str = {:?};\n",
        p.reframe.situation.get_ref(),
        p.i_statement.feelings_hint.get_ref()
    );
    code += "pub static REFRAME_FIELDS: [LabelHint; 6] = [\n";
    for f in p.reframe.fields.get_ref() {
        code += &format!(
            "    LabelHint {{ label: {:?}, hint: {:?} }},\n",
            f.label.get_ref(),
            f.hint.get_ref()
        );
    }
    code += "];\npub static BODY_SCAN: &[ScanStep] = &[\n";
    for s in p.body_scan.step.get_ref() {
        code += &format!(
            "    ScanStep {{ region: {:?}, cue: {:?}, seconds: {} }},\n",
            s.region.get_ref(),
            s.cue.get_ref(),
            s.seconds.get_ref()
        );
    }
    code += "];\npub static REPAIR_SCRIPTS: [RepairScript; 4] = [\n";
    for s in p.repair.script.get_ref() {
        code += &format!(
            "    RepairScript {{ id: {:?}, title: {:?}, when: {:?}, template: &{:?} }},\n",
            s.id.get_ref(),
            s.title.get_ref(),
            s.when.get_ref(),
            strs(&s.template)
        );
    }
    code += "];\npub static SECURE_PRINCIPLES: [Principle; 4] = [\n";
    for pr in p.secure_functioning.principles.get_ref() {
        code += &format!(
            "    Principle {{ title: {:?}, text: {:?} }},\n",
            pr.title.get_ref(),
            pr.text.get_ref()
        );
    }
    code += "];\npub static ACTIVATED_STEPS: [StepWords; 5] = [\n";
    for s in p.activated.steps.get_ref() {
        code += &format!(
            "    StepWords {{ id: {:?}, title: {:?}, text: {:?} }},\n",
            s.id.get_ref(),
            s.title.get_ref(),
            s.text.get_ref()
        );
    }
    code + "];\n"
}

#[cfg(test)]
mod tests {
    use super::*;

    const ROUTES: &[&str] = &["practice", "practice/wait", "practice/breathing"];

    fn hub(text: &str) -> (String, Vec<Diagnostic>) {
        let mut diags = Vec::new();
        let code = compile_hub(Path::new("tools.toml"), text, &slugs(), &mut diags);
        (code, diags)
    }

    fn slugs() -> Vec<&'static str> {
        ROUTES
            .iter()
            .filter_map(|r| r.strip_prefix("practice/"))
            .collect()
    }

    const TOOL_WAIT: &str =
        "[[tool]]\nslug = \"wait\"\nsummary = \"Wait.\"\nintro = \"Wait a while.\"\n";
    const TOOL_BREATH: &str =
        "[[tool]]\nslug = \"breathing\"\nsummary = \"Breathe.\"\nintro = \"Breathe out.\"\n";
    const SAFETY: &str = "\n[couple_safety]\ntools = [\"wait\"]\nnote = \"Only where you both feel safe.\"\n\
        [activated_care]\nreframe_skip = \"Skip.\"\nreframe_link = \"Help.\"\ndone_heading = \"Done.\"\n\
        pending = \"Rate.\"\neased_heading = \"Eased.\"\neased = \"By {by}.\"\nrated = \"Rated.\"\n\
        still_hard_heading = \"Hard.\"\nstill_hard = \"Call.\"\nunchanged = \"Not yet.\"\nhelp_link = \"Find help.\"\n";

    #[test]
    fn a_tools_own_safety_note_and_the_activated_care_words_are_generated() {
        let wait = TOOL_WAIT.replace("intro =", "safety = \"Only where you feel safe.\"\nintro =");
        let text = format!(
            "[[need]]\ntitle = \"Now\"\ntools = [\"wait\", \"breathing\"]\n\n{wait}\n{TOOL_BREATH}{SAFETY}"
        );
        let (code, diags) = hub(&text);
        assert!(diags.is_empty(), "{diags:?}");
        assert!(
            code.contains("safety: Some(\"Only where you feel safe.\"), before_you_start: None"),
            "{code}"
        );
        assert!(code.contains("eased: \"By {by}.\""), "{code}");
        let (_, diags) = hub(&text.replace("By {by}.", "It eased."));
        assert!(
            diags.iter().any(|d| d.message.contains("{by}")),
            "{diags:?}"
        );
    }

    #[test]
    fn a_complete_hub_generates_needs_and_tools() {
        let text = format!(
            "[[need]]\ntitle = \"Now\"\ntools = [\"wait\", \"breathing\"]\n\n{TOOL_WAIT}\n{TOOL_BREATH}{SAFETY}"
        );
        let (code, diags) = hub(&text);
        assert!(diags.is_empty(), "{diags:?}");
        assert!(code.contains(
            "COUPLE_SAFETY: CoupleSafety = CoupleSafety { tools: &[\"wait\"], note: \"Only where you both feel safe.\" }"
        ));
        assert!(
            code.contains("PracticeNeed { title: \"Now\", tools: &[\"wait\", \"breathing\"] }")
        );
        assert!(code.contains("ToolWords { slug: \"breathing\""));
    }

    #[test]
    fn unknown_missing_and_doubled_tools_point_at_their_lines() {
        let text = format!(
            "[[need]]\ntitle = \"Now\"\ntools = [\"wait\", \"nap\", \"wait\"]\n\n{TOOL_WAIT}\n{TOOL_WAIT}{SAFETY}"
        );
        let (code, diags) = hub(&text);
        assert!(code.is_empty());
        let msgs: Vec<String> = diags
            .iter()
            .map(|d| format!("{}:{}", d.line, d.message))
            .collect();
        assert!(
            msgs.iter()
                .any(|m| m.starts_with("3:`nap` is not a practice tool")),
            "{msgs:?}"
        );
        assert!(
            msgs.iter()
                .any(|m| m.starts_with("3:`wait` is listed twice")),
            "{msgs:?}"
        );
        assert!(
            msgs.iter()
                .any(|m| m.contains("tool `wait` is described twice")),
            "{msgs:?}"
        );
        assert!(
            msgs.iter()
                .any(|m| m.contains("`breathing` has no [[tool]]")),
            "{msgs:?}"
        );
        assert!(
            msgs.iter()
                .any(|m| m.contains("`breathing` is under no [[need]]")),
            "{msgs:?}"
        );
    }

    #[test]
    fn markup_in_copy_is_refused() {
        let text = format!(
            "[[need]]\ntitle = \"<b>Now</b>\"\ntools = [\"wait\", \"breathing\"]\n\n{TOOL_WAIT}\n{}{SAFETY}",
            TOOL_BREATH.replace("Breathe out.", "See [this](http://x).")
        );
        let (_, diags) = hub(&text);
        assert_eq!(diags.len(), 2, "{diags:?}");
        assert_eq!(diags[0].line, 2);
    }

    #[test]
    fn the_couple_safety_note_names_real_tools_in_plain_words() {
        let text = format!(
            "[[need]]\ntitle = \"Now\"\ntools = [\"wait\", \"breathing\"]\n\n{TOOL_WAIT}\n{TOOL_BREATH}{}",
            SAFETY
                .replace("[\"wait\"]", "[\"nap\"]")
                .replace("Only where", "Only [where](help)")
        );
        let (code, diags) = hub(&text);
        assert!(code.is_empty());
        let msgs: Vec<String> = diags
            .iter()
            .map(|d| format!("{}:{}", d.line, d.message))
            .collect();
        assert!(
            msgs.iter()
                .any(|m| m.starts_with("16:`nap` is not a practice tool")),
            "{msgs:?}"
        );
        assert!(
            msgs.iter()
                .any(|m| m.starts_with("17:the couple safety note must be plain")),
            "{msgs:?}"
        );
        // Without the table the hub does not parse at all.
        let (code, diags) = hub(&text[..text.find("[couple_safety]").unwrap()]);
        assert!(code.is_empty() && !diags.is_empty());
    }

    #[test]
    fn blanks_must_be_known_and_closed() {
        assert_eq!(
            blanks_of("I'm {feeling}, back at {time}."),
            Ok(vec!["feeling", "time"])
        );
        assert!(blanks_of("I'm {mood}.").unwrap_err().contains("{mood}"));
        assert!(blanks_of("I'm {feeling.").is_err());
        assert!(blanks_of("I'm feeling}.").is_err());
        assert!(blanks_of("} {feeling}").is_err());
    }

    fn prompts(edit: impl Fn(String) -> String) -> Vec<Diagnostic> {
        let real = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../content/practice/prompts.toml"
        ))
        .unwrap();
        let text = edit(real);
        let mut diags = Vec::new();
        compile_prompts(Path::new("prompts.toml"), &text, &mut diags);
        diags
    }

    #[test]
    fn the_real_prompts_pass_and_each_rule_bites() {
        assert_eq!(prompts(|t| t), vec![]);
        let one = |edit: &dyn Fn(String) -> String, needle: &str| {
            let d = prompts(edit);
            assert!(
                d.iter().any(|d| d.message.contains(needle)),
                "{needle}: {d:?}"
            );
            assert!(d.iter().all(|d| d.line > 1), "{d:?}");
        };
        one(
            &|t| t.replacen("{what}", "{whom}", 1),
            "unknown blank {whom}",
        );
        one(
            &|t| t.replacen("I'll come back at {time}", "I'll come back soon", 1),
            "must say {time}",
        );
        one(
            &|t| t.replacen("id = \"soothe\"", "id = \"hug\"", 1),
            "repair scripts are",
        );
        one(
            &|t| t.replacen("id = \"wait\"", "id = \"pause\"", 1),
            "activated steps are exactly",
        );
        one(
            &|t| t.replacen("seconds = 20", "seconds = 2", 1),
            "lasts 10 to 120 seconds",
        );
        one(
            &|t| t.replacen("\"calm\",", "\"calm\", \"Calm\",", 1),
            "listed twice",
        );
        one(
            &|t| t.replacen("\"a hug\"", "\"a **hug**\"", 1),
            "plain text",
        );
        one(
            &|t| {
                t.replacen(
                    "{ label = \"A third explanation\"",
                    "# { label = \"A third explanation\"",
                    1,
                )
            },
            "exactly 6 fields",
        );
        one(
            &|t| t.replacen("[activated]", "[activated]\nextra = 1", 1),
            "extra",
        );
    }
}
