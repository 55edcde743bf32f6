use rusqlite::Connection;

use crate::draft::*;
use crate::error::Error;
use crate::model::{
    Citation, CitationStyle, DocumentKind, IssueList, ListQuestion, NoteAnchor, StateParty,
};

fn sample_list() -> IssueList {
    let q = |n: u32, section: &str, text: &str, para: &str| ListQuestion {
        number: n,
        section: vec![section.to_string()],
        text: text.to_string(),
        subitems: vec![],
        notes: vec![NoteAnchor {
            offset: text.find(',').map(|p| p + 1).unwrap_or(text.len()),
            cites: vec![Citation {
                symbol: "CMW/C/TJK/CO/2".into(),
                paragraph: Some(para.into()),
            }],
            text: None,
        }],
        cites: vec![],
    };
    IssueList {
            symbol: Some("CMW/C/TJK/QPR/3".into()),
            title: Some("List of issues prior to submission of the third periodic report of Tajikistan".into()),
            kind: DocumentKind::ListOfIssuesPriorToReporting,
            questions: vec![
                q(1, "I. General information", "In the light of the recommendation, please clarify whether the bill has been adopted.", "12"),
                q(2, "I. General information", "In the light of the recommendation, please indicate whether the State party intends to make the declarations.", "13"),
                q(3, "II. Articles", "In the light of the recommendation, please provide information on the steps taken to facilitate transfers.", "43"),
            ],
            ..Default::default()
        }
}

fn content() -> DraftContent {
    DraftContent::from_issue_list(&sample_list(), CitationStyle::Footnote, &[])
}

fn tj() -> StateParty {
    StateParty {
        code: "TJK".into(),
        name: "Tajikistan".into(),
    }
}

#[test]
fn keeps_notes_where_the_tokens_stand() {
    let c = content();
    assert!(c.questions[0]
        .text
        .starts_with("In the light of the recommendation,[fn] please"));
    let l = c.to_issue_list("CMW", &tj());
    assert_eq!(l.questions[0].text, sample_list().questions[0].text);
    assert_eq!(
        l.questions[0].notes[0].offset,
        sample_list().questions[0].notes[0].offset
    );
    let notes = l.footnotes();
    assert_eq!(notes[0].1, "CMW/C/TJK/CO/2, para. 12.");
    assert_eq!(notes[1].1, "Ibid., para. 13.");
}

#[test]
fn editing_marks_the_question_edited_and_reset_restores_it() {
    let mut c = content();
    let id = c.questions[1].id;
    c.edit_text(
        id,
        "Please indicate,[fn] whether the declarations will be made.",
    )
    .unwrap();
    assert!(c.questions[1].edited);
    assert_eq!(c.questions[1].notes.len(), 1);
    c.edit_text(id, "No marker left.").unwrap();
    assert!(c.questions[1].notes.is_empty());
    c.reset_to_generated(id).unwrap();
    assert!(!c.questions[1].edited);
    assert_eq!(c.questions[1].notes.len(), 1);
}

#[test]
fn numbering_and_ibid_follow_reordering() {
    let mut c = content();
    let third = c.questions[2].id;
    c.reorder(third, 0).unwrap();
    let l = c.to_issue_list("CMW", &tj());
    assert_eq!(l.questions[0].number, 1);
    assert!(l.questions[0].text.contains("transfers"));
    assert_eq!(
        l.questions[0].section,
        vec!["I. General information".to_string()]
    );
    let notes = l.footnotes();
    assert_eq!(notes[0].1, "CMW/C/TJK/CO/2, para. 43.");
    assert_eq!(notes[1].1, "Ibid., para. 12.");
}

#[test]
fn add_delete_merge_split_and_move() {
    let mut c = content();
    let first = c.questions[0].id;
    let added = c
        .add_question(
            vec!["Articles".into()],
            None,
            "Please describe the remittance fees.",
        )
        .unwrap();
    assert_eq!(c.questions.last().unwrap().id, added);
    c.merge_with_next(first).unwrap();
    assert_eq!(c.questions.len(), 3);
    assert_eq!(c.questions[0].notes.len(), 2);
    assert_eq!(c.questions[0].sources.len(), 2);
    let at = c.questions[0].text.find(" In the light").unwrap();
    let new_id = c.split(first, at).unwrap();
    assert_eq!(c.questions.len(), 4);
    assert_eq!(c.questions[1].id, new_id);
    assert_eq!(c.questions[0].notes.len(), 1);
    assert_eq!(c.questions[1].notes.len(), 1);
    c.move_question(new_id, Some(vec!["Articles".into()]), 0)
        .unwrap();
    assert_eq!(c.questions[1].section, vec!["Articles".to_string()]);
    assert_eq!(c.questions[1].id, new_id);
    c.delete_question(added).unwrap();
    assert_eq!(c.questions.len(), 3);
    assert!(c.merge_with_next(c.questions[2].id).is_err());
    assert!(c.split(first, 0).is_err());
}

#[test]
fn counts_warn_past_the_limit() {
    let c = content();
    let counts = c.counts(Some(2));
    assert_eq!(counts.questions, 3);
    assert!(counts.words > 20);
    assert!(counts.warning.is_some());
    assert!(c.counts(Some(30)).warning.is_none());
}

#[test]
fn coverage_lists_follow_up_recommendations_left_out_first() {
    let c = content();
    let t = |p: &str, f: bool| CoverageTarget {
        symbol: "CMW/C/TJK/CO/2".into(),
        paragraph: p.into(),
        follow_up: f,
        report_silent: false,
    };
    let cov = coverage(
        &c,
        &[t("12", true), t("35", false), t("47", true), t("43", false)],
    );
    assert_eq!(cov.covered.len(), 2);
    assert_eq!(cov.not_covered[0].paragraph, "47");
    assert!(cov.not_covered[0].follow_up);
    // One the report says nothing on comes before them.
    let silent = CoverageTarget {
        report_silent: true,
        ..t("57", false)
    };
    let cov = coverage(&c, &[t("12", true), t("47", true), silent]);
    assert_eq!(cov.not_covered[0].paragraph, "57");
    assert!(cov.not_covered[0].report_silent);
    assert_eq!(cov.not_covered[1].paragraph, "47");
}

fn db() -> Connection {
    let conn = Connection::open_in_memory().unwrap();
    conn.execute_batch("PRAGMA foreign_keys = ON;").unwrap();
    conn.execute_batch(include_str!("../../library/migrations/002_drafts.sql"))
        .unwrap();
    conn.execute_batch(include_str!("../../library/migrations/003_typing.sql"))
        .unwrap();
    conn.execute_batch(include_str!(
        "../../library/migrations/007_draft_exchange.sql"
    ))
    .unwrap();
    give_uids(&conn).unwrap();
    conn.execute_batch(include_str!(
        "../../library/migrations/008_sent_versions.sql"
    ))
    .unwrap();
    conn
}

#[test]
fn typing_is_saved_at_every_keystroke_and_undone_as_one_step() {
    let mut conn = db();
    let d = create(&mut conn, &tj(), "CMW", 3, None, &content()).unwrap();
    let q = d.content.questions[0].id;
    let mut c = d.content.clone();
    for text in ["P", "Pl", "Please", "Please describe."] {
        c.edit_text(q, text).unwrap();
        let saved = save_typing(&mut conn, d.id, &c, &format!("q{q}")).unwrap();
        assert_eq!(saved.content.questions[0].text, text, "saved at once");
    }
    let back = undo(&mut conn, d.id).unwrap();
    assert_ne!(
        back.content.questions[0].text, "P",
        "one undo step for the whole burst"
    );
    assert_eq!(back.content.questions[0].text, content().questions[0].text);
    let again = redo(&mut conn, d.id).unwrap();
    assert_eq!(again.content.questions[0].text, "Please describe.");
    // Typing in another question is another step.
    let q2 = d.content.questions[1].id;
    let mut c = again.content.clone();
    c.edit_text(q2, "Other.").unwrap();
    save_typing(&mut conn, d.id, &c, &format!("q{q2}")).unwrap();
    let back = undo(&mut conn, d.id).unwrap();
    assert_eq!(back.content.questions[0].text, "Please describe.");
}

#[test]
fn saves_undoes_redoes_and_restores_versions() {
    let mut conn = db();
    let d = create(
        &mut conn,
        &tj(),
        "CMW",
        3,
        Some("CMW/C/TJK/CO/2"),
        &content(),
    )
    .unwrap();
    assert!(!d.can_undo);
    let id = d.id;
    let v1 = save_version(&mut conn, id, "Sent to co-rapporteur").unwrap();
    let q1 = d.content.questions[0].id;
    let d = update(&mut conn, id, |c| c.edit_text(q1, "Edited text.")).unwrap();
    assert!(d.can_undo);
    assert_eq!(d.content.questions[0].text, "Edited text.");
    let d = undo(&mut conn, id).unwrap();
    assert_ne!(d.content.questions[0].text, "Edited text.");
    assert!(d.can_redo);
    let d = redo(&mut conn, id).unwrap();
    assert_eq!(d.content.questions[0].text, "Edited text.");
    let d = update(&mut conn, id, |c| c.delete_question(q1).map(|_| ())).unwrap();
    assert_eq!(d.content.questions.len(), 2);
    let d = restore(&mut conn, id, v1.id).unwrap();
    assert_eq!(d.content.questions.len(), 3);
    // The state before the restore is one undo away; versions are all kept.
    let d = undo(&mut conn, id).unwrap();
    assert_eq!(d.content.questions.len(), 2);
    assert_eq!(versions(&conn, id).unwrap().len(), 1);
    assert!(matches!(undo(&mut conn, 9999), Err(Error::NotFound(_))));
    assert_eq!(list(&conn, Some("tjk")).unwrap().len(), 1);
    delete(&mut conn, id).unwrap();
    assert!(list(&conn, None).unwrap().is_empty());
}
