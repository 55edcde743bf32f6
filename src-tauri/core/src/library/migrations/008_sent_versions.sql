-- When a version was sent out (exported for a draft, or shared): a returned
-- file that does not name its version is matched first among these.
ALTER TABLE draft_versions ADD COLUMN sent_at TEXT;
