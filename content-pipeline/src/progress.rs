//! `content/progress/`: the monthly self-check on the fifteen signs of
//! security and the five-step starter plan. Checked here so that a missing
//! sign or a broken link fails the build.

use std::collections::BTreeSet;
use std::path::Path;

use serde::Deserialize;
use toml::Spanned;

use crate::data_file::{at, line_of, link_exists, parse};
use crate::{Diagnostic, Document};

/// Must match `domain::insights::SIGN_COUNT` and `StarterPlan::STEPS`.
const SIGNS: usize = 15;
const SCALE_POINTS: usize = 5;
const STEPS: usize = 5;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SelfCheck {
    scale: Spanned<Vec<String>>,
    sign: Spanned<Vec<Sign>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Sign {
    id: Spanned<String>,
    statement: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Plan {
    step: Spanned<Vec<Step>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Step {
    title: String,
    detail: String,
    href: Spanned<String>,
}

fn read(file: &Path, diags: &mut Vec<Diagnostic>) -> Option<String> {
    std::fs::read_to_string(file)
        .map_err(|e| diags.push(at(file, 1, format!("cannot read: {e}"))))
        .ok()
}

pub fn compile(
    dir: &Path,
    docs: &[Document],
    routes: &[&str],
    diags: &mut Vec<Diagnostic>,
) -> String {
    let mut code = String::new();
    let file = dir.join("self-check.toml");
    if let Some(text) = read(&file, diags)
        && let Some(check) = parse::<SelfCheck>(&file, &text, "self-check", diags)
    {
        let before = diags.len();
        if check.scale.get_ref().len() != SCALE_POINTS {
            diags.push(at(
                &file,
                line_of(&text, check.scale.span().start),
                format!("the scale needs {SCALE_POINTS} labels (0 to 4)"),
            ));
        }
        if check.sign.get_ref().len() != SIGNS {
            diags.push(at(
                &file,
                line_of(&text, check.sign.span().start),
                format!(
                    "the self-check needs exactly {SIGNS} signs, found {}",
                    check.sign.get_ref().len()
                ),
            ));
        }
        let mut ids = BTreeSet::new();
        for sign in check.sign.get_ref() {
            let line = line_of(&text, sign.id.span().start);
            if !ids.insert(sign.id.get_ref().clone()) {
                diags.push(at(
                    &file,
                    line,
                    format!("duplicate sign id `{}`", sign.id.get_ref()),
                ));
            }
            if sign.statement.trim().is_empty()
                || sign.statement.contains(['<', '>', '[', ']', '*'])
            {
                diags.push(at(
                    &file,
                    line,
                    "a statement must be plain, non-empty text".into(),
                ));
            }
        }
        if diags.len() == before {
            let statements: Vec<&str> = check
                .sign
                .get_ref()
                .iter()
                .map(|s| s.statement.as_str())
                .collect();
            code.push_str(&format!(
                "pub static SELF_CHECK_SCALE: &[&str] = &{:?};\n",
                check.scale.get_ref()
            ));
            code.push_str(&format!(
                "pub static SELF_CHECK_SIGNS: &[&str] = &{statements:?};\n"
            ));
        }
    }
    let file = dir.join("starter-plan.toml");
    if let Some(text) = read(&file, diags)
        && let Some(plan) = parse::<Plan>(&file, &text, "starter plan", diags)
    {
        let before = diags.len();
        if plan.step.get_ref().len() != STEPS {
            diags.push(at(
                &file,
                line_of(&text, plan.step.span().start),
                format!("the starter plan needs exactly {STEPS} steps"),
            ));
        }
        for step in plan.step.get_ref() {
            let href = step.href.get_ref();
            if !link_exists(href, docs, routes) {
                diags.push(at(
                    &file,
                    line_of(&text, step.href.span().start),
                    format!("step `{}` links to `{href}`: no such page", step.title),
                ));
            }
        }
        if diags.len() == before {
            let steps: Vec<String> = plan
                .step
                .get_ref()
                .iter()
                .map(|s| {
                    format!(
                        "PlanStep {{ title: {:?}, detail: {:?}, href: {:?} }}",
                        s.title,
                        s.detail,
                        s.href.get_ref()
                    )
                })
                .collect();
            code.push_str(&format!(
                "pub static STARTER_PLAN: &[PlanStep] = &[{}];\n",
                steps.join(", ")
            ));
        }
    }
    code
}
