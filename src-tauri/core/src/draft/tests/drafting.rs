use crate::compare::*;
use crate::draft;
use crate::draft::*;
use crate::library::Library;
use crate::link;
use crate::model::{CitationStyle, DocumentKind};

fn seeded() -> Library {
    let mut lib = Library::open_in_memory().unwrap();
    lib.ensure_seeded().unwrap();
    lib
}

#[test]
fn a_sentence_further_to_the_report_is_added_in_the_drafts_style() {
    let mut lib = seeded();
    let d = new_draft(
        &mut lib,
        &NewDraft {
            state: "TJK".into(),
            ..Default::default()
        },
    )
    .unwrap();
    let q = d.content.questions[1].id;
    let before = view(&mut lib, d.id).unwrap();
    let v = apply(
        &mut lib,
        d.id,
        DraftOp::CiteSource {
            question: q,
            source: SourceRef {
                kind: SourceKind::Report,
                symbol: "CMW/C/TJK/3".into(),
                paragraph: Some("38".into()),
            },
        },
    )
    .unwrap();
    let q2 = &v.questions[1];
    assert!(q2.text.ends_with(
            "Further to the information provided in paragraph 38 of the State party's report, please provide updated information."
        ));
    // One more footnote, after the comma, citing the report's paragraph.
    assert_eq!(v.footnotes.len(), before.footnotes.len() + 1);
    assert!(v
        .footnotes
        .iter()
        .any(|f| f.text == "CMW/C/TJK/3, para. 38."));
    let note = q2.notes.last().unwrap();
    assert_eq!(&q2.text[..note.offset], q2.text[..note.offset].trim_end());
    assert!(q2.text[..note.offset].ends_with("report,"));
    // One undo step takes it away.
    let undone = change(&mut lib, d.id, Change::Undo).unwrap();
    assert_eq!(undone.questions[1].text, before.questions[1].text);
    // Inline, the document's symbol follows the words that name it.
    let d = new_draft(
        &mut lib,
        &NewDraft {
            state: "TJK".into(),
            style: CitationStyle::Inline,
            ..Default::default()
        },
    )
    .unwrap();
    let q = d.content.questions[0].id;
    let v = apply(
        &mut lib,
        d.id,
        DraftOp::CiteSource {
            question: q,
            source: SourceRef {
                kind: SourceKind::FollowUp,
                symbol: "CMW/C/TJK/CO/2/Add.1".into(),
                paragraph: None,
            },
        },
    )
    .unwrap();
    assert!(v.questions[0].text.ends_with(
            "In the light of the information provided by the State party in its follow-up report (CMW/C/TJK/CO/2/Add.1), please provide updated information."
        ));
}

#[test]
fn version_times_read_on_the_laptops_clock() {
    use chrono::TimeZone;
    let shown = local_time("2026-12-01T21:16:05.123Z");
    let read = chrono::NaiveDateTime::parse_from_str(&shown, "%Y-%m-%d %H:%M").unwrap();
    let instant = chrono::Local.from_local_datetime(&read).earliest().unwrap();
    assert_eq!(
        instant.with_timezone(&chrono::Utc),
        chrono::Utc
            .with_ymd_and_hms(2026, 12, 1, 21, 16, 0)
            .unwrap()
    );
    assert_eq!(local_time("not a time"), "not a time");
}

#[test]
fn a_draft_for_tajikistan_from_the_library() {
    let mut lib = seeded();
    let d = new_draft(
        &mut lib,
        &NewDraft {
            state: "TJK".into(),
            ..Default::default()
        },
    )
    .unwrap();
    let v = view(&mut lib, d.id).unwrap();
    assert_eq!(v.symbol, "CMW/C/TJK/QPR/3");
    assert_eq!(
        v.title,
        "List of issues prior to submission of the third periodic report of Tajikistan"
    );
    let recs = link::recommendations(&lib, "TJK").unwrap();
    assert_eq!(v.questions.len(), recs.len());
    assert_eq!(v.counts.questions, recs.len());
    assert!(v.coverage.not_covered.is_empty());
    assert_eq!(v.footnotes[0].text, "CMW/C/TJK/CO/2, para. 12.");
    assert!(v.footnotes[1].text.starts_with("Ibid."));
    assert!(v.questions.iter().all(|q| !q.edited));
    // Follow-up recommendations are asked with "Considering".
    let q12 = v
        .questions
        .iter()
        .find(|q| q.sources[0].paragraph.as_deref() == Some("12"))
        .unwrap();
    assert!(q12.text.starts_with("Considering"));
}

#[test]
fn a_selection_leaves_the_rest_uncovered_and_flags_follow_up() {
    let mut lib = seeded();
    let d = new_draft(
        &mut lib,
        &NewDraft {
            state: "Tajikistan".into(),
            kind: DocumentKind::ListOfIssues,
            include: Some(vec!["43".into(), "49 (a) and (d)".into()]),
            ..Default::default()
        },
    )
    .unwrap();
    let v = view(&mut lib, d.id).unwrap();
    assert_eq!(v.symbol, "CMW/C/TJK/Q/3");
    assert_eq!(v.questions.len(), 2);
    assert!(v.coverage.covered.iter().any(|c| c.paragraph == "49"));
    assert!(
        v.coverage.not_covered[0].follow_up,
        "follow-up recommendations left out come first"
    );
    assert!(new_draft(
        &mut lib,
        &NewDraft {
            state: "TJK".into(),
            include: Some(vec!["11".into()]),
            ..Default::default()
        }
    )
    .is_err());
    assert!(new_draft(
        &mut lib,
        &NewDraft {
            state: "MEX".into(),
            ..Default::default()
        }
    )
    .is_err());
}

#[test]
fn edits_from_the_editor() {
    let mut lib = seeded();
    let d = new_draft(
        &mut lib,
        &NewDraft {
            state: "TJK".into(),
            ..Default::default()
        },
    )
    .unwrap();
    let first = d.content.questions[0].id;
    let second = d.content.questions[1].id;
    let v = apply(
        &mut lib,
        d.id,
        DraftOp::EditText {
            question: second,
            text: "Please indicate,[fn] briefly.".into(),
        },
    )
    .unwrap();
    assert!(v.questions[1].edited);
    let v = apply(
        &mut lib,
        d.id,
        DraftOp::Reorder {
            question: second,
            to: 0,
        },
    )
    .unwrap();
    assert_eq!(v.questions[0].id, second);
    assert_eq!(v.questions[0].number, 1);
    assert_eq!(v.footnotes[0].text, "CMW/C/TJK/CO/2, para. 13.");
    assert_eq!(v.footnotes[1].text, "Ibid., para. 12.");
    let v = apply(&mut lib, d.id, DraftOp::Delete { question: first }).unwrap();
    assert_eq!(v.coverage.not_covered[0].paragraph, "12");
    assert!(v.can_undo);
    let json = serde_json::json!({"op": "add_question", "section": null, "after": null, "text": "A new question?"});
    let op: DraftOp = serde_json::from_value(json).unwrap();
    let v = apply(&mut lib, d.id, op).unwrap();
    assert_eq!(v.questions.last().unwrap().text, "A new question?");
    assert!(apply(&mut lib, d.id, DraftOp::Delete { question: 9999 }).is_err());
}

fn tjk_draft(lib: &mut Library) -> DraftView {
    let d = new_draft(
        lib,
        &NewDraft {
            state: "TJK".into(),
            ..Default::default()
        },
    )
    .unwrap();
    view(lib, d.id).unwrap()
}

/// The editor is shown a change while its transaction is still open: another
/// reader of the library file sees it only once it is committed, and the
/// view shown is the draft as stored.
#[test]
fn a_change_is_shown_before_its_commit_and_stored_as_shown() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("library.sqlite3");
    let mut lib = Library::open(&path).unwrap();
    lib.ensure_seeded().unwrap();
    let v = tjk_draft(&mut lib);
    let (first, second) = (v.questions[0].id, v.questions[1].id);
    let other = Library::open(&path).unwrap();
    let first_on_disk = |l: &Library| {
        draft::load(l.shared_connection(), v.id)
            .unwrap()
            .content
            .questions[0]
            .id
    };
    let mut seen = None;
    change_showing(
        &mut lib,
        v.id,
        Change::Edit(DraftOp::Reorder {
            question: first,
            to: 1,
        }),
        |shown| {
            assert_eq!(first_on_disk(&other), first, "not committed yet");
            seen = Some(shown);
        },
    )
    .unwrap();
    let seen = seen.unwrap();
    assert_eq!(seen.questions[0].id, second);
    assert_eq!(first_on_disk(&other), second, "committed");
    let stored = view(&mut lib, v.id).unwrap();
    assert_eq!(
        serde_json::to_value(&seen).unwrap(),
        serde_json::to_value(&stored).unwrap()
    );
    // Undo and redo go the same way.
    let undone = change(&mut lib, v.id, Change::Undo).unwrap();
    assert_eq!(undone.questions[0].id, first);
    assert!(undone.can_redo);
    let redone = change(&mut lib, v.id, Change::Redo).unwrap();
    assert_eq!(redone.questions[0].id, second);
    // An edit that fails is not shown, and nothing is written.
    let mut called = false;
    let err = change_showing(
        &mut lib,
        v.id,
        Change::Edit(DraftOp::Delete { question: 999_999 }),
        |_| called = true,
    )
    .unwrap_err();
    assert!(!called, "{err}");
    assert!(
        change(&mut lib, v.id, Change::Redo).is_err(),
        "nothing to redo"
    );
    assert_eq!(
        serde_json::to_value(view(&mut lib, v.id).unwrap()).unwrap(),
        serde_json::to_value(&redone).unwrap()
    );
}

/// A commit that fails after the change was shown is an error, and the
/// library keeps the draft as it was.
#[test]
fn a_change_whose_commit_fails_is_an_error_and_not_stored() {
    let mut lib = seeded();
    let v = tjk_draft(&mut lib);
    let first = v.questions[0].id;
    // A foreign key checked only at COMMIT: every edit's commit fails.
    lib.connection()
            .execute_batch(
                "CREATE TABLE broken_link (draft_id INTEGER REFERENCES drafts(id) DEFERRABLE INITIALLY DEFERRED);
                 CREATE TRIGGER broken AFTER UPDATE ON drafts BEGIN
                   INSERT INTO broken_link VALUES (-1);
                 END;",
            )
            .unwrap();
    let mut called = false;
    let err = change_showing(
        &mut lib,
        v.id,
        Change::Edit(DraftOp::Reorder {
            question: first,
            to: 1,
        }),
        |shown| called = shown.questions[0].id != first,
    )
    .unwrap_err();
    assert!(called, "the change was shown before its commit");
    assert!(err.to_string().contains("FOREIGN KEY"), "{err}");
    lib.connection()
        .execute_batch("DROP TRIGGER broken; DROP TABLE broken_link;")
        .unwrap();
    assert_eq!(view(&mut lib, v.id).unwrap().questions[0].id, first);
}

#[test]
fn footnotes_are_edited_as_written() {
    let mut lib = seeded();
    let v = tjk_draft(&mut lib);
    let (q1, q2) = (v.questions[0].id, v.questions[1].id);
    assert_eq!(v.questions[1].notes[0].written, "CMW/C/TJK/CO/2, para. 13.");
    // A citation in the standard form keeps only its citations: "Ibid." is decided at reading.
    let v = apply(
        &mut lib,
        v.id,
        DraftOp::SetNoteTexts {
            question: q2,
            notes: vec!["CMW/C/TJK/CO/2, paras. 14 and 15".into()],
        },
    )
    .unwrap();
    assert_eq!(v.footnotes[1].text, "Ibid., paras. 14 and 15.");
    assert_eq!(v.questions[1].notes[0].cites.len(), 2);
    assert_eq!(
        v.questions[1].notes[0].written,
        "CMW/C/TJK/CO/2, paras. 14 and 15."
    );
    // "Ibid." typed by the rapporteur refers to the note before; a second note is added.
    let v = apply(
        &mut lib,
        v.id,
        DraftOp::SetNoteTexts {
            question: q2,
            notes: vec![
                "Ibid., para. 16.".into(),
                "See also A/RES/68/268, para. 15.".into(),
            ],
        },
    )
    .unwrap();
    let q = &v.questions[1];
    assert_eq!(q.notes.len(), 2);
    assert_eq!(q.notes[0].cites[0].symbol, "CMW/C/TJK/CO/2");
    assert_eq!(q.notes[0].cites[0].paragraph.as_deref(), Some("16"));
    assert_eq!(q.notes[1].written, "See also A/RES/68/268, para. 15.");
    assert_eq!(v.footnotes[2].text, "See also A/RES/68/268, para. 15.");
    // Removing the first note removes its own marker, not the last one.
    let second_offset = q.notes[1].offset;
    let v = apply(
        &mut lib,
        v.id,
        DraftOp::RemoveNote {
            question: q2,
            index: 0,
        },
    )
    .unwrap();
    assert_eq!(v.questions[1].notes.len(), 1);
    assert_eq!(v.questions[1].notes[0].offset, second_offset);
    assert_eq!(
        v.questions[1].notes[0].written,
        "See also A/RES/68/268, para. 15."
    );
    assert!(apply(
        &mut lib,
        v.id,
        DraftOp::RemoveNote {
            question: q1,
            index: 5
        }
    )
    .is_err());
    assert!(v.can_undo);
}

#[test]
fn a_question_moves_to_a_section_the_draft_did_not_have() {
    let mut lib = seeded();
    let v = tjk_draft(&mut lib);
    let target = v
        .section_choices
        .iter()
        .find(|c| !c.used && c.path.last().is_some_and(|h| h == "Articles 32 and 33"))
        .expect("a committee section the draft has no question in")
        .path
        .clone();
    let last = v.questions.last().unwrap().id;
    let v = apply(
        &mut lib,
        v.id,
        DraftOp::Move {
            question: last,
            section: Some(target.clone()),
            index: 0,
        },
    )
    .unwrap();
    let q = v.questions.iter().find(|q| q.id == last).unwrap();
    assert_eq!(q.section_path, target);
    // Printed among Part III's questions, after articles 23 and before Part IV.
    let before = &v.questions[(q.number - 2) as usize];
    let after = &v.questions[q.number as usize];
    assert_eq!(before.section_path.last().unwrap(), "Article 23");
    assert!(after.section[1].ends_with("Part IV of the Convention"));
    assert!(q.section[1].starts_with("C. "), "{:?}", q.section);
    // Moving every question out of a section re-letters the ones after it.
    let principles: Vec<u64> = v
        .questions
        .iter()
        .filter(|q| {
            q.section_path
                .get(1)
                .is_some_and(|h| h == "General principles")
        })
        .map(|q| q.id)
        .collect();
    assert!(!principles.is_empty());
    let mut v = v;
    for id in principles {
        v = apply(
            &mut lib,
            v.id,
            DraftOp::Move {
                question: id,
                section: Some(vec!["General information".into()]),
                index: 0,
            },
        )
        .unwrap();
    }
    let q = v.questions.iter().find(|q| q.id == last).unwrap();
    assert!(q.section[1].starts_with("B. "), "{:?}", q.section);
    // Added by hand in a section of its own.
    let closing = v.section_choices.last().unwrap().path.clone();
    let v = apply(
        &mut lib,
        v.id,
        DraftOp::AddQuestion {
            section: Some(closing.clone()),
            after: None,
            text: "Please provide updated statistical data.".into(),
        },
    )
    .unwrap();
    let added = v.questions.last().unwrap();
    assert_eq!(added.section_path, closing);
    assert!(added.section[0].starts_with("III. "), "{:?}", added.section);
}

#[test]
fn drafts_saved_with_labelled_sections_read_the_same() {
    let mut lib = seeded();
    let v = tjk_draft(&mut lib);
    let mut d = draft::load(lib.connection(), v.id).unwrap();
    let labelled = d.to_issue_list();
    for (q, l) in d.content.questions.iter_mut().zip(&labelled.questions) {
        q.section = l.section.clone();
    }
    d.content.sections =
        labelled
            .questions
            .iter()
            .map(|q| q.section.clone())
            .fold(Vec::new(), |mut acc, s| {
                if !acc.contains(&s) {
                    acc.push(s);
                }
                acc
            });
    assert!(d.content.sections[0][0].starts_with("I. "));
    draft::save(lib.connection(), v.id, &d.content).unwrap();
    let again = view(&mut lib, v.id).unwrap();
    assert_eq!(again.sections, v.sections);
    assert_eq!(
        again
            .questions
            .iter()
            .map(|q| &q.section)
            .collect::<Vec<_>>(),
        v.questions.iter().map(|q| &q.section).collect::<Vec<_>>()
    );
}

#[test]
fn the_question_for_one_paragraph() {
    let lib = seeded();
    let q = question(
        &lib,
        "CMW/C/TJK/CO/2",
        "49 (a) and (d)",
        CitationStyle::Footnote,
    )
    .unwrap();
    assert!(q.text.starts_with("In the light of the recommendation made by the Committee in its previous concluding observations,[1] please provide information on the efforts made to adopt a regulatory regime"), "{}", q.text);
    assert_eq!(q.footnotes[0].text, "CMW/C/TJK/CO/2, para. 49 (a) and (d).");
    assert_eq!(q.cites.len(), 2);
    let q = question(&lib, "CMW/C/TJK/CO/2", "12", CitationStyle::Inline).unwrap();
    assert!(q.text.contains("(see CMW/C/TJK/CO/2, para. 12), please clarify whether the bill on labour migration has been adopted."), "{}", q.text);
    assert!(q.footnotes.is_empty());
    assert!(question(&lib, "CMW/C/TJK/CO/2", "11", CitationStyle::Footnote).is_err());
}
