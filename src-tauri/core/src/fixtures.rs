//! Test fixtures: builds small .docx, .zip and .pdf files for tests, examples and
//! benchmarks (a Word concluding observations with real footnotes and automatic
//! numbering, a zip bomb, a minimal PDF). Nothing here is used by the app itself.

use std::io::{Cursor, Write};

use zip::write::SimpleFileOptions;

/// The text of the built-in sample document whose file name starts with
/// `prefix` ("000" … "004").
pub fn seed_text(prefix: &str) -> String {
    crate::seeds::SEEDS
        .iter()
        .find(|(name, _)| name.starts_with(prefix))
        .map(|(_, bytes)| String::from_utf8_lossy(bytes).into_owned())
        .unwrap_or_default()
}

/// Escapes text for XML.
pub fn xml_escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// A zip archive of the given (name, bytes) entries.
pub fn zip(entries: &[(&str, &[u8])]) -> Vec<u8> {
    let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let opts = SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    for (name, bytes) in entries {
        // Writing to memory cannot fail short of running out of memory.
        w.start_file(*name, opts).expect("zip entry");
        w.write_all(bytes).expect("zip write");
    }
    w.finish().expect("zip finish").into_inner()
}

/// A run of text (`w:r`), bold or not.
pub fn run(text: &str, bold: bool) -> String {
    let rpr = if bold { "<w:rPr><w:b/></w:rPr>" } else { "" };
    format!(
        r#"<w:r>{rpr}<w:t xml:space="preserve">{}</w:t></w:r>"#,
        xml_escape(text)
    )
}

/// A footnote reference run to footnote `id`.
pub fn note_ref(id: u32) -> String {
    format!(
        r#"<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteReference w:id="{id}"/></w:r>"#
    )
}

/// A paragraph of runs; `num` = Some(level) numbers it with the fixture's list (numId 1).
pub fn paragraph(runs: &str, num: Option<u32>) -> String {
    let ppr = match num {
        Some(l) => format!(
            r#"<w:pPr><w:numPr><w:ilvl w:val="{l}"/><w:numId w:val="1"/></w:numPr></w:pPr>"#
        ),
        None => String::new(),
    };
    format!("<w:p>{ppr}{runs}</w:p>")
}

const NUMBERING: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:abstractNum w:abstractNumId="0">
<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>
<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="(%2)"/></w:lvl>
</w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
</w:numbering>"#;

/// A .docx package with this body XML (the children of `w:body`), footnotes
/// (id, text) and the fixture's numbering definitions (decimal "1." paragraphs,
/// "(a)" sub-paragraphs).
pub fn docx(body: &str, footnotes: &[(u32, &str)]) -> Vec<u8> {
    let w = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships""#;
    let document = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document {w}><w:body>{body}<w:sectPr/></w:body></w:document>"#
    );
    let mut notes = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:footnotes {w}><w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote><w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>"#
    );
    for (id, text) in footnotes {
        notes.push_str(&format!(
            r#"<w:footnote w:id="{id}"><w:p><w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> {}</w:t></w:r></w:p></w:footnote>"#,
            xml_escape(text)
        ));
    }
    notes.push_str("</w:footnotes>");
    let content_types = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/footnotes.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/><Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/></Types>"#;
    let rels = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"#;
    let doc_rels = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes" Target="footnotes.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/></Relationships>"#;
    zip(&[
        ("[Content_Types].xml", content_types.as_bytes()),
        ("_rels/.rels", rels.as_bytes()),
        ("word/_rels/document.xml.rels", doc_rels.as_bytes()),
        ("word/document.xml", document.as_bytes()),
        ("word/footnotes.xml", notes.as_bytes()),
        ("word/numbering.xml", NUMBERING.as_bytes()),
    ])
}

/// Concluding observations on the second periodic report of Senegal, written for
/// tests in the committee's style: Word numbering for paragraphs and
/// sub-paragraphs, real footnotes ("CMW/C/SEN/CO/1, para. 12.", "Ibid., para. 20."),
/// a bold theme heading, a tracked deletion and a table.
pub fn concluding_observations_docx() -> Vec<u8> {
    let plain = |t: &str| paragraph(&run(t, false), None);
    let num = |t: &str| paragraph(&run(t, false), Some(0));
    let sub = |t: &str| paragraph(&run(t, false), Some(1));
    let body = [
        plain("International Convention on the Protection of the Rights of All Migrant Workers and Members of Their Families"),
        plain("Distr.: General"),
        plain("14 March 2025"),
        plain("Committee on the Protection of the Rights of All Migrant Workers and Members of Their Families"),
        paragraph(&run("Concluding observations on the second periodic report of Senegal", true), None),
        num("The Committee considered the second periodic report of Senegal at its 600th and 601st meetings."),
        plain("A.\tIntroduction"),
        num("The Committee welcomes the submission of the report."),
        plain("C.\tPrincipal subjects of concern and recommendations"),
        plain("1.\tGeneral measures of implementation (arts. 73 and 84)"),
        paragraph(&run("Data collection", true), None),
        num("The Committee is concerned about the lack of data on migrant workers returning to the State party."),
        paragraph(
            &format!(
                "{}{}{}<w:del w:id=\"9\" w:author=\"Editor\"><w:r><w:delText>deleted words</w:delText></w:r></w:del>",
                run("Reiterating its previous recommendations,", false),
                note_ref(1),
                run(" the Committee recommends that the State party:", false)
            ),
            Some(0),
        ),
        sub("Adopt a comprehensive system for the collection of data on migration, disaggregated by sex, age and nationality;"),
        paragraph(
            &format!(
                "{}{}",
                run("Ensure that the data are used to design policies for returning migrant workers.", false),
                note_ref(2)
            ),
            Some(1),
        ),
        "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>Origin</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>Destination</w:t></w:r></w:p></w:tc></w:tr></w:tbl>".to_string(),
        plain("2.\tDissemination and follow-up"),
        num("The Committee requests the State party to provide, within two years (that is, by 1 April 2027), written information on the implementation of the recommendations contained in paragraphs 4 (a) (data collection) above."),
        num("The Committee requests the State party to submit its third periodic report by 1 April 2030."),
    ]
    .join("");
    docx(
        &body,
        &[(1, "CMW/C/SEN/CO/1, para. 12."), (2, "Ibid., para. 20.")],
    )
}

/// A .docx whose document.xml inflates to `size` bytes of spaces (a zip bomb).
pub fn zip_bomb_docx(size: usize) -> Vec<u8> {
    let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let opts = SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .large_file(size > u32::MAX as usize);
    w.start_file("word/document.xml", opts).expect("zip entry");
    let chunk = vec![b' '; 1 << 20];
    let mut left = size;
    while left > 0 {
        let n = left.min(chunk.len());
        w.write_all(&chunk[..n]).expect("zip write");
        left -= n;
    }
    w.finish().expect("zip finish").into_inner()
}

/// A minimal one-page PDF showing `text` in Helvetica.
pub fn simple_pdf(text: &str) -> Vec<u8> {
    let escaped = text
        .replace('\\', "\\\\")
        .replace('(', "\\(")
        .replace(')', "\\)");
    let stream = format!("BT /F1 12 Tf 72 720 Td ({escaped}) Tj ET");
    let objects = [
        "<< /Type /Catalog /Pages 2 0 R >>".to_string(),
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_string(),
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>".to_string(),
        format!("<< /Length {} >>\nstream\n{stream}\nendstream", stream.len()),
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>".to_string(),
    ];
    let mut out = b"%PDF-1.4\n".to_vec();
    let mut offsets = Vec::new();
    for (i, o) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend(format!("{} 0 obj\n{o}\nendobj\n", i + 1).bytes());
    }
    let xref = out.len();
    out.extend(format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).bytes());
    for off in offsets {
        out.extend(format!("{off:010} 00000 n \n").bytes());
    }
    out.extend(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .bytes(),
    );
    out
}
