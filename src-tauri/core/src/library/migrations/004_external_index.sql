-- (Superseded by 005.) The search index read the paragraphs' text from
-- `paragraphs`; it was written with a paragraph's full text (sub-paragraphs
-- included) but told to delete `paragraphs.text`, which broke it on delete.
DROP TABLE paragraph_search;
CREATE VIRTUAL TABLE paragraph_search USING fts5(
    text,
    content = 'paragraphs',
    content_rowid = 'id',
    tokenize = 'porter unicode61 remove_diacritics 2'
);
INSERT INTO paragraph_search (paragraph_search) VALUES ('rebuild');
