use super::*;

fn cmw() -> Profile {
    Profile::builtin("CMW").unwrap()
}

#[test]
fn titles_symbols_and_opening() {
    let p = cmw();
    assert_eq!(
        p.title(DocumentKind::ListOfIssuesPriorToReporting, "Tajikistan", 3),
        "List of issues prior to submission of the third periodic report of Tajikistan"
    );
    assert_eq!(
        p.title(DocumentKind::ListOfIssues, "Tajikistan", 3),
        "List of issues in relation to the third periodic report of Tajikistan"
    );
    assert_eq!(
        p.title(DocumentKind::ListOfIssues, "Senegal", 1),
        "List of issues in relation to the initial report of Senegal"
    );
    assert_eq!(
        p.symbol(DocumentKind::ListOfIssuesPriorToReporting, "TJK", 3),
        "CMW/C/TJK/QPR/3"
    );
    assert_eq!(
        p.symbol(DocumentKind::ListOfIssues, "TJK", 3),
        "CMW/C/TJK/Q/3"
    );
    let o = p.opening(DocumentKind::ListOfIssuesPriorToReporting, 3);
    assert!(o[0].contains("21,200 words") && o[0].contains("68/268"));
    assert!(p.opening(DocumentKind::ListOfIssuesPriorToReporting, 1)[0].contains("31,800"));
    assert!(p.opening(DocumentKind::ListOfIssues, 3).is_empty());
    assert_eq!(p.question_limit, Some(30));
}

#[test]
fn maps_recommendations_to_sections_by_articles() {
    let p = cmw();
    let general: Vec<u32> = vec![73, 84];
    let part3: Vec<u32> = (8..=35).collect();
    let s = |text: &str, theme: &str, cluster: &[u32]| {
        p.section_for(text, Some(theme), cluster)
            .last()
            .cloned()
            .unwrap()
    };
    assert_eq!(
        s(
            "ensure that the bill on labour migration is adopted",
            "Legislation and application",
            &general
        ),
        "General information"
    );
    assert_eq!(
        s(
            "consider making the declarations provided in articles 76 and 77",
            "Articles 76–77",
            &general
        ),
        "General information"
    );
    assert_eq!(
        s(
            "ensure that the grounds for expulsion are clearly stipulated",
            "Expulsion",
            &part3
        ),
        "Articles 16–22"
    );
    assert_eq!(
        s(
            "take all measures, in accordance with article 26 of the Convention",
            "Trade unions",
            &part3
        ),
        "Articles 25–27"
    );
    assert_eq!(
        s(
            "strengthen the ability of its consulates",
            "Consular assistance",
            &part3
        ),
        "Article 23"
    );
    assert_eq!(
        s(
            "ensure equal access to courts",
            "Right to an effective remedy",
            &[7, 83]
        ),
        "General principles"
    );
    assert_eq!(
        s(
            "adopt comprehensive legislation",
            "Non-discrimination",
            &[7, 83]
        ),
        "Article 7"
    );
    assert_eq!(
        s(
            "adopt a regulatory regime for private recruitment agencies",
            "Recruitment agencies",
            &(64..=71).collect::<Vec<_>>()
        ),
        "Articles 64–71"
    );
    assert_eq!(
        s("a recommendation about anything", "", &[]),
        "General information"
    );
    let path = p.section_for("x", Some("Expulsion"), &part3);
    assert_eq!(
        path,
        vec![
            "Information relating to the articles of the Convention",
            "Part III of the Convention",
            "Articles 16–22"
        ]
    );
}

#[test]
fn labels_only_the_sections_present() {
    let p = cmw();
    let all = p.section_paths(DocumentKind::ListOfIssues);
    assert!(!all.iter().any(|x| x[0].starts_with("Data, statistics")));
    assert!(p
        .section_paths(DocumentKind::ListOfIssuesPriorToReporting)
        .iter()
        .any(|x| x[0].starts_with("Data, statistics")));
    let used = vec![all[0].clone(), all[1].clone(), all[all.len() - 1].clone()];
    let labels = label_sections(&used);
    assert_eq!(labels[&used[0]], vec!["I. General information"]);
    assert_eq!(
        labels[&used[1]],
        vec![
            "II. Information relating to the articles of the Convention",
            "A. General principles"
        ]
    );
    assert_eq!(
        labels[&used[2]],
        vec![
            "II. Information relating to the articles of the Convention",
            "B. Part VI of the Convention",
            "Articles 64–71"
        ]
    );
}

#[test]
fn another_committee_from_a_file() {
    // A profile file of another shape: a copy of CMW's with other sections.
    let mut v: serde_json::Value = serde_json::from_str(CMW_PROFILE).unwrap();
    v["committee"] = "XYZ".into();
    v["symbols"]["list_of_issues_prior_to_reporting"] = "XYZ/C/{code}/QPR/{cycle}".into();
    v["sections"] = serde_json::json!([
        {"heading": "General measures of implementation", "articles": [4, 42, 44], "general": true},
        {"heading": "Violence against children", "articles": [19, 24, 28, 34, 37, 39]},
        {"heading": "Education, leisure and cultural activities", "articles": [29, 30, 31]},
        {"heading": "Children in street situations", "articles": []}
    ]);
    v["topics"] = serde_json::json!([
        {"words": ["corporal punishment"], "articles": [19]},
        {"words": ["street situations"], "section": "Children in street situations"}
    ]);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("xyz.json");
    std::fs::write(&path, v.to_string()).unwrap();
    let p = Profile::load_file(&path).unwrap();
    assert_eq!(
        p.symbol(DocumentKind::ListOfIssuesPriorToReporting, "BIH", 7),
        "XYZ/C/BIH/QPR/7"
    );
    assert_eq!(
        p.section_for("prohibit corporal punishment in all settings", None, &[]),
        vec!["Violence against children"]
    );
    assert_eq!(
        p.section_for("ensure access to school (art. 30)", None, &[]),
        vec!["Education, leisure and cultural activities"]
    );
    assert_eq!(
        p.section_for("protect children in street situations", None, &[]),
        vec!["Children in street situations"]
    );
    assert!(Profile::from_json("{}").is_err());
}

fn error_of(edit: impl Fn(&mut serde_json::Value)) -> String {
    let mut v: serde_json::Value = serde_json::from_str(CMW_PROFILE).unwrap();
    edit(&mut v);
    Profile::from_json_named("broken.json", &v.to_string())
        .unwrap_err()
        .to_string()
}

#[test]
fn errors_name_the_file_and_the_field() {
    let e = error_of(|v| {
        v["templates"]["steps"] = "the steps taken".into();
    });
    assert!(
        e.contains("broken.json") && e.contains("templates.steps") && e.contains("{action}"),
        "{e}"
    );
    let e = error_of(|v| {
        v.as_object_mut().unwrap().remove("templates");
    });
    assert!(e.contains("broken.json") && e.contains("templates"), "{e}");
    let e = error_of(|v| {
        v["lead_in"] = "x".into();
    });
    assert!(e.contains("unknown field `lead_in`"), "{e}");
    let e = error_of(|v| {
        v["symbols"]["list_of_issues"] = "CMW/C/Q".into();
    });
    assert!(
        e.contains("symbols.list_of_issues must contain {code}"),
        "{e}"
    );
    let e = error_of(|v| {
        v["sections"][0]["general"] = false.into();
    });
    assert!(e.contains("exactly one general section"), "{e}");
    let e = error_of(|v| {
        v["topics"][0]["articles"] = serde_json::json!([999]);
    });
    assert!(e.contains("topics[0].articles") && e.contains("999"), "{e}");
    let e = error_of(|v| {
        v["citations"]["style"] = "endnote".into();
    });
    assert!(e.contains("broken.json") && e.contains("endnote"), "{e}");
    let e = error_of(|v| {
        v["templates"]["date_format"] = "%Q".into();
    });
    assert!(e.contains("templates.date_format"), "{e}");
}

#[test]
fn labels_by_the_committee_scheme() {
    let crpd = Profile::builtin("CRPD").unwrap();
    let paths = crpd.section_paths(DocumentKind::ListOfIssues);
    let used = vec![
        paths[0].clone(),
        paths[5].clone(),
        paths[paths.len() - 1].clone(),
    ];
    let labels = crpd.label_sections(&used);
    assert_eq!(
        labels[&used[0]],
        vec!["A. Purpose and general obligations (arts. 1–4)"]
    );
    assert_eq!(
        labels[&used[1]],
        vec!["B. Specific rights (arts. 5–30)", "Accessibility (art. 9)"]
    );
    assert_eq!(labels[&used[2]][0], "C. Specific obligations (arts. 31–33)");
    assert_eq!(letter(0), "A");
    assert_eq!(letter(26), "AA");
    assert_eq!(
        Profile::builtin("E/C.12").map(|p| p.committee),
        Some("CESCR".to_string())
    );
}
