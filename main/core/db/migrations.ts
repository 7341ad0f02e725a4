/**
 * Forward-only schema history. Each entry moves the database from version - 1 to version; a shipped
 * entry is never edited (add a new one instead), and each has a test that runs it on a copy of a
 * database at the previous version with data in it.
 */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const migrations: Migration[] = [
  {
    version: 1,
    name: 'base tables',
    sql: `
CREATE TABLE saved_searches (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  filters_json TEXT NOT NULL,
  interval_hours REAL NOT NULL DEFAULT 4 CHECK (interval_hours > 0),
  active INTEGER NOT NULL DEFAULT 1,
  mode TEXT NOT NULL DEFAULT 'review' CHECK (mode IN ('review', 'autopilot')),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

CREATE TABLE vacancies (
  id INTEGER PRIMARY KEY,
  hh_id TEXT NOT NULL UNIQUE,
  status TEXT NOT NULL DEFAULT 'found' CHECK (status IN
    ('found','drafted','queued','applied','viewed','invited','rejected','ignored','failed','needs_manual')),
  first_seen_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  found_by_search_id INTEGER REFERENCES saved_searches(id) ON DELETE SET NULL,
  title TEXT NOT NULL,
  employer_id TEXT,
  employer_name TEXT,
  salary_from INTEGER,
  salary_to INTEGER,
  salary_currency TEXT,
  salary_gross INTEGER,
  area_id TEXT,
  area_name TEXT,
  url TEXT,
  published_at TEXT,
  key_skills_json TEXT NOT NULL DEFAULT '[]',
  has_test INTEGER NOT NULL DEFAULT 0,
  letter_required INTEGER NOT NULL DEFAULT 0,
  archived INTEGER NOT NULL DEFAULT 0,
  external_url TEXT,
  -- The large columns come last: lists read the columns above without walking overflow pages.
  description_html TEXT NOT NULL DEFAULT '',
  description_text TEXT NOT NULL DEFAULT '',
  raw_json TEXT NOT NULL DEFAULT '{}'
);
-- Lists page newest first with a stable tie-break, straight from an index (no sort of the table).
CREATE INDEX vacancies_status ON vacancies(status, first_seen_at DESC, id DESC);
CREATE INDEX vacancies_seen ON vacancies(first_seen_at DESC, id DESC);
CREATE INDEX vacancies_employer ON vacancies(employer_id);

CREATE TABLE resumes (
  id INTEGER PRIMARY KEY,
  hh_id TEXT NOT NULL UNIQUE,
  hash TEXT,
  title TEXT NOT NULL,
  raw_json TEXT NOT NULL DEFAULT '{}',
  updated_at TEXT NOT NULL
);

CREATE TABLE applications (
  id INTEGER PRIMARY KEY,
  vacancy_id INTEGER NOT NULL REFERENCES vacancies(id) ON DELETE CASCADE,
  resume_hh_id TEXT,
  letter TEXT NOT NULL DEFAULT '',
  state TEXT NOT NULL DEFAULT 'draft' CHECK (state IN ('draft','approved','sending','sent','failed')),
  transport TEXT,
  hh_negotiation_id TEXT,
  attempts INTEGER NOT NULL DEFAULT 0,
  last_error TEXT,
  created_at TEXT NOT NULL,
  sent_at TEXT
);
CREATE INDEX applications_vacancy ON applications(vacancy_id);
CREATE INDEX applications_state ON applications(state);

CREATE TABLE chats (
  id INTEGER PRIMARY KEY,
  hh_negotiation_id TEXT UNIQUE,
  hh_chat_id TEXT UNIQUE,
  vacancy_id INTEGER REFERENCES vacancies(id) ON DELETE SET NULL,
  state TEXT,
  kind TEXT CHECK (kind IN ('bot','human','unknown')),
  unread INTEGER NOT NULL DEFAULT 0,
  last_message_at TEXT,
  updated_at TEXT NOT NULL
);

CREATE TABLE messages (
  id INTEGER PRIMARY KEY,
  chat_id INTEGER NOT NULL REFERENCES chats(id) ON DELETE CASCADE,
  hh_message_id TEXT,
  author TEXT NOT NULL CHECK (author IN ('employer','me','bot')),
  text TEXT NOT NULL,
  buttons_json TEXT NOT NULL DEFAULT '[]',
  created_at TEXT NOT NULL,
  read INTEGER NOT NULL DEFAULT 0,
  draft_reply TEXT,
  UNIQUE (chat_id, hh_message_id)
);
CREATE INDEX messages_chat ON messages(chat_id, created_at);

CREATE TABLE api_tokens (
  id INTEGER PRIMARY KEY,
  provider TEXT NOT NULL CHECK (provider IN ('hh','hh_app','gigachat')),
  account TEXT NOT NULL DEFAULT '',
  access_token_sealed TEXT NOT NULL,
  refresh_token_sealed TEXT,
  expires_at TEXT,
  obtained_at TEXT NOT NULL,
  refreshed_at TEXT,
  UNIQUE (provider, account)
);

CREATE TABLE profile (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  name TEXT NOT NULL DEFAULT '',
  telegram TEXT NOT NULL DEFAULT '',
  email TEXT NOT NULL DEFAULT '',
  phone TEXT NOT NULL DEFAULT '',
  links_json TEXT NOT NULL DEFAULT '[]',
  updated_at TEXT NOT NULL
);

CREATE TABLE employer_blacklist (
  employer_id TEXT PRIMARY KEY,
  employer_name TEXT,
  reason TEXT,
  created_at TEXT NOT NULL
);

CREATE TABLE letter_templates (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  instruction TEXT NOT NULL,
  tone TEXT NOT NULL DEFAULT '',
  max_length INTEGER NOT NULL DEFAULT 2000,
  is_default INTEGER NOT NULL DEFAULT 0,
  updated_at TEXT NOT NULL
);

CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  action TEXT NOT NULL,
  target TEXT NOT NULL DEFAULT '',
  outcome TEXT NOT NULL CHECK (outcome IN ('ok','failed','refused')),
  details TEXT NOT NULL DEFAULT ''
);
CREATE INDEX audit_log_at ON audit_log(at DESC);

CREATE TABLE job_runs (
  job TEXT PRIMARY KEY,
  last_started_at TEXT,
  last_finished_at TEXT,
  next_due_at TEXT,
  outcome TEXT,
  message TEXT
);

-- Unused since the daily limit counts sent applications; kept because migrations never drop data.
CREATE TABLE daily_counters (
  day TEXT NOT NULL,
  name TEXT NOT NULL,
  value INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (day, name)
);
`,
  },
  {
    version: 2,
    name: 'full-text search over vacancies',
    // FTS4 (sql.js has no FTS5): an external-content index kept in step by triggers.
    sql: `
CREATE VIRTUAL TABLE vacancies_fts USING fts4(
  content="vacancies", title, employer_name, description_text, tokenize=unicode61
);
INSERT INTO vacancies_fts(docid, title, employer_name, description_text)
  SELECT id, title, coalesce(employer_name, ''), description_text FROM vacancies;
CREATE TRIGGER vacancies_fts_before_update BEFORE UPDATE OF title, employer_name, description_text ON vacancies BEGIN
  DELETE FROM vacancies_fts WHERE docid = old.id;
END;
CREATE TRIGGER vacancies_fts_before_delete BEFORE DELETE ON vacancies BEGIN
  DELETE FROM vacancies_fts WHERE docid = old.id;
END;
CREATE TRIGGER vacancies_fts_after_update AFTER UPDATE OF title, employer_name, description_text ON vacancies BEGIN
  INSERT INTO vacancies_fts(docid, title, employer_name, description_text)
    VALUES (new.id, new.title, coalesce(new.employer_name, ''), new.description_text);
END;
CREATE TRIGGER vacancies_fts_after_insert AFTER INSERT ON vacancies BEGIN
  INSERT INTO vacancies_fts(docid, title, employer_name, description_text)
    VALUES (new.id, new.title, coalesce(new.employer_name, ''), new.description_text);
END;
`,
  },
  {
    version: 4,
    name: 'app settings',
    // Small non-secret settings that belong with the user's data (hh.ru application, account, routing).
    sql: `
CREATE TABLE app_settings (
  key TEXT PRIMARY KEY,
  value_json TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
`,
  },
  {
    version: 3,
    name: 'vacancy fit scores',
    // One score per vacancy and resume, so a vacancy is rated once however many runs see it; gone
    // with its vacancy. A resume that changed since scored_at is scored again (the scorer compares).
    sql: `
CREATE TABLE vacancy_scores (
  vacancy_id INTEGER NOT NULL REFERENCES vacancies(id) ON DELETE CASCADE,
  resume_hh_id TEXT NOT NULL,
  score INTEGER NOT NULL CHECK (score BETWEEN 0 AND 100),
  reason TEXT NOT NULL DEFAULT '',
  model TEXT NOT NULL DEFAULT '',
  scored_at TEXT NOT NULL,
  PRIMARY KEY (vacancy_id, resume_hh_id)
);
`,
  },
  {
    version: 5,
    name: 'chat verdicts and sync marks',
    // SQLite cannot widen a CHECK in place, so chats is rebuilt with the new kinds and the mark of the
    // negotiation's last fully read update. messages is rebuilt with it: with foreign keys on (they
    // cannot be switched off inside the migration's transaction), dropping the old chats table would
    // cascade into the old messages table. Ids are copied, so nothing that points at a row changes.
    sql: `
CREATE TABLE chats_v5 (
  id INTEGER PRIMARY KEY,
  hh_negotiation_id TEXT UNIQUE,
  hh_chat_id TEXT UNIQUE,
  vacancy_id INTEGER REFERENCES vacancies(id) ON DELETE SET NULL,
  state TEXT,
  kind TEXT CHECK (kind IN ('bot','human','rejection','invitation','unknown')),
  unread INTEGER NOT NULL DEFAULT 0,
  last_message_at TEXT,
  updated_at TEXT NOT NULL,
  hh_updated_at TEXT
);
INSERT INTO chats_v5 (id, hh_negotiation_id, hh_chat_id, vacancy_id, state, kind, unread, last_message_at, updated_at)
  SELECT id, hh_negotiation_id, hh_chat_id, vacancy_id, state, kind, unread, last_message_at, updated_at FROM chats;
CREATE TABLE messages_v5 (
  id INTEGER PRIMARY KEY,
  chat_id INTEGER NOT NULL REFERENCES chats_v5(id) ON DELETE CASCADE,
  hh_message_id TEXT,
  author TEXT NOT NULL CHECK (author IN ('employer','me','bot')),
  text TEXT NOT NULL,
  buttons_json TEXT NOT NULL DEFAULT '[]',
  created_at TEXT NOT NULL,
  read INTEGER NOT NULL DEFAULT 0,
  draft_reply TEXT,
  UNIQUE (chat_id, hh_message_id)
);
INSERT INTO messages_v5 (id, chat_id, hh_message_id, author, text, buttons_json, created_at, read, draft_reply)
  SELECT id, chat_id, hh_message_id, author, text, buttons_json, created_at, read, draft_reply FROM messages;
DROP TABLE messages;
DROP TABLE chats;
ALTER TABLE chats_v5 RENAME TO chats;
ALTER TABLE messages_v5 RENAME TO messages;
CREATE INDEX messages_chat ON messages(chat_id, created_at);
`,
  },
  {
    version: 6,
    name: 'full resumes',
    // The list gives a resume's title; letters need its experience, skills and "about". The full
    // resume is kept with the list's updated_at it was read for, so it is read again only after a change.
    sql: `
ALTER TABLE resumes ADD COLUMN full_json TEXT;
ALTER TABLE resumes ADD COLUMN full_for TEXT;
`,
  },
  {
    version: 7,
    name: 'why a vacancy was set aside, and a fit threshold per search',
    // The engine filters with a stated reason (shown in Vacancies); a search may ask for a minimum AI fit.
    sql: `
ALTER TABLE vacancies ADD COLUMN skip_reason TEXT;
ALTER TABLE vacancies ADD COLUMN skip_detail TEXT;
ALTER TABLE saved_searches ADD COLUMN min_score INTEGER CHECK (min_score BETWEEN 0 AND 100);
`,
  },
  {
    version: 8,
    name: 'when statuses changed, and the template a letter was written with',
    // The dashboard counts what happened in a period (viewed, invited, rejected on which day) and which
    // template's letters get invitations. Existing statuses are dated by the vacancy's last update.
    sql: `
CREATE TABLE vacancy_status_log (
  id INTEGER PRIMARY KEY,
  vacancy_id INTEGER NOT NULL REFERENCES vacancies(id) ON DELETE CASCADE,
  status TEXT NOT NULL,
  at TEXT NOT NULL
);
CREATE INDEX vacancy_status_log_at ON vacancy_status_log(at);
CREATE INDEX vacancy_status_log_vacancy ON vacancy_status_log(vacancy_id);
INSERT INTO vacancy_status_log (vacancy_id, status, at)
  SELECT id, status, updated_at FROM vacancies WHERE status IN ('applied', 'viewed', 'invited', 'rejected');
ALTER TABLE applications ADD COLUMN template_id INTEGER REFERENCES letter_templates(id) ON DELETE SET NULL;
CREATE INDEX applications_sent_at ON applications(sent_at);
`,
  },
  {
    version: 9,
    name: 'resume interviews',
    // The resume builder: an AI interview one question at a time, then a Markdown resume the user edits.
    sql: `
CREATE TABLE interviews (
  id INTEGER PRIMARY KEY,
  title TEXT NOT NULL,
  language TEXT NOT NULL CHECK (language IN ('ru', 'en')),
  status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'finished')),
  covered_json TEXT NOT NULL DEFAULT '[]',
  source_resume_hh_id TEXT,
  source_text TEXT,
  markdown TEXT,
  unsupported_json TEXT NOT NULL DEFAULT '[]',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX interviews_updated ON interviews(updated_at);
CREATE TABLE interview_messages (
  id INTEGER PRIMARY KEY,
  interview_id INTEGER NOT NULL REFERENCES interviews(id) ON DELETE CASCADE,
  role TEXT NOT NULL CHECK (role IN ('assistant', 'user')),
  text TEXT NOT NULL,
  section TEXT,
  follow_up INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL
);
CREATE INDEX interview_messages_interview ON interview_messages(interview_id, id);
`,
  },
  {
    version: 10,
    name: 'Local API tokens',
    // The signed tokens themselves are never stored: only what lets one be listed and revoked by its id.
    sql: `
CREATE TABLE local_api_tokens (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  scope TEXT NOT NULL CHECK (scope IN ('read', 'write')),
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  last_used_at TEXT,
  revoked_at TEXT
);
`,
  },
  {
    version: 11,
    name: 'What hh.ru showed after each application',
    // Set once hh.ru was asked after sending: confirmed, sent with another resume, or not listed.
    sql: `
ALTER TABLE applications ADD COLUMN confirmation TEXT CHECK (confirmation IN ('confirmed', 'resume_mismatch', 'missing'));
ALTER TABLE applications ADD COLUMN confirmed_resume_hh_id TEXT;
`,
  },
  {
    version: 12,
    name: 'ids never reused, and a second resume confirmed per application',
    // SQLite gives a new row the highest id + 1, so deleting the newest saved search (or template)
    // handed its id, with its job record, schedule and statistics, to the next one. AUTOINCREMENT
    // never reuses an id; the tables are rebuilt with it. With foreign keys on (they cannot be switched
    // off inside the migration's transaction), dropping the old table would set the vacancies' and
    // applications' references to null, so those are kept aside and put back. The sequence starts
    // above every id anything still points at (a job record's "search:N" included).
    // second_resume: the user confirmed this letter as a second application to the vacancy, with
    // another resume; sending checks it in the same write that takes the cap slot.
    sql: `
CREATE TEMP TABLE keep_found_by AS SELECT id, found_by_search_id AS ref FROM vacancies WHERE found_by_search_id IS NOT NULL;
CREATE TEMP TABLE keep_template AS SELECT id, template_id AS ref FROM applications WHERE template_id IS NOT NULL;
CREATE TABLE saved_searches_v12 (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  name TEXT NOT NULL,
  filters_json TEXT NOT NULL,
  interval_hours REAL NOT NULL DEFAULT 4 CHECK (interval_hours > 0),
  active INTEGER NOT NULL DEFAULT 1,
  mode TEXT NOT NULL DEFAULT 'review' CHECK (mode IN ('review', 'autopilot')),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  min_score INTEGER CHECK (min_score BETWEEN 0 AND 100)
);
INSERT INTO saved_searches_v12 (id, name, filters_json, interval_hours, active, mode, created_at, updated_at, min_score)
  SELECT id, name, filters_json, interval_hours, active, mode, created_at, updated_at, min_score FROM saved_searches;
CREATE TABLE letter_templates_v12 (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  name TEXT NOT NULL UNIQUE,
  instruction TEXT NOT NULL,
  tone TEXT NOT NULL DEFAULT '',
  max_length INTEGER NOT NULL DEFAULT 2000,
  is_default INTEGER NOT NULL DEFAULT 0,
  updated_at TEXT NOT NULL
);
INSERT INTO letter_templates_v12 (id, name, instruction, tone, max_length, is_default, updated_at)
  SELECT id, name, instruction, tone, max_length, is_default, updated_at FROM letter_templates;
DROP TABLE saved_searches;
DROP TABLE letter_templates;
ALTER TABLE saved_searches_v12 RENAME TO saved_searches;
ALTER TABLE letter_templates_v12 RENAME TO letter_templates;
UPDATE vacancies SET found_by_search_id = (SELECT ref FROM keep_found_by k WHERE k.id = vacancies.id)
  WHERE id IN (SELECT id FROM keep_found_by) AND (SELECT ref FROM keep_found_by k WHERE k.id = vacancies.id) IN (SELECT id FROM saved_searches);
UPDATE applications SET template_id = (SELECT ref FROM keep_template k WHERE k.id = applications.id)
  WHERE id IN (SELECT id FROM keep_template) AND (SELECT ref FROM keep_template k WHERE k.id = applications.id) IN (SELECT id FROM letter_templates);
DELETE FROM sqlite_sequence WHERE name IN ('saved_searches', 'letter_templates');
INSERT INTO sqlite_sequence (name, seq) SELECT 'saved_searches', max(
  coalesce((SELECT max(id) FROM saved_searches), 0),
  coalesce((SELECT max(ref) FROM keep_found_by), 0),
  coalesce((SELECT max(CAST(substr(job, 8) AS INTEGER)) FROM job_runs WHERE job LIKE 'search:%'), 0));
INSERT INTO sqlite_sequence (name, seq) SELECT 'letter_templates', max(
  coalesce((SELECT max(id) FROM letter_templates), 0),
  coalesce((SELECT max(ref) FROM keep_template), 0));
DROP TABLE keep_found_by;
DROP TABLE keep_template;
ALTER TABLE applications ADD COLUMN second_resume INTEGER NOT NULL DEFAULT 0;
`,
  },
  {
    version: 13,
    name: "hh.ru's recommendations marked, and the Vacancies filters indexed",
    // recommended_at: when hh.ru last recommended the vacancy for a resume (vacancies.recommended), so
    // the list can show only those. The indexes serve the list's filters by saved search, region and
    // salary, and the chat a row links to; the employer filter has vacancies_employer already.
    sql: `
ALTER TABLE vacancies ADD COLUMN recommended_at TEXT;
CREATE INDEX vacancies_recommended ON vacancies(recommended_at) WHERE recommended_at IS NOT NULL;
CREATE INDEX vacancies_search ON vacancies(found_by_search_id, first_seen_at DESC, id DESC);
CREATE INDEX vacancies_area ON vacancies(area_id);
CREATE INDEX vacancies_salary ON vacancies(coalesce(salary_to, salary_from));
CREATE INDEX chats_vacancy ON chats(vacancy_id);
`,
  },
  {
    version: 14,
    name: 'a salary expectation in the profile',
    // Free text in the user's words; reply drafts may quote it when an employer asks.
    sql: `ALTER TABLE profile ADD COLUMN salary_expectation TEXT NOT NULL DEFAULT '';`,
  },
  {
    version: 15,
    name: 'letters discarded with undo, the text before a rewrite, and no approved state the user never chose',
    // discarded_at: the user discarded the letter; it is never sent and leaves the lists until restored.
    // A column, not a state: the state's CHECK cannot change without rebuilding the table, and a restored
    // letter comes back in the state it had. previous_letter: the text before the last AI rewrite (one undo).
    // 'approved' was only ever set by the app putting a letter back after an interrupted send (a captcha,
    // the app closing, hh.ru without a record): such letters are drafts again, which is what the user chose.
    sql: `
ALTER TABLE applications ADD COLUMN discarded_at TEXT;
ALTER TABLE applications ADD COLUMN previous_letter TEXT;
UPDATE applications SET state = 'draft' WHERE state = 'approved';
`,
  },
];

/** Entries may be appended out of order by parallel work; they always run in version order. */
migrations.sort((a, b) => a.version - b.version);

export const latestSchemaVersion = Math.max(...migrations.map((m) => m.version));
