//! `content/topics.toml`: every topic the library promises to cover, and the
//! article (and optionally the section) that covers it. A topic whose article
//! is missing fails the build, so coverage cannot silently shrink.

use std::path::Path;

use serde::Deserialize;

use crate::{Diagnostic, DocKind, Document};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Checklist {
    #[serde(default)]
    topic: Vec<Topic>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Topic {
    name: String,
    article: toml::Spanned<String>,
    #[serde(default)]
    section: Option<toml::Spanned<String>>,
}

/// Checks the checklist at `file` (holding `text`) against the documents.
pub fn check(file: &Path, text: &str, docs: &[Document], diags: &mut Vec<Diagnostic>) {
    let line_at = |offset: usize| 1 + text[..offset.min(text.len())].matches('\n').count();
    let list: Checklist = match toml::from_str(text) {
        Ok(list) => list,
        Err(e) => {
            diags.push(Diagnostic {
                file: file.into(),
                line: e.span().map_or(1, |s| line_at(s.start)),
                message: format!("topic checklist: {}", e.message()),
            });
            return;
        }
    };
    for topic in &list.topic {
        let slug = topic.article.get_ref();
        let line = line_at(topic.article.span().start);
        let Some(doc) = docs
            .iter()
            .find(|d| d.kind == DocKind::Article && &d.slug == slug)
        else {
            diags.push(Diagnostic {
                file: file.into(),
                line,
                message: format!(
                    "topic \"{}\" has no article: `{slug}` does not exist",
                    topic.name
                ),
            });
            continue;
        };
        if let Some(section) = &topic.section
            && !doc.heading_ids.contains(section.get_ref())
        {
            diags.push(Diagnostic {
                file: file.into(),
                line: line_at(section.span().start),
                message: format!(
                    "topic \"{}\": `{slug}` has no section `#{}`",
                    topic.name,
                    section.get_ref()
                ),
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse_document;

    fn docs() -> Vec<Document> {
        vec![
            parse_document(
                Path::new("a.md"),
                "+++\ntitle = \"A\"\nsummary = \"a\"\ntopic = \"styles\"\n+++\n## Where it comes from\n",
                DocKind::Article,
            )
            .unwrap(),
        ]
    }

    #[test]
    fn a_covered_checklist_passes() {
        let mut d = Vec::new();
        let text =
            "[[topic]]\nname = \"Origins\"\narticle = \"a\"\nsection = \"where-it-comes-from\"\n";
        check(Path::new("topics.toml"), text, &docs(), &mut d);
        assert!(d.is_empty(), "{d:?}");
    }

    #[test]
    fn a_missing_article_or_section_fails_at_its_line() {
        let mut d = Vec::new();
        let text = "[[topic]]\nname = \"One\"\narticle = \"a\"\nsection = \"nope\"\n\n[[topic]]\nname = \"Two\"\narticle = \"gone\"\n";
        check(Path::new("topics.toml"), text, &docs(), &mut d);
        assert_eq!(d.len(), 2, "{d:?}");
        assert_eq!((d[0].line, d[0].message.contains("#nope")), (4, true));
        assert_eq!((d[1].line, d[1].message.contains("`gone`")), (8, true));
    }

    #[test]
    fn a_malformed_checklist_is_reported() {
        let mut d = Vec::new();
        check(
            Path::new("topics.toml"),
            "[[topic]]\nname = \"x\"\n",
            &docs(),
            &mut d,
        );
        assert_eq!(d.len(), 1);
        assert!(d[0].message.contains("article"), "{d:?}");
    }
}
