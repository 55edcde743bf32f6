//! Writing documents into the library: imports (one transaction each, the
//! duplicate check inside it), metadata corrections, reading stored documents
//! again with a newer parser, deleting. Every write begins with `BEGIN
//! IMMEDIATE`; a file that fails leaves the library as it was.

use super::*;

impl Library {
    /// Imports a file from disk. The file is read (in a worker process when
    /// the program set one up, see [`import::extract_file`]) before the library
    /// is locked; storing it is one transaction.
    pub fn import_file(
        &mut self,
        path: &Path,
        overrides: &MetadataOverrides,
    ) -> Result<ImportOutcome> {
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| path.display().to_string());
        let extracted = import::extract_file(path)?;
        self.store(&name, &extracted, overrides)
    }

    /// Imports several files, each in its own transaction: one bad file does not
    /// stop the others, and leaves nothing behind.
    pub fn import_files(
        &mut self,
        paths: &[PathBuf],
        overrides: &MetadataOverrides,
    ) -> Vec<FileResult> {
        paths
            .iter()
            .map(|p| {
                let file = p
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_else(|| p.display().to_string());
                match self.import_file(p, overrides) {
                    Ok(o) => FileResult {
                        file,
                        outcome: Some(o),
                        error: None,
                    },
                    Err(e) => FileResult {
                        file,
                        outcome: None,
                        error: Some(e.payload()),
                    },
                }
            })
            .collect()
    }

    /// Imports a file's bytes.
    pub fn import_bytes(
        &mut self,
        file_name: &str,
        bytes: &[u8],
        overrides: &MetadataOverrides,
    ) -> Result<ImportOutcome> {
        let extracted = import::extract_text(file_name, bytes)?;
        self.store(file_name, &extracted, overrides)
    }

    fn store(
        &mut self,
        source_name: &str,
        extracted: &import::ExtractedText,
        overrides: &MetadataOverrides,
    ) -> Result<ImportOutcome> {
        let hash = content_hash(&extracted.text);
        if let Some(id) = id_of_hash(&self.conn, &hash)? {
            return Ok(ImportOutcome::AlreadyInLibrary {
                document: summary_in(&self.conn, id)?,
            });
        }
        // Parsing takes the time; the library is locked for the writing only.
        let parsed = Parsed::new(source_name, extracted, overrides)?;
        let tx = self.conn.transaction()?;
        let outcome = store_in(&tx, parsed)?;
        tx.commit()?;
        Ok(outcome)
    }

    /// Corrects a stored document's metadata (re-parsing it when its kind changes).
    pub fn update_metadata(
        &mut self,
        id: i64,
        overrides: &MetadataOverrides,
    ) -> Result<DocumentSummary> {
        self.read_again(id, |(stored, _), _| stored.then(overrides))
    }

    /// Reads a stored document again and writes it back, in one transaction (a
    /// correction made meanwhile by another process is not overwritten).
    /// `corrections` gets the rapporteur's stored corrections (and whether they
    /// were recorded as such, or kept from a document stored before they were)
    /// and the text, and gives the ones to apply, which are stored.
    fn read_again(
        &mut self,
        id: i64,
        corrections: impl FnOnce((MetadataOverrides, bool), &str) -> MetadataOverrides,
    ) -> Result<DocumentSummary> {
        let tx = self.conn.transaction()?;
        let (text, current, stored, hash, source_name, format, imported_at): (
            String,
            String,
            Option<String>,
            String,
            String,
            String,
            String,
        ) = tx
            .query_row(
                "SELECT source_text, document, corrections, content_hash, source_name, format, imported_at FROM documents WHERE id = ?1",
                params![id],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?, r.get(6)?)),
            )
            .optional()?
            .ok_or_else(|| Error::NotFound(format!("document {id}")))?;
        let stored = match stored {
            Some(json) => (serde_json::from_str(&json)?, true),
            None => (
                MetadataOverrides::kept_from(&serde_json::from_str(&current)?),
                false,
            ),
        };
        let merged = corrections(stored, &text);
        let doc = parse_with_overrides(&text, &merged)?;
        delete_rows(&tx, id)?;
        insert_document_with_id(
            &tx,
            Some(id),
            &hash,
            &source_name,
            &format,
            &text,
            &doc,
            Some(&imported_at),
            &merged,
        )?;
        tx.commit()?;
        self.summary(id)
    }

    /// The documents read by an older version of the parser.
    pub fn documents_to_reread(&self) -> Result<Vec<i64>> {
        let mut stmt = self
            .conn
            .prepare("SELECT id FROM documents WHERE parser_version < ?1 ORDER BY id")?;
        let ids = stmt
            .query_map(params![PARSER_VERSION], |r| r.get(0))?
            .collect::<std::result::Result<Vec<i64>, _>>()?;
        Ok(ids)
    }

    /// Reads a stored document again with this version of the parser, keeping
    /// the metadata the rapporteur corrected (one transaction).
    pub fn reread(&mut self, id: i64) -> Result<DocumentSummary> {
        self.read_again(id, |(stored, recorded), text| {
            if recorded {
                return stored;
            }
            // Stored before corrections were recorded: what the document itself
            // prints wins over a kept value (an older parser may have misread
            // it); a value only an older parser inferred is read afresh.
            stored.without_printed(&parse::parse_text(text))
        })
    }

    /// Deletes a document and everything parsed from it.
    pub fn delete_document(&mut self, id: i64) -> Result<()> {
        let tx = self.conn.transaction()?;
        let n = delete_rows(&tx, id)?;
        tx.commit()?;
        if n == 0 {
            return Err(Error::NotFound(format!("document {id}")));
        }
        Ok(())
    }
}

pub(super) fn id_of_hash(conn: &Connection, hash: &str) -> Result<Option<i64>> {
    Ok(conn
        .query_row(
            "SELECT id FROM documents WHERE content_hash = ?1",
            params![hash],
            |r| r.get(0),
        )
        .optional()?)
}

/// A file read and parsed, ready to be stored.
pub(super) struct Parsed<'a> {
    source_name: &'a str,
    format: SourceFormat,
    text: &'a str,
    hash: String,
    doc: Document,
    warnings: Vec<String>,
    corrections: MetadataOverrides,
}

impl<'a> Parsed<'a> {
    pub(super) fn new(
        source_name: &'a str,
        extracted: &'a import::ExtractedText,
        overrides: &MetadataOverrides,
    ) -> Result<Parsed<'a>> {
        let text = extracted.text.as_str();
        let doc = parse_with_overrides(text, overrides).map_err(|e| match e {
            Error::InvalidInput(reason) => Error::import(source_name, reason),
            e => e,
        })?;
        let mut warnings = extracted.warnings.clone();
        match doc.language.as_deref() {
            Some("fr") | Some("es") => warnings.push(
                "the document seems to be in French or Spanish: its paragraphs, concerns and recommendations are read, but sub-paragraphs, follow-up requests and questions are recognised in English documents only".into(),
            ),
            Some("ar") => warnings.push(
                "the document seems to be in Arabic: its paragraphs, sub-paragraphs, concerns and recommendations are read, but follow-up requests, dates and questions are recognised in English documents only".into(),
            ),
            Some(lang) if lang != "en" => warnings.push(format!(
                "the document seems to be in another language ({lang}); its paragraphs are kept and searchable, but recommendations and questions are recognised in English, French, Spanish and Arabic documents only"
            )),
            _ => {}
        }
        if doc.kind == DocumentKind::Other {
            warnings.push("the kind of document could not be told; it is kept as \"other\" (set it with the pencil or --kind)".into());
        }
        Ok(Parsed {
            source_name,
            format: extracted.format,
            text,
            hash: content_hash(text),
            doc,
            warnings,
            corrections: overrides.clone(),
        })
    }
}

/// Stores a parsed file inside the caller's transaction, unless a document
/// with the same text is already there (checked inside the transaction, so two
/// processes importing the same file at once store it once).
pub(super) fn store_in(tx: &Connection, p: Parsed) -> Result<ImportOutcome> {
    if let Some(id) = id_of_hash(tx, &p.hash)? {
        return Ok(ImportOutcome::AlreadyInLibrary {
            document: summary_in(tx, id)?,
        });
    }
    let id = insert_document_with_id(
        tx,
        None,
        &p.hash,
        p.source_name,
        p.format.as_str(),
        p.text,
        &p.doc,
        None,
        &p.corrections,
    )?;
    Ok(ImportOutcome::Imported {
        document: summary_in(tx, id)?,
        warnings: p.warnings,
    })
}

/// Parses text, applying the user's metadata: a stated kind re-parses the text as that kind.
pub(super) fn parse_with_overrides(text: &str, o: &MetadataOverrides) -> Result<Document> {
    let mut doc = match o.kind.or_else(|| {
        o.symbol
            .as_deref()
            .and_then(symbols::parse_symbol)
            .and_then(|i| i.kind)
    }) {
        Some(kind) => parse::parse_text_as(text, kind),
        None => parse::parse_text(text),
    };
    let unmark = |doc: &mut Document, field: &str| doc.inferred.retain(|f| f != field);
    if let Some(sym) = &o.symbol {
        let info = symbols::parse_symbol(sym).ok_or_else(|| {
            Error::InvalidInput(format!(
                "\"{sym}\" is not a document symbol (e.g. CMW/C/KGZ/CO/2)"
            ))
        })?;
        doc.symbol = Some(info.symbol.clone());
        unmark(&mut doc, "symbol");
        doc.committee = Some(info.committee.clone());
        unmark(&mut doc, "committee");
        if let Some(s) = info.state.as_deref().and_then(symbols::state_by_code) {
            doc.state = Some(s);
            unmark(&mut doc, "state");
        }
        if let Some(c) = info.cycle {
            doc.cycle = Some(c);
            unmark(&mut doc, "cycle");
        }
        if let Some(k) = info.kind {
            doc.kind = k;
            unmark(&mut doc, "kind");
        }
    }
    if let Some(s) = &o.state {
        let state = symbols::state_by_code_or_name(s).ok_or_else(|| {
            Error::InvalidInput(format!(
                "\"{s}\" is not a State (give its ISO code, e.g. KGZ, or its name)"
            ))
        })?;
        doc.state = Some(state);
        unmark(&mut doc, "state");
    }
    if let Some(k) = o.kind {
        doc.kind = k;
        unmark(&mut doc, "kind");
    }
    if let Some(c) = o.cycle {
        doc.cycle = Some(c);
        unmark(&mut doc, "cycle");
    }
    if let Some(d) = o.date {
        doc.date = Some(d);
        unmark(&mut doc, "date");
    }
    // A symbol inferred from the old values follows the corrections.
    if doc.inferred.iter().any(|f| f == "symbol") && o.symbol.is_none() && !o.is_empty() {
        doc.symbol = None;
        doc.inferred.retain(|f| f != "symbol");
    }
    parse::metadata::finish(&mut doc);
    Ok(doc)
}

pub(super) fn delete_rows(tx: &Connection, id: i64) -> Result<usize> {
    search_index::remove_document(tx, id)?;
    Ok(tx.execute("DELETE FROM documents WHERE id = ?1", params![id])?)
}

#[allow(clippy::too_many_arguments)]
pub(super) fn insert_document_with_id(
    tx: &Connection,
    id: Option<i64>,
    hash: &str,
    source_name: &str,
    format: &str,
    text: &str,
    doc: &Document,
    imported_at: Option<&str>,
    corrections: &MetadataOverrides,
) -> Result<i64> {
    tx.execute(
        "INSERT INTO documents (id, content_hash, parser_version, corrections, symbol, committee, kind, state_code, state_name, cycle, date, language, title,
                                source_name, format, inferred, imported_at, source_text, document)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19)",
        params![
            id,
            hash,
            PARSER_VERSION,
            serde_json::to_string(corrections)?,
            doc.symbol,
            doc.committee,
            doc.kind.as_str(),
            doc.state.as_ref().map(|s| s.code.clone()),
            doc.state.as_ref().map(|s| s.name.clone()),
            doc.cycle,
            doc.date.map(|d| d.to_string()),
            doc.language,
            doc.title,
            source_name,
            format,
            serde_json::to_string(&doc.inferred)?,
            imported_at.map(str::to_string).unwrap_or_else(now),
            text,
            serde_json::to_string(doc)?,
        ],
    )?;
    let id = tx.last_insert_rowid();
    let mut para = tx.prepare_cached(
        "INSERT INTO paragraphs (document_id, seq, number, kind, theme, text) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?;
    let state = doc.state.as_ref().map(|s| s.code.as_str());
    let mut cite = tx.prepare_cached(
        "INSERT INTO citations (paragraph_id, symbol, paragraph) VALUES (?1, ?2, ?3)",
    )?;
    for (seq, p) in doc.paragraphs.iter().enumerate() {
        para.execute(params![
            id,
            seq as i64,
            p.number,
            p.kind.as_str(),
            p.theme,
            p.text
        ])?;
        let pid = tx.last_insert_rowid();
        search_index::add(tx, pid, &p.full_text(), state)?;
        for c in &p.cites {
            cite.execute(params![pid, c.symbol, c.paragraph])?;
        }
    }
    let mut assess = tx.prepare_cached(
        "INSERT INTO assessments (document_id, symbol, paragraph, text) VALUES (?1, ?2, ?3, ?4)",
    )?;
    for a in &doc.assessments {
        assess.execute(params![id, a.symbol, a.paragraph, a.text])?;
    }
    Ok(id)
}
