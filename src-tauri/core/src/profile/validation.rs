//! What is wrong with a profile, field by field: codes, names, symbol
//! patterns, templates and their placeholders, the section tree, topics and
//! limits. A profile with a problem is refused when it is loaded.

use super::*;

pub(super) const KINDS: &[&str] = &["list_of_issues", "list_of_issues_prior_to_reporting"];

/// One field's problem: (field path, what is wrong).
pub(super) type Problem = (String, String);

pub(super) fn check_placeholders(
    field: &str,
    text: &str,
    required: &[&str],
    allowed: &[&str],
    out: &mut Vec<Problem>,
) {
    if text.trim().is_empty() {
        out.push((field.into(), "is empty".into()));
        return;
    }
    for r in required {
        if !text.contains(&format!("{{{r}}}")) {
            out.push((field.into(), format!("must contain {{{r}}}")));
        }
    }
    for c in PLACEHOLDER_RE.captures_iter(text) {
        if !allowed.contains(&&c[1]) && !required.contains(&&c[1]) {
            out.push((
                field.into(),
                format!("has an unknown placeholder {{{}}}", &c[1]),
            ));
        }
    }
}

impl Profile {
    /// What is wrong with the profile, field by field.
    pub(super) fn problems(&self) -> Vec<Problem> {
        let mut out: Vec<Problem> = Vec::new();
        let code_ok = |c: &str| {
            !c.is_empty()
                && c.chars()
                    .all(|ch| ch.is_ascii_uppercase() || ch.is_ascii_digit() || "/.".contains(ch))
        };
        if !code_ok(&self.committee) {
            out.push((
                "committee".into(),
                "must be the committee's code in capitals (\"CRPD\")".into(),
            ));
        }
        for (i, a) in self.aliases.iter().enumerate() {
            if !code_ok(a) {
                out.push((format!("aliases[{i}]"), "must be a committee code".into()));
            }
        }
        for (field, v) in [
            ("name", &self.name),
            ("treaty", &self.treaty),
            ("language", &self.language),
            ("source", &self.source),
        ] {
            if v.trim().is_empty() {
                out.push((field.into(), "is empty".into()));
            }
        }
        if self.question_limit == Some(0) {
            out.push(("question_limit".into(), "must be more than 0".into()));
        }
        for (k, n) in &self.question_limits {
            if !KINDS.contains(&k.as_str()) {
                out.push((
                    format!("question_limits.{k}"),
                    "is not a kind of list".into(),
                ));
            } else if *n == 0 {
                out.push((format!("question_limits.{k}"), "must be more than 0".into()));
            }
        }
        for k in KINDS {
            match self.symbols.get(*k) {
                None => out.push((format!("symbols.{k}"), "is missing".into())),
                Some(s) => check_placeholders(
                    &format!("symbols.{k}"),
                    s,
                    &["code", "cycle"],
                    &[],
                    &mut out,
                ),
            }
            match self.titles.get(*k) {
                None => out.push((format!("titles.{k}"), "is missing".into())),
                Some(s) => check_placeholders(
                    &format!("titles.{k}"),
                    s,
                    &["report", "state"],
                    &[],
                    &mut out,
                ),
            }
        }
        for k in self.symbols.keys().chain(self.titles.keys()) {
            if !KINDS.contains(&k.as_str()) {
                out.push((
                    format!("symbols/titles.{k}"),
                    "is not a kind of list".into(),
                ));
            }
        }
        match self.report_names.get("initial") {
            None => out.push(("report_names.initial".into(), "is missing".into())),
            Some(s) => check_placeholders("report_names.initial", s, &[], &[], &mut out),
        }
        match self.report_names.get("periodic") {
            None => out.push(("report_names.periodic".into(), "is missing".into())),
            Some(s) => check_placeholders("report_names.periodic", s, &["ordinal"], &[], &mut out),
        }
        if self.ordinals.len() < 2 {
            out.push(("ordinals".into(), "must name at least two reports".into()));
        }
        for k in self.word_limits.keys() {
            if k != "initial" && k != "periodic" {
                out.push((
                    format!("word_limits.{k}"),
                    "must be initial or periodic".into(),
                ));
            }
        }
        for (field, text) in [
            ("loipr_opening", &self.loipr_opening),
            ("loi_opening", &self.loi_opening),
        ] {
            if let Some(t) = text {
                check_placeholders(field, t, &[], &["report", "word_limit"], &mut out);
                if t.contains("{word_limit}")
                    && !(self.word_limits.contains_key("initial")
                        && self.word_limits.contains_key("periodic"))
                {
                    out.push((
                        field.into(),
                        "uses {word_limit} but word_limits lacks initial or periodic".into(),
                    ));
                }
            }
        }
        if self.section_labels.is_empty() {
            out.push((
                "section_labels".into(),
                "must label at least the first level".into(),
            ));
        }
        let c = &self.citations;
        check_placeholders(
            "citations.inline",
            &c.inline,
            &["symbol", "paragraphs"],
            &[],
            &mut out,
        );
        check_placeholders("citations.bare", &c.bare, &["paragraphs"], &[], &mut out);
        for (field, v) in [
            ("lead_ins.default", &self.lead_ins.default),
            ("lead_ins.follow_up", &self.lead_ins.follow_up),
            ("lead_ins.indicate", &self.lead_ins.indicate),
        ] {
            check_placeholders(field, v, &[], &[], &mut out);
        }
        let t = &self.templates;
        let fields: [(&str, &String, &[&str]); 29] = [
            ("present_observations", &t.present_observations, &[]),
            ("steps", &t.steps, &["action"]),
            ("efforts", &t.efforts, &["action"]),
            ("address", &t.address, &["subject"]),
            ("intention", &t.intention, &["action"]),
            ("adopted", &t.adopted, &["subject"]),
            ("state_party", &t.state_party, &[]),
            ("state_party_possessive", &t.state_party_possessive, &[]),
            ("ask_information", &t.ask_information, &["what"]),
            ("ask_status", &t.ask_status, &["what"]),
            ("ask_provide", &t.ask_provide, &["what"]),
            ("ask_list", &t.ask_list, &[]),
            ("ask_implementation", &t.ask_implementation, &[]),
            ("indicate_with_lead", &t.indicate_with_lead, &["lead"]),
            ("intention_tail", &t.intention_tail, &["what"]),
            ("also_information", &t.also_information, &["what"]),
            ("also_status", &t.also_status, &["what"]),
            ("also_provide", &t.also_provide, &["what"]),
            ("also_intention", &t.also_intention, &["what"]),
            ("also_list", &t.also_list, &[]),
            ("follow_up_assessment", &t.follow_up_assessment, &["date"]),
            (
                "follow_up_assessment_item",
                &t.follow_up_assessment_item,
                &["date"],
            ),
            ("data", &t.data, &[]),
            ("data_item", &t.data_item, &[]),
            ("referred_to", &t.referred_to, &["what"]),
            ("date_format", &t.date_format, &[]),
            ("impersonal", &t.impersonal, &["what"]),
            ("committee_possessive", &t.committee_possessive, &[]),
            ("title_block.untitled", &self.title_block.untitled, &[]),
        ];
        for (field, v) in [("theme", &t.theme), ("theme_list", &t.theme_list)] {
            if let Some(v) = v {
                let required: &[&str] = if field == "theme" {
                    &["what", "cite"]
                } else {
                    &["cite"]
                };
                check_placeholders(&format!("templates.{field}"), v, required, &[], &mut out);
            }
        }
        if t.theme.is_some() != t.theme_list.is_some() {
            out.push((
                "templates.theme".into(),
                "and templates.theme_list go together".into(),
            ));
        }
        for (field, v, required) in fields {
            let path = if field.contains('.') {
                field.to_string()
            } else {
                format!("templates.{field}")
            };
            check_placeholders(&path, v, required, &[], &mut out);
        }
        for (field, v, required) in [
            (
                "further_to_report",
                &t.further_to_report,
                &["number", "cite", "note"][..],
            ),
            (
                "further_to_replies",
                &t.further_to_replies,
                &["number", "cite", "note"][..],
            ),
            (
                "further_to_follow_up",
                &t.further_to_follow_up,
                &["cite", "note"][..],
            ),
        ] {
            check_placeholders(&format!("templates.{field}"), v, required, &[], &mut out);
        }
        for (field, v) in [
            ("title_block.distribution", &self.title_block.distribution),
            ("title_block.original", &self.title_block.original),
        ] {
            check_placeholders(field, v, &[], &[], &mut out);
        }
        if !t.ask_list.trim_end().ends_with(':') {
            out.push(("templates.ask_list".into(), "must end with a colon".into()));
        }
        if !t.also_list.trim_end().ends_with(':') {
            out.push(("templates.also_list".into(), "must end with a colon".into()));
        }
        if chrono::format::StrftimeItems::new(&t.date_format)
            .any(|i| matches!(i, chrono::format::Item::Error))
        {
            out.push((
                "templates.date_format".into(),
                "is not a valid date format".into(),
            ));
        }
        let themed: Vec<&str> = self
            .topics
            .iter()
            .filter_map(|t| t.section.as_deref())
            .collect();
        fn walk(
            nodes: &[SectionNode],
            path: &str,
            themed: &[&str],
            out: &mut Vec<Problem>,
            generals: &mut usize,
        ) {
            for (i, n) in nodes.iter().enumerate() {
                let here = format!("{path}[{i}]");
                if n.heading.trim().is_empty() {
                    out.push((format!("{here}.heading"), "is empty".into()));
                }
                if n.general {
                    *generals += 1;
                }
                if n.children.is_empty() {
                    if n.articles.is_empty()
                        && !n.general
                        && !n.loipr_only
                        && !themed.contains(&n.heading.as_str())
                    {
                        out.push((
                            format!("{here}.articles"),
                            "is empty (a leaf section needs articles, a topic naming it, or general or loipr_only)"
                                .into(),
                        ));
                    }
                } else {
                    if !n.articles.is_empty() {
                        out.push((
                            format!("{here}.articles"),
                            "must be on the leaves, not on a section with children".into(),
                        ));
                    }
                    walk(
                        &n.children,
                        &format!("{here}.children"),
                        themed,
                        out,
                        generals,
                    );
                }
            }
        }
        if self.sections.is_empty() {
            out.push(("sections".into(), "is empty".into()));
        }
        let mut generals = 0;
        walk(&self.sections, "sections", &themed, &mut out, &mut generals);
        if generals != 1 {
            out.push((
                "sections".into(),
                format!("must have exactly one general section (it has {generals})"),
            ));
        }
        for (i, topic) in self.topics.iter().enumerate() {
            if topic.words.is_empty() || topic.words.iter().any(|w| w.trim().is_empty()) {
                out.push((
                    format!("topics[{i}].words"),
                    "is empty or has an empty word".into(),
                ));
            }
            match &topic.section {
                Some(h) if self.leaf_by_heading(h).is_none() => out.push((
                    format!("topics[{i}].section"),
                    format!("names \"{h}\", which is not a leaf section"),
                )),
                Some(_) if !topic.articles.is_empty() => out.push((
                    format!("topics[{i}]"),
                    "has both articles and a section (give one)".into(),
                )),
                None if topic.articles.is_empty() => out.push((
                    format!("topics[{i}].articles"),
                    "is empty (give articles or a section)".into(),
                )),
                _ => {}
            }
            for a in &topic.articles {
                if self.leaf_for_article(*a).is_none() {
                    out.push((
                        format!("topics[{i}].articles"),
                        format!("names article {a}, which no section covers"),
                    ));
                }
            }
        }
        out
    }
}
