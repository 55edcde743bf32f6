-- Documents, their paragraphs and citations, follow-up assessments, settings,
-- and the first search index.
CREATE TABLE documents (
    id INTEGER PRIMARY KEY,
    content_hash TEXT NOT NULL UNIQUE,
    symbol TEXT,
    committee TEXT,
    kind TEXT NOT NULL,
    state_code TEXT,
    state_name TEXT,
    cycle INTEGER,
    date TEXT,
    language TEXT,
    title TEXT,
    source_name TEXT NOT NULL,
    format TEXT NOT NULL,
    inferred TEXT NOT NULL DEFAULT '[]',
    imported_at TEXT NOT NULL,
    source_text TEXT NOT NULL,
    document TEXT NOT NULL
);
CREATE INDEX documents_by_state ON documents(state_code, kind);
CREATE TABLE paragraphs (
    id INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    number TEXT,
    kind TEXT NOT NULL,
    theme TEXT,
    text TEXT NOT NULL
);
CREATE INDEX paragraphs_by_document ON paragraphs(document_id, seq);
CREATE TABLE citations (
    paragraph_id INTEGER NOT NULL REFERENCES paragraphs(id) ON DELETE CASCADE,
    symbol TEXT NOT NULL,
    paragraph TEXT
);
CREATE INDEX citations_by_symbol ON citations(symbol, paragraph);
CREATE TABLE assessments (
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    symbol TEXT NOT NULL,
    paragraph TEXT NOT NULL,
    text TEXT NOT NULL
);
CREATE INDEX assessments_by_symbol ON assessments(symbol, paragraph);
CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE VIRTUAL TABLE paragraph_search USING fts5(
    text,
    tokenize = 'porter unicode61 remove_diacritics 2'
);
