use super::*;

#[test]
fn takes_footnotes_out_and_joins_a_paragraph_split_by_them() {
    let text = "10. The Committee recommends that the State party develop a framework for the safe and rapid repatriation of\n\n⁵ [CMW/C/KGZ/CO/1](#), para. 9.\n\n⁶ Ibid., para. 11.\n\nKyrgyz migrant workers when necessary.\n\nLegislation\n\n11. The Committee notes.";
    let c = clean(text);
    assert_eq!(c.blocks.len(), 3, "{:#?}", c.blocks);
    assert!(c.blocks[0]
        .text
        .contains("repatriation of Kyrgyz migrant workers"));
    assert_eq!(c.footnotes.len(), 2);
    assert_eq!(c.footnotes[1].cites[0].symbol, "CMW/C/KGZ/CO/1");
    assert_eq!(c.footnotes[1].cites[0].paragraph.as_deref(), Some("11"));
}

#[test]
fn removes_markers_and_remembers_where_they_stood() {
    let text = "12. Reiterating its previous recommendations,⁵ the Committee recommends.\n\n⁵ CMW/C/KGZ/CO/1, para. 9.";
    let c = clean(text);
    assert_eq!(
        c.blocks[0].text,
        "12. Reiterating its previous recommendations, the Committee recommends."
    );
    assert_eq!(c.blocks[0].footnote_refs[0].number, "5");
    let off = c.blocks[0].footnote_refs[0].offset;
    assert_eq!(&c.blocks[0].text[off - 1..off], ",");
}

#[test]
fn reads_word_style_notes_and_markers() {
    let text = "1.\tConsidering the recommendation,[footnoteRef:2] please clarify. [2: \t\tCMW/C/TJK/CO/2, para. 12.]\n2.\tNext [footnoteRef:3]question. [3: Ibid., para. 13.]";
    let c = clean(text);
    assert_eq!(c.blocks.len(), 2);
    assert_eq!(
        c.blocks[0].text,
        "1. Considering the recommendation, please clarify."
    );
    assert_eq!(c.footnotes[0].cites[0].paragraph.as_deref(), Some("12"));
    assert_eq!(c.footnotes[1].cites[0].symbol, "CMW/C/TJK/CO/2");
    assert_eq!(c.blocks[1].text, "2. Next question.");
}

#[test]
fn drops_running_headers_and_reads_plain_digit_notes() {
    let text = "CMW/C/MEX/CO/3\n\n14. Recalling its previous recommendations,7 the Committee recommends that the State party strengthen the\n\n7 CMW/C/MEX/CO/2, para. 20.\n\nGE.24-01234\n\n\u{c}2/12\n\nmonitoring of recruitment agencies.\n\n15. Next.";
    let c = clean(text);
    assert_eq!(c.blocks.len(), 2, "{:#?}", c.blocks);
    assert!(c.blocks[0]
        .text
        .ends_with("strengthen the monitoring of recruitment agencies."));
    assert_eq!(c.blocks[0].footnote_refs[0].number, "7");
    assert_eq!(c.footnotes[0].cites[0].symbol, "CMW/C/MEX/CO/2");
}

#[test]
fn strips_markdown() {
    let c = clean("### Concluding observations of Tajikistan\\*\\*\n\n**15. The Committee recommends that the State party adopt a policy.**\n\n\\*\\* Adopted by the Committee at its thirtieth session.");
    assert_eq!(c.blocks[0].heading_level, Some(3));
    assert!(c.blocks[1].bold);
    assert_eq!(
        c.blocks[1].text,
        "15. The Committee recommends that the State party adopt a policy."
    );
    assert_eq!(c.footnotes[0].number, "**");
    assert!(!c.blocks.iter().any(|b| b.text.contains("**")));
}

#[test]
fn keeps_decimals_and_symbols_intact() {
    let c = clean(
        "In line with target 17.18 of the Goals and COVID-19, see CMW/C/KGZ/CO/1 and (No. 29).",
    );
    assert_eq!(
        c.blocks[0].text,
        "In line with target 17.18 of the Goals and COVID-19, see CMW/C/KGZ/CO/1 and (No. 29)."
    );
}

#[test]
fn words_and_numbers_broken_after_a_hyphen_are_joined() {
    // Lines as wide as the page's (the page wrapped them), as a PDF gives them.
    let text = [
        "54. The Committee recommends that the State party include indigenous persons in the post-",
        "2015 development policies, with a community and rural focus, and in the national health-",
        "care system established by the national development strategy for the period 2016-",
        "2030, and that it consult them on every measure taken to that end in the years to come.",
        "",
    ]
    .join("\n");
    let c = clean(&text);
    assert_eq!(
        c.blocks[0].text,
        "54. The Committee recommends that the State party include indigenous persons in the post-2015 development policies, with a community and rural focus, and in the national health-care system established by the national development strategy for the period 2016-2030, and that it consult them on every measure taken to that end in the years to come."
    );
}

#[test]
fn printable_text_is_one_line_without_control_characters() {
    assert_eq!(
        printable("  Bad\u{1b}[2J\u{1b}]0;title\u{7}\r\n  name\t\u{0}x\u{7f}\u{9b}31m \u{202e}gpj.exe\u{85}end \n"),
        "Bad?[2J?]0;title? name ?x??31m ?gpj.exe end"
    );
    assert_eq!(
        printable("plain — ünïcode 12. ok"),
        "plain — ünïcode 12. ok"
    );
    assert_eq!(printable("\r\n\t"), "");
    for c in printable("a\u{1b}\u{8}\u{c}\u{b}\u{2028}b").chars() {
        assert!(!c.is_control() && c != '\u{2028}', "{c:?}");
    }
}

/// Markdown footnotes and escapes, and the text export's bracketed notes, read
/// as the notes and markers they are.
#[test]
fn reads_markdown_and_bracketed_notes() {
    let c = clean("1\\. Considering its recommendation,[^1] please \\[explain\\].[^2]\n\n[^1]: CMW/C/TJK/CO/2, para. 12.\n[^2]: Ibid., para. 13 \\(a\\).\n");
    assert_eq!(c.blocks.len(), 1, "{:#?}", c.blocks);
    assert_eq!(
        c.blocks[0].text,
        "1. Considering its recommendation, please [explain]."
    );
    let refs: Vec<_> = c.blocks[0]
        .footnote_refs
        .iter()
        .map(|r| r.number.as_str())
        .collect();
    assert_eq!(refs, ["1", "2"]);
    assert_eq!(c.footnotes[1].cites[0].symbol, "CMW/C/TJK/CO/2");
    assert_eq!(c.footnotes[1].text, "Ibid., para. 13 (a).");
    let c = clean(
        "1.\tPlease explain,[1] and [2020] data.\r\n\r\nNotes\r\n[1] CMW/C/TJK/CO/2, para. 12.\r\n",
    );
    assert_eq!(c.blocks[0].text, "1. Please explain, and [2020] data.");
    assert_eq!(c.footnotes.len(), 1);
    assert_eq!(c.footnotes[0].cites[0].paragraph.as_deref(), Some("12"));
}

/// Block assembly asked whether a block ends a sentence or reads as a heading
/// by reading the whole block, each time a line joined it: quadratic in the
/// lines of a long block. The answers now come from each block's tail.
#[test]
fn the_tail_of_a_block_answers_as_its_whole_text_would() {
    fn whole(s: &str) -> (bool, bool, bool) {
        let t = s.trim_end().trim_end_matches(is_closing);
        let t = MARKER_RE.replace_all(t, "");
        let ends = matches!(
            t.trim_end().chars().last(),
            Some('.' | ':' | ';' | '?' | '!')
        );
        let len = s.trim().chars().count();
        let heading = |bold: bool| {
            (len < 160 && !ends && !s.trim().ends_with(','))
                || (bold && len < 160 && !s.trim().ends_with(';'))
        };
        (ends, heading(false), heading(true))
    }
    let pieces = [
        "Text",
        "ends.",
        ")",
        "¹²",
        "[footnoteRef:3]",
        "”",
        "x.)",
        "a,",
        "b;",
        "*",
        "q?¹",
        "(a) item",
        ".[footnoteRef:2])",
        "x ¹",
        "word:",
        "** ¹ ⁵",
    ];
    for a in pieces {
        for b in pieces {
            for c in pieces {
                let text = format!("{a} {b} {c}");
                let tail = Tail::of(a).join(Tail::of(b)).join(Tail::of(c));
                let joined = Tail::of(a).join(Tail::of(b).join(Tail::of(c)));
                let want = whole(&text);
                for t in [tail, joined] {
                    assert_eq!(
                        (
                            t.ends_sentence(),
                            t.heading_like(false),
                            t.heading_like(true)
                        ),
                        want,
                        "{text}"
                    );
                }
            }
        }
    }
}

/// Times `parse_text` on `n` and on `4 n` lines: a parse linear in its input
/// takes about four times as long; the old quadratic ones took sixteen.
fn growth(line: impl Fn(usize) -> String, n: usize) -> (f64, std::time::Duration) {
    let text = |n: usize| (0..n).map(&line).collect::<String>();
    let (small, large) = (text(n), text(4 * n));
    let time = |t: &str| {
        // The best of two runs, against a loaded machine.
        (0..2)
            .map(|_| {
                let start = std::time::Instant::now();
                let _ = crate::parse::parse_text(t);
                start.elapsed()
            })
            .min()
            .unwrap_or_default()
    };
    let (a, b) = (time(&small), time(&large));
    (b.as_secs_f64() / a.as_secs_f64().max(1e-6), b)
}

#[test]
fn parsing_is_linear_in_the_input() {
    // Before, in a debug build: 200,000 numbered lines took 106 s (×14.5 for 4×
    // the lines); now 3 s (×3.9). Smaller here, to keep the
    // tests quick.
    type Line = fn(usize) -> String;
    let cases: [(&str, Line, usize); 5] = [
        (
            "numbered lines",
            |i| format!("{}. Some text.\n", i + 1),
            25_000,
        ),
        (
            "joined citations",
            |_| "(CMW/C/KGZ/CO/1, para. 9)\n".to_string(),
            10_000,
        ),
        (
            "ibid notes",
            |i| format!("{} Ibid., para. {i}.\n", i % 999 + 1),
            10_000,
        ),
        (
            "word notes",
            |i| format!("[{}: Ibid., para. {i}.]\n", i % 9999 + 1),
            10_000,
        ),
        (
            "superscript markers",
            |i| format!("text¹²³ and more,{} words\n", i % 99),
            5_000,
        ),
    ];
    for (name, line, n) in cases {
        let (ratio, large) = growth(line, n);
        eprintln!("{name}: {n} → {} lines: ×{ratio:.1}, {large:?}", 4 * n);
        assert!(
            ratio < 9.0,
            "{name}: 4× the lines took {ratio:.1}× the time"
        );
        assert!(large.as_secs() < 30, "{name}: {large:?}");
    }
}

/// PDF furniture as pdf-extract prints it: a double-starred note (not markdown
/// bold), the masthead after the first page, a note continued on its next line,
/// a sub-paragraph going on over the page.
#[test]
fn reads_pdf_extract_furniture() {
    let wide = "word ".repeat(18);
    let mut text = String::new();
    for i in 1..=12 {
        text.push_str(&format!(
            "{i}.  The Committee notes {wide}\nand {wide}\nthe end.\n\n"
        ));
    }
    text.push_str(&format!("13.  The Committee recommends:\n\n  (a)  Adopt {wide}\n{wide}\n\n   \n\n  **  Adopted by the Committee at its thirtieth session.\n  1  See https://www.ohchr.org/en/\ndocuments/report.pdf.\n\n  United Nations  CMW/C/MEX/CO/3\n\nInternational Convention on the Protection\nof the Rights of All Migrant Workers\n\n Distr.: General\n4 March 2024\n\nOriginal: Spanish\nEnglish\nChinese, English, Russian and\nSpanish only\n\nCMW/C/MEX/CO/3\n\n2  GE.24-01234\n\nAdministrative Justice {wide}\nends here;\n\n  (b)  Next.\n"));
    let c = clean(&text);
    let last = c.blocks.last().map(|b| b.text.as_str()).unwrap_or("");
    assert_eq!(last, "(b) Next.");
    let a = &c.blocks[c.blocks.len() - 2].text;
    assert!(
        a.starts_with("(a) Adopt")
            && a.contains("word Administrative Justice word")
            && a.ends_with("ends here;"),
        "{a}"
    );
    assert_eq!(c.footnotes.len(), 2, "{:#?}", c.footnotes);
    assert_eq!(c.footnotes[0].number, "**");
    assert_eq!(
        c.footnotes[1].text,
        "See https://www.ohchr.org/en/documents/report.pdf."
    );
    assert!(!c.blocks.iter().any(|b| b.text.contains("Distr")
        || b.text == "English"
        || b.text.contains("Russian")
        || b.text.starts_with("of the Rights")));
}

/// Plain paragraphs keep the numbers of the document's sequence: a numbered
/// heading and a quoted law's article stay text.
#[test]
fn plain_paragraphs_follow_the_numbering() {
    let text = "1. First paragraph.\n\n2. Second paragraph.\n\n1. Awareness-raising\n\n3. Third paragraph, quoting the law:\n\n50. (1) A person with disability is entitled to health.\n\n4. Fourth paragraph.\n\n.5   Fifth paragraph, as a PDF reader printed its number.";
    let numbers: Vec<Option<String>> = plain_paragraphs(text)
        .into_iter()
        .map(|p| p.number)
        .collect();
    let want: Vec<Option<String>> = [
        Some("1"),
        Some("2"),
        None,
        Some("3"),
        None,
        Some("4"),
        Some("5"),
    ]
    .iter()
    .map(|n| n.map(String::from))
    .collect();
    assert_eq!(numbers, want);
}

#[test]
fn never_panics_on_odd_input() {
    for t in [
        "",
        "\u{c}",
        "¹",
        "[footnoteRef:",
        "[1: ",
        "**",
        "\\*",
        "1.",
        "(a)",
        "é¹²³ ⁴",
        "\t\t\t",
        "#",
    ] {
        let _ = clean(t);
        let _ = plain_paragraphs(t);
    }
}
