-- Typing in one question extends one undo step (the question and the time of the last keystroke).
ALTER TABLE drafts ADD COLUMN typing_key TEXT;
ALTER TABLE drafts ADD COLUMN typing_at INTEGER;
