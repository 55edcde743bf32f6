//! Test fixtures: builds small .docx, .zip and .pdf files for tests, examples and
//! benchmarks (a Word concluding observations with real footnotes and automatic
//! numbering, a zip bomb, a minimal PDF) and the hostile files the importers must
//! survive (PDFs that crash or exhaust a reader, .docx files that multiply their
//! text, text in stray encodings). Nothing here is used by the app itself.

use std::io::{Cursor, Write};

use zip::write::SimpleFileOptions;

/// The text of the built-in sample document whose file name starts with
/// `prefix` ("000" … "004").
pub mod word_edits;

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
    docx_with_numbering(body, footnotes, NUMBERING)
}

/// [`docx`] with these numbering definitions (the whole `word/numbering.xml`).
pub fn docx_with_numbering(body: &str, footnotes: &[(u32, &str)], numbering: &str) -> Vec<u8> {
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
        ("word/numbering.xml", numbering.as_bytes()),
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

/// A PDF of these objects (numbered from 1; object 1 is the catalog), with a
/// correct cross-reference table. Objects are raw bytes, so streams may be binary.
pub fn pdf_with_objects(objects: &[Vec<u8>]) -> Vec<u8> {
    let mut out = b"%PDF-1.4\n".to_vec();
    let mut offsets = Vec::new();
    for (i, o) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend(format!("{} 0 obj\n", i + 1).bytes());
        out.extend(o);
        out.extend(b"\nendobj\n");
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

/// A stream object with this dictionary (without `/Length`) and content.
fn pdf_stream(dict: &str, content: &[u8]) -> Vec<u8> {
    let mut o = format!("<< {dict} /Length {} >>\nstream\n", content.len()).into_bytes();
    o.extend(content);
    o.extend(b"\nendstream");
    o
}

const PDF_TEXT: &[u8] = b"BT /F1 12 Tf 72 720 Td (The Committee recommends.) Tj ET";
const PDF_FONT: &str = "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>";

/// A PDF whose only page is its own parent (and has no resources of its own, so
/// a reader looking them up the page tree goes round forever).
pub fn self_parent_pdf() -> Vec<u8> {
    pdf_with_objects(&[
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_vec(),
        b"<< /Type /Page /Parent 3 0 R /Contents 4 0 R >>".to_vec(),
        pdf_stream("", PDF_TEXT),
    ])
}

/// A one-page PDF whose page holds `depth` nested dictionaries.
pub fn nested_dictionaries_pdf(depth: usize) -> Vec<u8> {
    let nested = format!("{}{}", "<< /A ".repeat(depth), " >>".repeat(depth));
    pdf_with_objects(&[
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_vec(),
        format!("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> /Deep {nested} >>").into_bytes(),
        pdf_stream("", PDF_TEXT),
        PDF_FONT.as_bytes().to_vec(),
    ])
}

/// A small PDF whose font's ToUnicode character map maps every 4-byte code
/// (one `bfrange` of 2³² codes to 4-byte values): a reader that expands the map
/// needs gigabytes.
pub fn huge_cmap_pdf() -> Vec<u8> {
    let cmap = b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /Huge def 1 begincodespacerange <00000000> <FFFFFFFF> endcodespacerange 1 beginbfrange <00000000> <FFFFFFFF> <00000000> endbfrange endcmap CMapName currentdict /CMap defineresource pop end end";
    pdf_with_objects(&[
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_vec(),
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>".to_vec(),
        pdf_stream("", b"BT /F1 12 Tf 72 720 Td <00000001> Tj ET"),
        b"<< /Type /Font /Subtype /Type0 /BaseFont /Huge /Encoding /Identity-H /DescendantFonts [6 0 R] /ToUnicode 7 0 R >>".to_vec(),
        b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /Huge /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /DW 500 >>".to_vec(),
        pdf_stream("", cmap),
    ])
}

/// Writes deflate (RFC 1951) bits, least significant first.
struct BitWriter {
    out: Vec<u8>,
    acc: u64,
    n: u32,
}

impl BitWriter {
    fn bits(&mut self, value: u64, count: u32) {
        self.acc |= value << self.n;
        self.n += count;
        while self.n >= 8 {
            self.out.push(self.acc as u8);
            self.acc >>= 8;
            self.n -= 8;
        }
    }

    /// A Huffman code, written most significant bit first.
    fn code(&mut self, code: u64, len: u32) {
        let mut reversed = 0;
        for i in 0..len {
            reversed |= ((code >> i) & 1) << (len - 1 - i);
        }
        self.bits(reversed, len);
    }

    /// A literal byte in the fixed Huffman code.
    fn literal(&mut self, b: u8) {
        if b < 144 {
            self.code(0x30 + b as u64, 8);
        } else {
            self.code(0x190 + (b as u64 - 144), 9);
        }
    }

    fn finish(mut self) -> Vec<u8> {
        if self.n > 0 {
            self.out.push(self.acc as u8);
        }
        self.out
    }
}

/// A zlib stream (fixed Huffman codes, no checksum: readers that keep what
/// they inflated before an error take it) of `prefix` as literals followed by
/// `copies` copies of 258 bytes at `distance` (1 or 13).
fn zlib_repeat(prefix: &[u8], distance: u32, copies: usize) -> Vec<u8> {
    let mut w = BitWriter {
        out: vec![0x78, 0x01],
        acc: 0,
        n: 0,
    };
    w.bits(1, 1); // final block
    w.bits(1, 2); // fixed Huffman codes
    for b in prefix {
        w.literal(*b);
    }
    for _ in 0..copies {
        w.code(0xC0 + 5, 8); // length code 285: 258 bytes
        match distance {
            1 => w.code(0, 5),
            _ => {
                w.code(7, 5); // distance code 7: 13–16, 2 extra bits
                w.bits(0, 2);
            }
        }
    }
    w.code(0, 7); // end of block
    w.finish()
}

/// A PDF page whose content stream, about `compressed_kb` KB compressed twice
/// (`/Filter [/FlateDecode /FlateDecode]`), inflates to gigabytes of spaces.
pub fn stream_bomb_pdf(compressed_kb: usize) -> Vec<u8> {
    // The inner stream: one space, then copies of 258 spaces at distance 1, a
    // 13-bit symbol each; past its first 4 bytes its bytes repeat every 13. The
    // outer stream writes its first 17 bytes, then copies them forward at
    // distance 13 (15 bits per 258 bytes): it inflates ~140 times, then the
    // inner one ~160 times.
    let inner = zlib_repeat(b" ", 1, 64);
    let outer_copies = compressed_kb * 1024 * 8 / 15;
    let outer = zlib_repeat(&inner[..17], 13, outer_copies);
    pdf_with_objects(&[
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_vec(),
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>".to_vec(),
        pdf_stream("/Filter [/FlateDecode /FlateDecode]", &outer),
        PDF_FONT.as_bytes().to_vec(),
    ])
}

/// A .docx with `depth` tables nested one in another's cell, the innermost
/// holding a line of text.
pub fn nested_tables_docx(depth: usize) -> Vec<u8> {
    let mut body = paragraph(&run("The Committee recommends.", false), None);
    for i in 0..depth {
        body = format!(
            "<w:tbl><w:tr><w:tc>{body}</w:tc><w:tc>{}</w:tc></w:tr><w:tr><w:tc>{}</w:tc></w:tr></w:tbl>",
            paragraph(&run(&format!("cell {i}"), false), None),
            paragraph(&run(&format!("row {i}"), false), None),
        );
        body.push_str(&paragraph(&run("after", false), None));
    }
    docx(&body, &[])
}

/// A .docx whose list starts at `start` (`w:start w:val`), in lower letters
/// and roman numerals, at list level `ilvl` (as written in the file).
pub fn numbering_start_docx(start: &str, ilvl: &str) -> Vec<u8> {
    let numbering = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:abstractNum w:abstractNumId="0">
<w:lvl w:ilvl="0"><w:start w:val="{start}"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="(%1)"/></w:lvl>
<w:lvl w:ilvl="1"><w:start w:val="{start}"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%2."/></w:lvl>
<w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%1.%{ilvl}"/></w:lvl>
</w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="1"><w:startOverride w:val="{start}"/></w:lvlOverride></w:num>
</w:numbering>"#
    );
    let mut body = String::new();
    for i in 0..20 {
        let level = match i % 3 {
            0 => "0",
            1 => "1",
            _ => ilvl,
        };
        body.push_str(&format!(
            r#"<w:p><w:pPr><w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="1"/></w:numPr></w:pPr>{}</w:p>"#,
            run("The Committee recommends.", false)
        ));
    }
    docx_with_numbering(&body, &[], &numbering)
}

/// A .docx with one footnote of `note_bytes` bytes referenced `references` times.
pub fn repeated_footnote_docx(references: usize, note_bytes: usize) -> Vec<u8> {
    let note = "CMW/C/SEN/CO/1, para. 12. ".repeat(note_bytes / 26 + 1);
    let refs = note_ref(1).repeat(references);
    let body = paragraph(
        &format!("{}{refs}", run("The Committee recommends.", false)),
        None,
    );
    docx(&body, &[(1, &note)])
}

/// Built-in sample `prefix` ("000" …) as UTF-8 with one Windows-1252 byte
/// (0x92, a right quote) inserted after the first `at` bytes (moved to the
/// next character boundary).
pub fn seed_with_stray_byte(prefix: &str, at: usize) -> Vec<u8> {
    let text = seed_text(prefix);
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at += 1;
    }
    let mut bytes = text.into_bytes();
    bytes.insert(at, 0x92);
    bytes
}

/// Concluding observations in Russian, encoded in Windows-1251.
pub fn windows_1251_text() -> Vec<u8> {
    let text = "Комитет по защите прав всех трудящихся-мигрантов и членов их семей\n\nЗаключительные замечания по второму периодическому докладу Сенегала\n\n1. Комитет рассмотрел второй периодический доклад Сенегала на своих 600-м и 601-м заседаниях.\n\n2. Комитет рекомендует государству-участнику принять всеобъемлющую систему сбора данных о миграции.\n";
    let (bytes, _, _) = encoding_rs::WINDOWS_1251.encode(text);
    bytes.into_owned()
}
