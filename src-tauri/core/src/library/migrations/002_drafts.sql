-- Drafts: the current content, its undo history and named versions.
CREATE TABLE drafts (
    id INTEGER PRIMARY KEY,
    state_code TEXT NOT NULL,
    state_name TEXT NOT NULL,
    committee TEXT NOT NULL,
    cycle INTEGER NOT NULL,
    source_symbol TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    content TEXT NOT NULL,
    history_pos INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE draft_history (
    draft_id INTEGER NOT NULL REFERENCES drafts(id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    content TEXT NOT NULL,
    PRIMARY KEY (draft_id, seq)
);
CREATE TABLE draft_versions (
    id INTEGER PRIMARY KEY,
    draft_id INTEGER NOT NULL REFERENCES drafts(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    created_at TEXT NOT NULL,
    content TEXT NOT NULL
);
CREATE INDEX draft_versions_by_draft ON draft_versions(draft_id, id);
