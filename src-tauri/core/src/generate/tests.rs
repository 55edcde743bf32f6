use super::*;
use crate::parse::parse_text;

fn seed(prefix: &str) -> String {
    crate::fixtures::seed_text(prefix)
}

fn cmw() -> Profile {
    Profile::builtin("CMW").unwrap()
}

fn rec(text: &str, subs: &[(&str, &str)]) -> Paragraph {
    Paragraph {
        number: Some("20".into()),
        kind: ParagraphKind::Recommendation,
        text: text.into(),
        subparagraphs: subs
            .iter()
            .map(|(l, t)| SubParagraph {
                label: (*l).into(),
                text: (*t).into(),
            })
            .collect(),
        ..Default::default()
    }
}

fn ask(text: &str) -> String {
    let p = rec(text, &[]);
    let g = generate_questions(
        &RecommendationInput::new("CMW/C/MEX/CO/2", &p),
        &cmw(),
        &GenerateOptions::default(),
    );
    first_sentence(&g[0].question.text)
}

const LEAD: &str = "In the light of the recommendation made by the Committee in its previous concluding observations,";

#[test]
fn the_evaluation_against_the_real_list_of_issues() {
    let co = parse_text(&seed("004"));
    let loi = parse_text(&seed("003"));
    let report = evaluate(&co, &loi, &cmw());
    for p in &report.pairs {
        println!(
            "Q{} ({}) {:.2} (raw {:.2})\n  generated: {}\n  actual:    {}",
            p.question,
            p.cited.join(", "),
            p.similarity,
            p.raw_similarity,
            p.generated,
            p.actual
        );
    }
    println!(
        "mean {:.3}, min {:.3}, raw mean {:.3}",
        report.mean, report.min, report.raw_mean
    );
    assert_eq!(report.pairs.len(), 7);
    assert!(report.mean >= 0.95, "mean {}", report.mean);
    assert!(report.min >= 0.5, "min {}", report.min);
    assert!(report.mean > report.raw_mean + 0.2);
}

#[test]
fn rules_on_other_phrasings() {
    assert_eq!(
        ask("The Committee recommends that the State party take measures to facilitate the recognition of skills."),
        format!("{LEAD} please provide information on the steps taken to facilitate the recognition of skills.")
    );
    assert_eq!(
        ask("The Committee calls upon the State party to take all necessary measures to ensure that migrant domestic workers are protected."),
        format!("{LEAD} please provide information on the efforts made to ensure that migrant domestic workers are protected.")
    );
    assert_eq!(
        ask("The Committee encourages the State party to step up its efforts to combat trafficking in persons."),
        format!("{LEAD} please provide information on the efforts made to combat trafficking in persons.")
    );
    assert_eq!(
        ask("The Committee strongly recommends that the State party establish an independent complaints mechanism."),
        format!("{LEAD} please provide information on the efforts made to establish an independent complaints mechanism.")
    );
    assert_eq!(
        ask("The Committee reiterates its recommendation that the State party consider ratifying the ILO Domestic Workers Convention, 2011 (No. 189)."),
        "Please indicate, in the light of the recommendation made by the Committee in its previous concluding observations, whether the State party intends to ratify the ILO Domestic Workers Convention, 2011 (No. 189), and specify, if applicable, what constraints and difficulties have prevented it from doing so to date."
    );
    assert_eq!(
        ask("The Committee recommends that the State party consider acceding to the 1961 Convention."),
        "Please indicate, in the light of the recommendation made by the Committee in its previous concluding observations, whether the State party intends to accede to the 1961 Convention, and specify, if applicable, what constraints and difficulties have prevented it from doing so to date."
    );
    assert_eq!(
        ask("The Committee notes the draft law on labour migration. It urges the State party to adopt the draft law without delay."),
        format!("{LEAD} please clarify whether the draft law on labour migration has been adopted.")
    );
    assert_eq!(
        ask("The Committee invites the State party to provide detailed information on the application of the Convention by the courts in its next periodic report."),
        format!("{LEAD} please provide detailed information on the application of the Convention by the courts.")
    );
    assert_eq!(
        ask("The Committee recommends that the State party continue to strengthen its consular services."),
        format!("{LEAD} please provide information on the efforts made to strengthen the State party's consular services.")
    );
    assert_eq!(
        ask("The Committee reminds the State party that human rights defenders deserve special protection, and thus strongly recommends that the State party take all measures necessary to ensure that non-governmental organizations can function."),
        format!("{LEAD} please provide information on the efforts made to ensure that non-governmental organizations can function.")
    );
    assert_eq!(
        ask("The Committee recommends that the State party continue to take measures to ensure equal access to courts."),
        format!("{LEAD} please provide information on the steps taken to ensure equal access to courts.")
    );
    assert_eq!(
        ask("The Committee recommends that the State party ensure that the Office is provided with the resources necessary for its effective operation."),
        format!("{LEAD} please provide information on the efforts made to ensure that the Office is provided with the resources necessary for its effective operation.")
    );
    assert_eq!(
        ask("The Committee recommends that, in accordance with article 28 of the Convention, the State party take concrete measures to ensure access to health care."),
        format!("{LEAD} please provide information on the steps taken to ensure access to health care.")
    );
    // A second request "and to take steps to X" is asked as "and to X".
    assert_eq!(
        ask("The Committee recommends that the State party suspend the reform and to take steps to adopt laws that replace guardianship."),
        format!("{LEAD} please provide information on the efforts made to suspend the reform, and to adopt laws that replace guardianship.")
    );
    // "their implementation" of what the sentence names before the request.
    assert_eq!(
        ask("The Committee reiterates the recommendations of the Committee on the Rights of the Child and requests that the State party expedite their full implementation."),
        format!("{LEAD} please provide information on the efforts made to expedite the full implementation of the recommendations of the Committee on the Rights of the Child.")
    );
    // "its guidelines" are the Committee's, unless the sentence says so.
    assert_eq!(
        ask("The Committee recommends that the State party take into account its guidelines on independent monitoring frameworks."),
        format!("{LEAD} please provide information on the efforts made to take into account the Committee's guidelines on independent monitoring frameworks.")
    );
    assert_eq!(
        ask("The Committee recommends that the State party train judges on the recommendations made by the Committee in its general comment No. 1."),
        format!("{LEAD} please provide information on the efforts made to train judges on the recommendations made by the Committee in its general comment No. 1.")
    );
    // A follow-up recommendation: "Considering …".
    let mut p = rec(
        "The Committee recommends that the State party adopt a migration policy.",
        &[],
    );
    p.follow_up = true;
    let g = generate_questions(
        &RecommendationInput::new("CMW/C/MEX/CO/2", &p),
        &cmw(),
        &GenerateOptions::default(),
    );
    assert!(g[0].question.text.starts_with("Considering the recommendation made by the Committee in its previous concluding observations, please provide information on the efforts made to adopt a migration policy."));
}

/// "Provide information on …" asks the State party for information; "provide
/// information in accessible formats about …" is a measure to take.
#[test]
fn information_asked_for_and_information_to_give_people() {
    assert_eq!(
        ask("The Committee requests the State party to provide information, disaggregated by sex, on the number of complaints received."),
        format!("{LEAD} please provide information, disaggregated by sex, on the number of complaints received.")
    );
    assert_eq!(
        ask("The Committee recommends that the State party provide information in accessible formats about early warning mechanisms."),
        format!("{LEAD} please provide information on the efforts made to provide information in accessible formats about early warning mechanisms.")
    );
    // Sub-paragraphs after "… by:" are gerunds; the question needs the verb.
    let p = rec(
        "The Committee recommends that the State party ensure the safety of persons with disabilities in situations of risk, by:",
        &[("a", "Adopting a comprehensive strategy for situations of risk;"), ("b", "Expediting the process to ratify the Convention.")],
    );
    let g = generate_questions(
        &RecommendationInput::new("CMW/C/MEX/CO/2", &p),
        &cmw(),
        &GenerateOptions::default(),
    );
    let all = format!("{} {:?}", g[0].question.text, g[0].question.subitems);
    assert!(
        !all.contains("to adopting") && !all.contains("to expediting"),
        "{all}"
    );
    assert_eq!(
        ask("The Committee recommends that the State party adopt measures allowing children with disabilities to express their views."),
        format!("{LEAD} please provide information on the steps taken to allow children with disabilities to express their views.")
    );
    assert_eq!(
        ask("The State party should further step up its efforts in the provision of reasonable accommodation."),
        format!("{LEAD} please provide information on the measures taken to address the provision of reasonable accommodation.")
    );
    // The manner of a request after its verb.
    assert_eq!(
        ask("The Committee recommends that the State party, in close consultation with, and including the active involvement of, persons with disabilities through their representative organizations, conduct a thorough inquiry into all deaths in institutions."),
        format!("{LEAD} please provide information on the efforts made to conduct a thorough inquiry into all deaths in institutions, in close consultation with, and including the active involvement of, persons with disabilities through their representative organizations.")
    );
    // Measures to put in place are the measures asked about, not a second
    // set; measures to enforce are asked about as steps to enforce them.
    assert_eq!(
        ask("The Committee recommends that the State party enforce measures to ensure that victims receive redress."),
        format!("{LEAD} please provide information on the steps taken to enforce measures to ensure that victims receive redress.")
    );
    assert_eq!(
        ask("The Committee recommends that the State party put in place measures to narrow the employment gap."),
        format!("{LEAD} please provide information on the steps taken to narrow the employment gap.")
    );
}

#[test]
fn sub_paragraphs_become_sub_items_or_questions() {
    let p = rec(
        "Recalling its previous recommendations, the Committee recommends that the State party, in accordance with the Recommended Principles:",
        &[("a", "Adopt comprehensive legislation prohibiting discrimination;"), ("b", "Take all the measures necessary to amend legislation on work permits;"), ("c", "Provide information in its next periodic report on the measures taken.")],
    );
    let input = RecommendationInput::new("CMW/C/MEX/CO/2", &p);
    let g = generate_questions(&input, &cmw(), &GenerateOptions::default());
    assert_eq!(g.len(), 1);
    let q = &g[0].question;
    assert_eq!(q.text, format!("{LEAD} please provide information on:"));
    assert_eq!(
        q.subitems[0].text,
        "The efforts made to adopt comprehensive legislation prohibiting discrimination;"
    );
    assert_eq!(
        q.subitems[1].text,
        "The efforts made to amend legislation on work permits;"
    );
    assert_eq!(q.subitems[2].text, "The measures taken.");
    let split = generate_questions(
        &input,
        &cmw(),
        &GenerateOptions {
            split_subparagraphs: true,
            ..Default::default()
        },
    );
    assert_eq!(split.len(), 3);
    assert_eq!(split[1].sources[0].paragraph.as_deref(), Some("20 (b)"));
    assert!(split[1].question.subitems.is_empty());
}

/// A request before the sub-paragraphs ("consider ratifying X, and that it:")
/// is asked, then the sub-paragraphs after it.
#[test]
fn a_request_that_goes_on_into_sub_paragraphs() {
    let p = rec(
        "The Committee recommends that the State party consider ratifying the ILO Domestic Workers Convention, 2011 (No. 189), and that it:",
        &[("a", "Adopt a law on domestic work;"), ("b", "Inspect workplaces.")],
    );
    let g = generate_questions(
        &RecommendationInput::new("CMW/C/MEX/CO/2", &p),
        &cmw(),
        &GenerateOptions::default(),
    );
    let q = &g[0].question;
    assert!(
        q.text.starts_with("Please indicate, in the light of the recommendation made by the Committee in its previous concluding observations, whether the State party intends to ratify the ILO Domestic Workers Convention, 2011 (No. 189)"),
        "{}",
        q.text
    );
    assert!(
        q.text.ends_with("Please also provide information on:"),
        "{}",
        q.text
    );
    assert_eq!(q.subitems.len(), 2);
    // An introduction to the sub-paragraphs asks nothing itself.
    let p = rec(
        "The Committee recommends that the State party take the following measures:",
        &[
            ("a", "Adopt a law on domestic work;"),
            ("b", "Inspect workplaces."),
        ],
    );
    let g = generate_questions(
        &RecommendationInput::new("CMW/C/MEX/CO/2", &p),
        &cmw(),
        &GenerateOptions::default(),
    );
    assert_eq!(
        g[0].question.text,
        format!("{LEAD} please provide information on:")
    );
}

#[test]
fn citation_styles() {
    let p = rec(
        "The Committee recommends that the State party adopt a law.",
        &[],
    );
    let input = RecommendationInput::new("CMW/C/TJK/CO/2", &p);
    let foot = &generate_questions(&input, &cmw(), &GenerateOptions::default())[0].question;
    assert_eq!(&foot.text[..foot.notes[0].offset], LEAD);
    let inline = &generate_questions(
        &input,
        &cmw(),
        &GenerateOptions {
            style: CitationStyle::Inline,
            ..Default::default()
        },
    )[0]
    .question;
    assert!(
        inline
            .text
            .contains("observations (see CMW/C/TJK/CO/2, para. 20), please"),
        "{}",
        inline.text
    );
    assert!(inline.notes.is_empty());
    let bare = &generate_questions(
        &input,
        &cmw(),
        &GenerateOptions {
            style: CitationStyle::Bare,
            ..Default::default()
        },
    )[0]
    .question;
    assert!(bare.text.contains("observations (para. 20), please"));
}

/// A list of themes (CERD) asks nothing: each item is a noun phrase with the
/// citation after it; sub-paragraphs follow "Information on the following".
#[test]
fn themes_of_a_list_of_themes() {
    let cerd = Profile::builtin("CERD").unwrap();
    let inline = GenerateOptions {
        style: CitationStyle::Inline,
        ..Default::default()
    };
    let p = rec(
        "The Committee recommends that the State party take measures to incorporate the Convention into domestic law. It should also provide information on complaints of racial discrimination.",
        &[],
    );
    let g = generate_questions(
        &RecommendationInput::new("CERD/C/IRL/CO/3-4", &p),
        &cerd,
        &inline,
    );
    assert_eq!(
        g[0].question.text,
        "Measures taken to incorporate the Convention into domestic law, as previously recommended (CERD/C/IRL/CO/3-4, para. 20). Information on complaints of racial discrimination."
    );
    let p = rec(
        "The Committee recommends that the State party:",
        &[
            ("a", "Adopt a national action plan against racism;"),
            ("b", "Consider ratifying the Convention on migrant workers."),
        ],
    );
    let g = generate_questions(
        &RecommendationInput::new("CERD/C/IRL/CO/3-4", &p),
        &cerd,
        &inline,
    );
    let q = &g[0].question;
    assert_eq!(
        q.text,
        "Information on the following, as previously recommended (CERD/C/IRL/CO/3-4, para. 20):"
    );
    assert_eq!(q.subitems.len(), 2);
    assert!(
        q.subitems[1]
            .text
            .starts_with("Whether the State party intends to ratify"),
        "{:?}",
        q.subitems
    );
    // Cited in a footnote, the marker stands where the citation would.
    let foot = &generate_questions(
        &RecommendationInput::new(
            "CERD/C/IRL/CO/3-4",
            &rec(
                "The Committee recommends that the State party adopt a law.",
                &[],
            ),
        ),
        &cerd,
        &GenerateOptions::default(),
    )[0]
    .question;
    assert_eq!(
        &foot.text[..foot.notes[0].offset],
        "Measures taken to adopt a law, as previously recommended"
    );
}

/// The evaluation cites as the real question cites: a bare "(para. 20)" in
/// the real question, a bare one in the generated question.
#[test]
fn the_evaluation_cites_as_the_real_list_does() {
    let crpd = Profile::builtin("CRPD").unwrap();
    let co = parse_text("CRPD/C/XYZ/CO/1\nConcluding observations on the initial report of Utopia\n20. The Committee recommends that the State party adopt a law on accessibility.\n");
    let mut loi = Document {
        kind: DocumentKind::ListOfIssues,
        ..Default::default()
    };
    loi.paragraphs.push(Paragraph {
        number: Some("4".into()),
        kind: ParagraphKind::Question,
        text: "With regard to the Committee’s previous concluding observations (para. 20), please provide information on the measures taken to adopt a law on accessibility.".into(),
        cites: vec![Citation { symbol: "CRPD/C/XYZ/CO/1".into(), paragraph: Some("20".into()) }],
        ..Default::default()
    });
    let mut co = co;
    co.symbol = Some("CRPD/C/XYZ/CO/1".into());
    if let Some(p) = co
        .paragraphs
        .iter_mut()
        .find(|p| p.number.as_deref() == Some("20"))
    {
        p.kind = ParagraphKind::Recommendation;
    }
    let report = evaluate(&co, &loi, &crpd);
    assert_eq!(report.pairs.len(), 1, "{report:?}");
    assert_eq!(report.pairs[0].generated, report.pairs[0].actual);
    assert!((report.mean - 1.0).abs() < 1e-9);
}

#[test]
fn a_whole_list_from_the_tajikistan_observations() {
    let co = parse_text(&seed("004"));
    let inputs: Vec<RecommendationInput> = co
        .paragraphs
        .iter()
        .filter(|p| p.kind == ParagraphKind::Recommendation)
        .map(|p| RecommendationInput {
            cluster_articles: p
                .cluster
                .as_ref()
                .and_then(|c| co.clusters.iter().find(|x| &x.title == c))
                .map(|c| c.articles.clone())
                .unwrap_or_default(),
            ..RecommendationInput::new("CMW/C/TJK/CO/2", p)
        })
        .collect();
    let state = co.state.clone().unwrap();
    let (list, sources) = generate_list(&state, 3, &inputs, &cmw(), &GenerateOptions::default());
    assert_eq!(list.symbol.as_deref(), Some("CMW/C/TJK/QPR/3"));
    assert_eq!(
        list.title.as_deref(),
        Some("List of issues prior to submission of the third periodic report of Tajikistan")
    );
    assert!(list.intro[0].contains("21,200"));
    assert_eq!(list.questions.len(), inputs.len());
    assert_eq!(sources.len(), list.questions.len());
    for (i, q) in list.questions.iter().enumerate() {
        assert_eq!(q.number as usize, i + 1);
        assert!(
            q.section[0].starts_with("I. ") || q.section[0].starts_with("II. "),
            "{:?}",
            q.section
        );
    }
    assert_eq!(list.questions[0].section, vec!["I. General information"]);
    let notes = list.footnotes();
    assert_eq!(notes[0].1, "CMW/C/TJK/CO/2, para. 12.");
    assert!(notes[1].1.starts_with("Ibid., para."));
    // Deterministic.
    let (again, _) = generate_list(&state, 3, &inputs, &cmw(), &GenerateOptions::default());
    assert_eq!(again, list);
}

#[test]
fn follow_up_of_sub_paragraphs() {
    let refs = vec!["12".to_string(), "35 (a)".to_string()];
    assert!(under_follow_up(&refs, "12", None));
    assert!(under_follow_up(&refs, "12", Some(&["b".to_string()])));
    assert!(under_follow_up(&refs, "35", None));
    assert!(under_follow_up(&refs, "35", Some(&["a".to_string()])));
    assert!(!under_follow_up(&refs, "35", Some(&["b".to_string()])));
    assert!(!under_follow_up(&refs, "13", None));
}

#[test]
fn references_beside_letters_whose_lowercase_changes_length() {
    // "İ" lowercases to two characters (3 bytes for 2), "ẞ" to "ß" (2 for 3):
    // offsets found in a lowercased copy used to slice the original (a panic,
    // or the wrong words).
    let context = "The Committee notes that İstanbul and the GROẞE bill on labour migration of İzmir is pending. The Committee recommends that the State party adopt the GROẞE bill without delay.";
    assert_eq!(
        resolve_reference("the GROẞE bill", context),
        "the GROẞE bill on labour migration of İzmir"
    );
    assert_eq!(
        resolve_reference(
            "the bill",
            "İn İstanbul, The Bill on İstanbul roads is pending."
        ),
        "The Bill on İstanbul roads"
    );
    for text in [
        "İİİİ the bill on x",
        "ẞẞẞẞ the bill to y",
        "the bill İ",
        "İ",
        "",
    ] {
        let _ = resolve_reference("the bill", text);
    }
    // Through the generator, with the letters in the recommendation.
    let p = rec(
        "The Committee notes that in İstanbul and İzmir the bill on the rights of migrant workers is pending. The Committee recommends that the State party adopt the bill without delay.",
        &[],
    );
    let g = generate_questions(
        &RecommendationInput::new("CMW/C/TUR/CO/1", &p),
        &cmw(),
        &GenerateOptions::default(),
    );
    let text = &g[0].question.text;
    assert!(
        text.contains("whether the bill on the rights of migrant workers has been adopted"),
        "{text}"
    );
}

#[test]
fn gerunds() {
    for (g, b) in [
        ("making", "make"),
        ("expediting", "expedite"),
        ("prohibiting", "prohibit"),
        ("inviting", "invite"),
        ("soliciting", "solicit"),
        ("ratifying", "ratify"),
        ("acceding", "accede"),
        ("withdrawing", "withdraw"),
        ("adopting", "adopt"),
        ("submitting", "submit"),
        ("establishing", "establish"),
        ("revising", "revise"),
        ("achieving", "achieve"),
        ("promoting", "promote"),
        ("combating", "combat"),
        ("creating", "create"),
        ("eliminating", "eliminate"),
        ("allocating", "allocate"),
        ("prosecuting", "prosecute"),
        ("contributing", "contribute"),
        ("producing", "produce"),
        ("reinforcing", "reinforce"),
        ("organizing", "organize"),
        ("recognizing", "recognize"),
        ("changing", "change"),
        ("challenging", "challenge"),
        ("requiring", "require"),
        ("increasing", "increase"),
        ("raising", "raise"),
        ("focusing", "focus"),
        ("compiling", "compile"),
        ("completing", "complete"),
        ("budgeting", "budget"),
        ("ensuring", "ensure"),
        ("providing", "provide"),
        ("including", "include"),
        ("becoming", "become"),
        ("engaging", "engage"),
        ("strengthening", "strengthen"),
        ("developing", "develop"),
        ("implementing", "implement"),
        ("ending", "end"),
        ("discussing", "discuss"),
        ("installing", "install"),
        ("improving", "improve"),
        ("removing", "remove"),
        ("reviewing", "review"),
        ("monitoring", "monitor"),
        ("considering", "consider"),
        ("entering", "enter"),
        ("harmonizing", "harmonize"),
        ("addressing", "address"),
        ("guaranteeing", "guarantee"),
        ("seeking", "seek"),
        ("collecting", "collect"),
        ("investigating", "investigate"),
        ("facilitating", "facilitate"),
        ("repealing", "repeal"),
        ("amending", "amend"),
        ("conducting", "conduct"),
        ("training", "train"),
        ("obtaining", "obtain"),
        ("taking", "take"),
        ("giving", "give"),
        ("using", "use"),
        ("closing", "close"),
        ("introducing", "introduce"),
        ("enforcing", "enforce"),
        ("opening", "open"),
        ("securing", "secure"),
        ("restoring", "restore"),
    ] {
        assert_eq!(base_form(g), b, "{g}");
    }
}
