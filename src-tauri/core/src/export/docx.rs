//! Word output written by hand (`zip` + escaped XML): a list with real footnotes
//! and named styles, and a comparison with tracked changes (`w:ins`/`w:del`).

use std::io::{Cursor, Write};

use zip::write::SimpleFileOptions;

use super::{
    headings_before, note_numbers, title_block_lines, untitled, with_markers, ExportOptions,
    TitleLine,
};
use crate::diff::ListDiff;
use crate::error::{Error, Result};
use crate::model::IssueList;

const W_NS: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships""#;

fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            // Characters XML 1.0 forbids (a document holding one will not open).
            c if !super::xml_char(c) => {}
            _ => out.push(c),
        }
    }
    out
}

/// A run of text; tabs become `w:tab`, line breaks `w:br`.
fn run(text: &str, rpr: &str) -> String {
    let mut out = String::new();
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            out.push_str(&format!("<w:r>{rpr}<w:br/></w:r>"));
        }
        for (j, part) in line.split('\t').enumerate() {
            if j > 0 {
                out.push_str(&format!("<w:r>{rpr}<w:tab/></w:r>"));
            }
            if !part.is_empty() {
                out.push_str(&format!(
                    "<w:r>{rpr}<w:t xml:space=\"preserve\">{}</w:t></w:r>",
                    esc(part)
                ));
            }
        }
    }
    out
}

fn paragraph(style: &str, runs: &str) -> String {
    format!("<w:p><w:pPr><w:pStyle w:val=\"{style}\"/></w:pPr>{runs}</w:p>")
}

fn note_reference(id: u32) -> String {
    format!("<w:r><w:rPr><w:rStyle w:val=\"FootnoteReference\"/></w:rPr><w:footnoteReference w:id=\"{id}\"/></w:r>")
}

const STYLES: &str = r#"<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="Times New Roman" w:cs="Times New Roman"/><w:sz w:val="20"/><w:szCs w:val="20"/><w:lang w:val="en-GB"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="120" w:line="240" w:lineRule="atLeast"/></w:pPr></w:pPrDefault></w:docDefaults>
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>
<w:style w:type="paragraph" w:styleId="LOISymbol"><w:name w:val="LOI Symbol"/><w:basedOn w:val="Normal"/><w:pPr><w:jc w:val="right"/><w:spacing w:after="0"/></w:pPr><w:rPr><w:sz w:val="24"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="LOIMeta"><w:name w:val="LOI Distribution"/><w:basedOn w:val="Normal"/><w:pPr><w:jc w:val="right"/><w:spacing w:after="0"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="LOICommittee"><w:name w:val="LOI Committee"/><w:basedOn w:val="Normal"/><w:pPr><w:spacing w:before="240" w:after="240"/></w:pPr><w:rPr><w:b/><w:sz w:val="24"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="LOITitle"><w:name w:val="LOI Title"/><w:basedOn w:val="Normal"/><w:pPr><w:keepNext/><w:spacing w:before="240" w:after="240"/><w:ind w:left="1134" w:right="1134"/></w:pPr><w:rPr><w:b/><w:sz w:val="28"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="LOIBody"><w:name w:val="LOI Body"/><w:basedOn w:val="Normal"/><w:pPr><w:ind w:left="1134" w:right="1134"/><w:jc w:val="both"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="LOIHeading1"><w:name w:val="LOI Heading 1"/><w:basedOn w:val="Normal"/><w:pPr><w:keepNext/><w:spacing w:before="360" w:after="240"/><w:ind w:left="1134" w:right="1134" w:hanging="567"/></w:pPr><w:rPr><w:b/><w:sz w:val="28"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="LOIHeading2"><w:name w:val="LOI Heading 2"/><w:basedOn w:val="Normal"/><w:pPr><w:keepNext/><w:spacing w:before="240" w:after="120"/><w:ind w:left="1134" w:right="1134" w:hanging="567"/></w:pPr><w:rPr><w:b/><w:sz w:val="24"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="LOIHeading3"><w:name w:val="LOI Heading 3"/><w:basedOn w:val="Normal"/><w:pPr><w:keepNext/><w:spacing w:before="240" w:after="120"/><w:ind w:left="1134" w:right="1134"/></w:pPr><w:rPr><w:b/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="LOIQuestion"><w:name w:val="LOI Question"/><w:basedOn w:val="Normal"/><w:pPr><w:tabs><w:tab w:val="left" w:pos="1701"/></w:tabs><w:ind w:left="1134" w:right="1134"/><w:jc w:val="both"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="LOISubitem"><w:name w:val="LOI Subitem"/><w:basedOn w:val="Normal"/><w:pPr><w:tabs><w:tab w:val="left" w:pos="2268"/></w:tabs><w:ind w:left="2268" w:right="1134" w:hanging="567"/><w:jc w:val="both"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="FootnoteText"><w:name w:val="footnote text"/><w:basedOn w:val="Normal"/><w:pPr><w:spacing w:after="0"/><w:ind w:left="1134" w:right="1134" w:hanging="1134"/></w:pPr><w:rPr><w:sz w:val="18"/></w:rPr></w:style>
<w:style w:type="character" w:styleId="FootnoteReference"><w:name w:val="footnote reference"/><w:rPr><w:vertAlign w:val="superscript"/></w:rPr></w:style>"#;

/// `docProps/custom.xml`: the draft and version the file was sent from.
fn custom_properties(p: &super::Provenance) -> String {
    let citations = match p.citations {
        crate::model::CitationStyle::Footnote => "footnote",
        crate::model::CitationStyle::Inline => "inline",
        crate::model::CitationStyle::Bare => "bare",
    };
    let mut props = String::new();
    for (pid, (name, value)) in [
        (super::DRAFT_PROPERTY, p.draft_uid.as_str()),
        (super::VERSION_PROPERTY, p.version_uid.as_str()),
        (super::CITATIONS_PROPERTY, citations),
    ]
    .into_iter()
    .enumerate()
    {
        props.push_str(&format!(
            r#"<property fmtid="{{D5CDD505-2E9C-101B-9397-08002B2CF9AE}}" pid="{}" name="{}"><vt:lpwstr>{}</vt:lpwstr></property>"#,
            pid + 2,
            esc(name),
            esc(value)
        ));
    }
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">{props}</Properties>"#
    )
}

/// `word/comments.xml` for the comments printed with the questions.
fn comments_part(comments: &[(u32, &super::ExportComment)]) -> String {
    let mut out =
        format!(r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:comments {W_NS}>"#);
    for (id, c) in comments {
        let date = c
            .date
            .as_deref()
            .map(|d| format!(" w:date=\"{}\"", esc(d)))
            .unwrap_or_default();
        out.push_str(&format!(
            "<w:comment w:id=\"{id}\" w:author=\"{}\"{date}><w:p>{}</w:p></w:comment>",
            esc(&c.author),
            run(&c.text, "")
        ));
    }
    out.push_str("</w:comments>");
    out
}

fn package(
    document_body: &str,
    footnotes: &[(u32, String)],
    title: &str,
    provenance: Option<&super::Provenance>,
    comments: &[(u32, &super::ExportComment)],
) -> Result<Vec<u8>> {
    let document = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document {W_NS}><w:body>{document_body}<w:sectPr><w:footnotePr><w:numFmt w:val="decimal"/></w:footnotePr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1701" w:right="1134" w:bottom="2268" w:left="1134" w:header="1134" w:footer="1701" w:gutter="0"/></w:sectPr></w:body></w:document>"#
    );
    let mut notes = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:footnotes {W_NS}><w:footnote w:type="separator" w:id="-1"><w:p><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr><w:r><w:separator/></w:r></w:p></w:footnote><w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>"#
    );
    for (id, text) in footnotes {
        notes.push_str(&format!(
            "<w:footnote w:id=\"{id}\"><w:p><w:pPr><w:pStyle w:val=\"FootnoteText\"/></w:pPr><w:r><w:rPr><w:rStyle w:val=\"FootnoteReference\"/></w:rPr><w:footnoteRef/></w:r><w:r><w:tab/></w:r><w:r><w:t xml:space=\"preserve\">{}</w:t></w:r></w:p></w:footnote>",
            esc(text)
        ));
    }
    notes.push_str("</w:footnotes>");
    let styles = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles {W_NS}>{STYLES}</w:styles>"#
    );
    let settings = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:settings {W_NS}><w:defaultTabStop w:val="567"/><w:footnotePr><w:footnote w:id="-1"/><w:footnote w:id="0"/></w:footnotePr><w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat></w:settings>"#
    );
    let custom_type = if provenance.is_some() {
        r#"<Override PartName="/docProps/custom.xml" ContentType="application/vnd.openxmlformats-officedocument.custom-properties+xml"/>"#
    } else {
        ""
    };
    let custom_rel = if provenance.is_some() {
        r#"<Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties" Target="docProps/custom.xml"/>"#
    } else {
        ""
    };
    let comments_type = if comments.is_empty() {
        ""
    } else {
        r#"<Override PartName="/word/comments.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"/>"#
    };
    let comments_rel = if comments.is_empty() {
        ""
    } else {
        r#"<Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="comments.xml"/>"#
    };
    let content_types = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/><Override PartName="/word/footnotes.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/><Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>{custom_type}{comments_type}</Types>"#
    );
    let rels = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>{custom_rel}</Relationships>"#
    );
    let doc_rels = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes" Target="footnotes.xml"/>{comments_rel}</Relationships>"#
    );
    let core = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>{}</dc:title><dc:creator>LOI Drafter</dc:creator></cp:coreProperties>"#,
        esc(title)
    );
    let app = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>LOI Drafter</Application></Properties>"#;
    let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let opts = SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    let mut parts = vec![
        ("[Content_Types].xml", content_types),
        ("_rels/.rels", rels),
        ("docProps/core.xml", core),
        ("docProps/app.xml", app.to_string()),
        ("word/_rels/document.xml.rels", doc_rels),
        ("word/document.xml", document),
        ("word/styles.xml", styles),
        ("word/settings.xml", settings),
        ("word/footnotes.xml", notes),
    ];
    if let Some(p) = provenance {
        parts.push(("docProps/custom.xml", custom_properties(p)));
    }
    if !comments.is_empty() {
        parts.push(("word/comments.xml", comments_part(comments)));
    }
    for (name, body) in parts {
        w.start_file(name, opts)
            .map_err(|e| Error::Export(format!("writing the Word file: {e}")))?;
        w.write_all(body.as_bytes())
            .map_err(|e| Error::Export(format!("writing the Word file: {e}")))?;
    }
    Ok(w.finish()
        .map_err(|e| Error::Export(format!("writing the Word file: {e}")))?
        .into_inner())
}

fn heading_style(level: usize) -> &'static str {
    match level {
        0 => "LOIHeading1",
        1 => "LOIHeading2",
        _ => "LOIHeading3",
    }
}

/// Splits "I. General information" into "I.\tGeneral information" for a hanging heading.
fn heading_text(h: &str) -> String {
    match h.split_once(". ") {
        Some((label, rest))
            if label.len() <= 4 && label.chars().all(|c| c.is_ascii_uppercase()) =>
        {
            format!("{label}.\t{rest}")
        }
        _ => h.to_string(),
    }
}

fn title_paragraphs(list: &IssueList, opts: &ExportOptions) -> String {
    let mut body = String::new();
    for (kind, line) in title_block_lines(list, opts) {
        let style = match kind {
            TitleLine::Symbol => "LOISymbol",
            TitleLine::Meta => "LOIMeta",
            TitleLine::Committee => "LOICommittee",
            TitleLine::Title => "LOITitle",
        };
        body.push_str(&paragraph(style, &run(&line, "")));
    }
    body
}

/// The list as a Word document: title block, opening paragraph, headings,
/// questions numbered as text, sub-items, real footnotes ("Ibid." where it belongs).
pub fn to_docx(list: &IssueList, opts: &ExportOptions) -> Result<Vec<u8>> {
    let mut body = title_paragraphs(list, opts);
    for p in &list.intro {
        body.push_str(&paragraph("LOIBody", &run(p, "")));
    }
    let notes = note_numbers(list);
    let headings = headings_before(list);
    let mut comments: Vec<(u32, &super::ExportComment)> = Vec::new();
    for (i, q) in list.questions.iter().enumerate() {
        for (level, h) in &headings[i] {
            body.push_str(&paragraph(
                heading_style(*level),
                &run(&heading_text(h), ""),
            ));
        }
        let mine: Vec<u32> = opts
            .comments
            .get(i)
            .into_iter()
            .flatten()
            .map(|c| {
                let id = comments.len() as u32;
                comments.push((id, c));
                id
            })
            .collect();
        let mut runs: String = mine
            .iter()
            .map(|id| format!("<w:commentRangeStart w:id=\"{id}\"/>"))
            .collect();
        runs.push_str(&run(&format!("{}.\t", q.number), ""));
        runs.push_str(&with_markers(
            &q.text,
            &notes[i],
            |t| run(t, ""),
            note_reference,
        ));
        for id in &mine {
            runs.push_str(&format!(
                "<w:commentRangeEnd w:id=\"{id}\"/><w:r><w:commentReference w:id=\"{id}\"/></w:r>"
            ));
        }
        body.push_str(&paragraph("LOIQuestion", &runs));
        for s in &q.subitems {
            body.push_str(&paragraph(
                "LOISubitem",
                &run(&format!("({})\t{}", s.label, s.text), ""),
            ));
        }
    }
    package(
        &body,
        &list.footnotes(),
        &list.title.clone().unwrap_or_else(|| untitled(list)),
        opts.provenance.as_ref(),
        &comments,
    )
}

/// The new list with the differences from the old one as Word tracked changes:
/// insertions `w:ins`, deletions `w:del` (with author and date), added questions
/// inserted whole, removed questions deleted whole. The new list's footnotes are
/// real footnotes at their markers (inside the insertion when the marker's words
/// are new).
pub fn diff_to_docx(d: &ListDiff, new: &IssueList, opts: &ExportOptions) -> Result<Vec<u8>> {
    let date = opts.date().format("%Y-%m-%dT00:00:00Z").to_string();
    let author = esc(&opts.author);
    let mut id = 1u32;
    let mut next_id = || {
        id += 1;
        id
    };
    let mut body = title_paragraphs(new, opts);
    for p in &new.intro {
        body.push_str(&paragraph("LOIBody", &run(p, "")));
    }
    let new_headings = headings_before(new);
    let new_notes = note_numbers(new);
    let position = |n: u32| new.questions.iter().position(|q| q.number == n);
    for item in &d.items {
        if let Some(i) = item.new.as_ref().and_then(|s| position(s.number)) {
            for (level, h) in &new_headings[i] {
                body.push_str(&paragraph(
                    heading_style(*level),
                    &run(&heading_text(h), ""),
                ));
            }
        }
        let number = item
            .new
            .as_ref()
            .or(item.old.as_ref())
            .map(|s| s.number)
            .unwrap_or(0);
        let ins = |id: u32, inner: &str| {
            format!("<w:ins w:id=\"{id}\" w:author=\"{author}\" w:date=\"{date}\">{inner}</w:ins>")
        };
        let del = |id: u32, text: &str| {
            let runs = run(text, "")
                .replace(
                    "<w:t xml:space=\"preserve\">",
                    "<w:delText xml:space=\"preserve\">",
                )
                .replace("</w:t>", "</w:delText>");
            format!("<w:del w:id=\"{id}\" w:author=\"{author}\" w:date=\"{date}\">{runs}</w:del>")
        };
        let (ppr_mark, mut runs) = match item.op.as_str() {
            "added" => (
                format!(
                    "<w:rPr><w:ins w:id=\"{}\" w:author=\"{author}\" w:date=\"{date}\"/></w:rPr>",
                    next_id()
                ),
                ins(next_id(), &run(&format!("{number}.\t"), "")),
            ),
            "removed" => (
                format!(
                    "<w:rPr><w:del w:id=\"{}\" w:author=\"{author}\" w:date=\"{date}\"/></w:rPr>",
                    next_id()
                ),
                del(next_id(), &format!("{number}.\t")),
            ),
            _ => (String::new(), run(&format!("{number}.\t"), "")),
        };
        // The new question's footnote markers, by byte offset in its text; used only
        // when the diff's new side begins with that text (it always should).
        let marks: &[(usize, u32)] = item
            .new
            .as_ref()
            .and_then(|s| position(s.number))
            .filter(|i| {
                let shown: String = item
                    .inline
                    .iter()
                    .filter(|s| s.op != "delete")
                    .map(|s| s.text.as_str())
                    .collect();
                shown.starts_with(&new.questions[*i].text)
            })
            .map(|i| new_notes[i].as_slice())
            .unwrap_or(&[]);
        let mut at = 0usize; // byte offset in the new side's text
        let mut next_mark = 0usize;
        for seg in &item.inline {
            if seg.op == "delete" {
                runs.push_str(&del(next_id(), &seg.text));
                continue;
            }
            // The markers that stand in this piece of the new text (at its end too).
            let end = at + seg.text.len();
            let here: Vec<(usize, u32)> = marks[next_mark..]
                .iter()
                .take_while(|(offset, _)| *offset <= end)
                .map(|&(offset, n)| (offset.saturating_sub(at), n))
                .collect();
            next_mark += here.len();
            let pieces = with_markers(&seg.text, &here, |t| run(t, ""), note_reference);
            at = end;
            if seg.op == "insert" {
                runs.push_str(&ins(next_id(), &pieces));
            } else {
                runs.push_str(&pieces);
            }
        }
        for &(_, n) in marks.get(next_mark..).unwrap_or(&[]) {
            runs.push_str(&note_reference(n));
        }
        body.push_str(&format!(
            "<w:p><w:pPr><w:pStyle w:val=\"LOIQuestion\"/>{ppr_mark}</w:pPr>{runs}</w:p>"
        ));
    }
    package(
        &body,
        &new.footnotes(),
        &new.title.clone().unwrap_or_else(|| untitled(new)),
        opts.provenance.as_ref(),
        &[],
    )
}
