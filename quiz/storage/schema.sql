-- The progress store, schema version 1.
-- Instants are INTEGER microseconds since 1970-01-01 UTC (exact round trip of Python datetimes,
-- cheap to index and compare). Booleans are INTEGER 0/1. A NULL learning state means "new".
-- Learning states: 1 learning, 2 review, 3 relearning.

CREATE TABLE deck (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,                 -- the deck id from the TOML file
    options TEXT,                              -- the student's overrides of StudyOptions, JSON, or NULL
    synced_at INTEGER
) STRICT;

CREATE TABLE item (
    id INTEGER PRIMARY KEY,
    deck INTEGER NOT NULL REFERENCES deck(id),
    item_key TEXT NOT NULL,
    card_id TEXT NOT NULL,
    card_type TEXT NOT NULL,
    position INTEGER NOT NULL,
    -- FSRS memory state; state NULL = never reviewed
    state INTEGER CHECK (state IN (1, 2, 3)),
    step INTEGER,
    stability REAL,
    difficulty REAL,
    due INTEGER,
    last_review INTEGER,
    reps INTEGER NOT NULL DEFAULT 0,
    lapses INTEGER NOT NULL DEFAULT 0,
    -- what the student did to it
    suspended INTEGER NOT NULL DEFAULT 0,
    buried_until INTEGER,
    leech INTEGER NOT NULL DEFAULT 0,
    hidden INTEGER NOT NULL DEFAULT 0,
    -- content fingerprints: now in the deck, and as last reviewed
    fingerprint TEXT NOT NULL DEFAULT '',
    answer_fingerprint TEXT NOT NULL DEFAULT '',
    reviewed_fingerprint TEXT NOT NULL DEFAULT '',
    reviewed_answer_fingerprint TEXT NOT NULL DEFAULT '',
    -- running totals for the "hardest items" list
    answers INTEGER NOT NULL DEFAULT 0,
    score_sum REAL NOT NULL DEFAULT 0,
    UNIQUE (deck, item_key)
) STRICT;

CREATE INDEX item_due ON item (deck, due);
CREATE INDEX item_new ON item (deck, position) WHERE state IS NULL;
CREATE INDEX item_order ON item (deck, position);
-- counts and the forecast are range counts over this index, never a pass over the wide rows
CREATE INDEX item_status ON item (deck, hidden, suspended, state, due);
CREATE INDEX item_buried ON item (deck, buried_until) WHERE buried_until IS NOT NULL;
CREATE INDEX item_leech ON item (deck, hidden) WHERE leech = 1;
CREATE INDEX item_trouble ON item (deck, hidden, lapses) WHERE answers > 0 AND (lapses > 0 OR score_sum < answers);
CREATE INDEX item_changed ON item (deck, hidden) WHERE state IS NOT NULL AND reviewed_fingerprint <> ''
    AND (fingerprint <> reviewed_fingerprint OR answer_fingerprint <> reviewed_answer_fingerprint);

CREATE TABLE session (
    id INTEGER PRIMARY KEY,
    deck INTEGER NOT NULL REFERENCES deck(id),
    mode TEXT NOT NULL,
    started_at INTEGER NOT NULL,
    finished_at INTEGER,
    summary TEXT                               -- JSON
) STRICT;

CREATE TABLE review (
    id INTEGER PRIMARY KEY,
    deck INTEGER NOT NULL REFERENCES deck(id),
    item INTEGER NOT NULL REFERENCES item(id),
    reviewed_at INTEGER NOT NULL,
    utc_offset INTEGER NOT NULL,               -- the local offset in minutes when answered
    duration_ms INTEGER NOT NULL,
    response TEXT NOT NULL,
    correctness TEXT NOT NULL,
    score REAL NOT NULL,
    rating INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 4),
    mode TEXT NOT NULL,
    session INTEGER REFERENCES session(id),
    -- the memory state before the answer (for undo); b_state NULL = the item was new
    b_state INTEGER, b_step INTEGER, b_stability REAL, b_difficulty REAL,
    b_due INTEGER, b_last_review INTEGER, b_reps INTEGER, b_lapses INTEGER,
    -- after the answer; a_state NULL = the answer did not touch the schedule
    a_state INTEGER, a_step INTEGER, a_stability REAL, a_difficulty REAL,
    a_due INTEGER, a_reps INTEGER, a_lapses INTEGER,
    made_leech INTEGER NOT NULL DEFAULT 0,
    undone_at INTEGER
) STRICT;

CREATE INDEX review_item ON review (item);
CREATE INDEX review_deck_time ON review (deck, reviewed_at, undone_at, item);
CREATE INDEX review_time ON review (reviewed_at, undone_at);

CREATE TABLE quiz_attempt (
    id INTEGER PRIMARY KEY,
    deck INTEGER NOT NULL REFERENCES deck(id),
    started_at INTEGER NOT NULL,
    finished_at INTEGER,
    settings TEXT NOT NULL,                    -- JSON
    score REAL,
    max_score REAL
) STRICT;

CREATE INDEX quiz_attempt_deck ON quiz_attempt (deck, started_at);

CREATE TABLE quiz_answer (
    id INTEGER PRIMARY KEY,
    attempt INTEGER NOT NULL REFERENCES quiz_attempt(id),
    item_key TEXT NOT NULL,
    response TEXT NOT NULL,
    correctness TEXT NOT NULL,
    score REAL NOT NULL,
    answered_at INTEGER NOT NULL,
    duration_ms INTEGER NOT NULL
) STRICT;

CREATE INDEX quiz_answer_attempt ON quiz_answer (attempt);

-- previous_ids carried over once: a renamed card never takes the same history twice
CREATE TABLE rename (
    deck INTEGER NOT NULL REFERENCES deck(id),
    old_key TEXT NOT NULL,
    new_key TEXT NOT NULL,
    renamed_at INTEGER NOT NULL,
    PRIMARY KEY (deck, old_key)
) STRICT;
