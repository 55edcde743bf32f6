-- Drafts travel: a global id for each draft and each named version (written
-- into every file the app exports for a draft, so that a returned file is
-- recognised), and the reviews of changes brought in from returned files.
ALTER TABLE drafts ADD COLUMN uid TEXT;
ALTER TABLE draft_versions ADD COLUMN uid TEXT;
-- (existing rows get theirs from the Rust step that follows: drafts::give_uids)
-- A review: the proposals and conflicts worked out from one returned file
-- against the version sent (base_version), with the decisions taken on them.
CREATE TABLE draft_reviews (
    id INTEGER PRIMARY KEY,
    draft_id INTEGER NOT NULL REFERENCES drafts(id) ON DELETE CASCADE,
    base_version INTEGER NOT NULL,
    source TEXT NOT NULL,
    created_at TEXT NOT NULL,
    content TEXT NOT NULL
);
CREATE INDEX draft_reviews_by_draft ON draft_reviews(draft_id, id);
