-- The search index keeps its own copy of what it indexes: a paragraph's full
-- text (sub-paragraphs included) and its State party's code, so that a delete
-- removes exactly what was written and a one-State search filters inside the
-- index. It is filled again from the stored documents right after this script
-- (see `schema::reindex_all`), which also repairs indexes damaged before.
DROP TABLE IF EXISTS paragraph_search;
CREATE VIRTUAL TABLE paragraph_search USING fts5(
    text,
    state,
    tokenize = 'porter unicode61 remove_diacritics 2'
);
