-- Which version of the parser read each document, and the metadata the
-- rapporteur stated or corrected (JSON; NULL for documents stored before this
-- was recorded): documents read by an older parser are read again
-- (`Library::reread`) with those corrections.
ALTER TABLE documents ADD COLUMN parser_version INTEGER NOT NULL DEFAULT 0;
ALTER TABLE documents ADD COLUMN corrections TEXT;
