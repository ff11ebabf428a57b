#include "store/schema.hpp"

#include "domain/due_dates.hpp"
#include "domain/reconsideration_case.hpp"
#include "domain/record_state.hpp"
#include "store/journal.hpp"

#include <SQLiteCpp/Exception.h>

#include <string>
#include <vector>

namespace fazhi::store {
namespace {

// One migration: SQL, then (for a conversion SQL cannot do) a C++ step.
// `at_end` is a step that works through the record kinds' declarations
// (domain/): those describe the newest schema, so it runs once the file has
// every migration, in the same transaction, after the steps of later
// migrations.
struct Migration {
  const char* sql;
  void (*then)(Connection&) = nullptr;
  void (*at_end)(Connection&) = nullptr;
};

// Append only: a released migration is never edited, a change is a new entry.
// Every record-kind table has id, key, the kind's field columns, ext and
// provisional_deadlines; the
// columns must match the kind's declaration (checked by the kind tests).
const std::vector<Migration>& migrations() {
  static const std::vector<Migration> list = {
      // 1: journal, calendar, org units.
      {R"sql(
CREATE TABLE meta (
  name  TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;

CREATE TABLE journal (
  seq       INTEGER PRIMARY KEY,
  at        TEXT NOT NULL,
  actor     TEXT NOT NULL,
  kind      TEXT NOT NULL,
  key       TEXT NOT NULL,
  record_id INTEGER NOT NULL,
  op        TEXT NOT NULL,
  change    TEXT NOT NULL,
  hash      TEXT NOT NULL
) STRICT;
CREATE INDEX journal_record ON journal(kind, record_id, seq);

CREATE TABLE calendar_day (
  date          TEXT PRIMARY KEY,
  kind          TEXT NOT NULL CHECK (kind IN ('off', 'work')),
  holiday       TEXT NOT NULL,
  schedule_year INTEGER NOT NULL
) STRICT;

CREATE TABLE org_unit (
  id               INTEGER PRIMARY KEY,
  key              TEXT NOT NULL UNIQUE,
  name             TEXT NOT NULL,
  kind             TEXT NOT NULL,
  parent_id        INTEGER REFERENCES org_unit(id),
  active_from      TEXT,
  active_to        TEXT,
  requires_adviser INTEGER NOT NULL,
  ext              TEXT,
  path             TEXT NOT NULL DEFAULT '',   -- "/1/5/23/": ids from the root
  depth            INTEGER NOT NULL DEFAULT 0
) STRICT;
CREATE INDEX org_unit_path ON org_unit(path);
CREATE INDEX org_unit_parent ON org_unit(parent_id);
)sql"},
      // 2: findings, people's mediation, petitions, custom indicators.
      {R"sql(
CREATE TABLE finding (
  id        INTEGER PRIMARY KEY,
  kind      TEXT NOT NULL,
  record_id INTEGER NOT NULL,
  key       TEXT NOT NULL,
  unit_id   INTEGER REFERENCES org_unit(id),
  date      TEXT,
  rule      TEXT NOT NULL,
  severity  TEXT NOT NULL CHECK (severity IN ('error', 'warning')),
  message   TEXT NOT NULL,
  source    TEXT NOT NULL
) STRICT;
CREATE INDEX finding_record ON finding(kind, record_id);
CREATE INDEX finding_unit_date ON finding(unit_id, date);

CREATE TABLE mediation_committee (
  id          INTEGER PRIMARY KEY,
  key         TEXT NOT NULL UNIQUE,
  unit_id     INTEGER NOT NULL REFERENCES org_unit(id),
  name        TEXT NOT NULL,
  established TEXT,
  members     INTEGER,
  ext         TEXT
) STRICT;
CREATE INDEX mediation_committee_unit ON mediation_committee(unit_id, established);

CREATE TABLE mediation_case (
  id                      INTEGER PRIMARY KEY,
  key                     TEXT NOT NULL UNIQUE,
  committee_id            INTEGER REFERENCES mediation_committee(id),
  unit_id                 INTEGER NOT NULL REFERENCES org_unit(id),
  case_number             TEXT,
  received                TEXT NOT NULL,
  source                  TEXT,
  category                TEXT NOT NULL,
  parties                 TEXT,
  amount_fen              INTEGER,
  unnatural_death         INTEGER NOT NULL,
  mass_incident_risk      INTEGER NOT NULL,
  closed                  TEXT,
  outcome                 TEXT,
  agreement               TEXT,
  agreement_amount_fen    INTEGER,
  prevented_mass_incident INTEGER,
  prevented_criminal_case INTEGER,
  confirmation_date       TEXT,
  confirmation_court      TEXT,
  follow_up_date          TEXT,
  follow_up_performed     INTEGER,
  labour_deadline         TEXT,
  ext                     TEXT
) STRICT;
CREATE INDEX mediation_case_unit_received ON mediation_case(unit_id, received);
CREATE INDEX mediation_case_unit_closed ON mediation_case(unit_id, closed);
CREATE INDEX mediation_case_committee ON mediation_case(committee_id);

CREATE TABLE petition (
  id                 INTEGER PRIMARY KEY,
  key                TEXT NOT NULL UNIQUE,
  unit_id            INTEGER NOT NULL REFERENCES org_unit(id),
  received           TEXT NOT NULL,
  channel            TEXT,
  petitioners        TEXT,
  subject            TEXT,
  backlog            INTEGER NOT NULL,
  accepted           TEXT,
  declined           TEXT,
  decline_reason     TEXT,
  extended           TEXT,
  extension_days     INTEGER,
  concluded          TEXT,
  result             TEXT,
  funds_secured_fen  INTEGER,
  accept_deadline    TEXT,
  conclude_deadline  TEXT,
  ext                TEXT
) STRICT;
CREATE INDEX petition_unit_received ON petition(unit_id, received);
CREATE INDEX petition_unit_concluded ON petition(unit_id, concluded);

CREATE TABLE custom_indicator (
  code       TEXT PRIMARY KEY,
  label      TEXT NOT NULL,
  expression TEXT NOT NULL,
  measure    TEXT NOT NULL
) STRICT;
)sql"},
      // 3: legal advisers, training and legal education, leadership duties,
      // report narratives.
      {R"sql(
CREATE TABLE adviser (
  id             INTEGER PRIMARY KEY,
  key            TEXT NOT NULL UNIQUE,
  name           TEXT NOT NULL,
  firm           TEXT,
  license_number TEXT,
  type           TEXT,
  ext            TEXT
) STRICT;

CREATE TABLE adviser_engagement (
  id         INTEGER PRIMARY KEY,
  key        TEXT NOT NULL UNIQUE,
  adviser_id INTEGER NOT NULL REFERENCES adviser(id),
  unit_id    INTEGER NOT NULL REFERENCES org_unit(id),
  start      TEXT NOT NULL,
  end        TEXT,
  fee_fen    INTEGER,
  ext        TEXT
) STRICT;
CREATE INDEX adviser_engagement_unit ON adviser_engagement(unit_id, start);
CREATE INDEX adviser_engagement_adviser ON adviser_engagement(adviser_id, unit_id, start);

CREATE TABLE adviser_service (
  id            INTEGER PRIMARY KEY,
  key           TEXT NOT NULL UNIQUE,
  engagement_id INTEGER NOT NULL REFERENCES adviser_engagement(id),
  adviser_id    INTEGER NOT NULL REFERENCES adviser(id),
  unit_id       INTEGER NOT NULL REFERENCES org_unit(id),
  date          TEXT NOT NULL,
  kind          TEXT NOT NULL,
  hours         REAL NOT NULL,
  participants  INTEGER,
  on_site       INTEGER,
  topic         TEXT,
  ext           TEXT
) STRICT;
CREATE INDEX adviser_service_unit_date ON adviser_service(unit_id, date);
CREATE INDEX adviser_service_engagement ON adviser_service(engagement_id);

CREATE TABLE training_campaign (
  id                    INTEGER PRIMARY KEY,
  key                   TEXT NOT NULL UNIQUE,
  unit_id               INTEGER NOT NULL REFERENCES org_unit(id),
  title                 TEXT NOT NULL,
  kind                  TEXT NOT NULL,
  theme                 TEXT,
  laws                  TEXT,
  audience              TEXT,
  start                 TEXT NOT NULL,
  end                   TEXT,
  expected              INTEGER,
  attended              INTEGER,
  exam_taken            INTEGER,
  exam_passed           INTEGER,
  exam_excellent        INTEGER,
  materials_distributed INTEGER,
  ext                   TEXT
) STRICT;
CREATE INDEX training_campaign_unit_start ON training_campaign(unit_id, start);

CREATE TABLE legal_literate (
  id        INTEGER PRIMARY KEY,
  key       TEXT NOT NULL UNIQUE,
  unit_id   INTEGER NOT NULL REFERENCES org_unit(id),
  name      TEXT NOT NULL,
  trained   TEXT,
  certified INTEGER NOT NULL,
  ext       TEXT
) STRICT;
CREATE INDEX legal_literate_unit ON legal_literate(unit_id, trained);

CREATE TABLE leadership_activity (
  id      INTEGER PRIMARY KEY,
  key     TEXT NOT NULL UNIQUE,
  unit_id INTEGER NOT NULL REFERENCES org_unit(id),
  date    TEXT NOT NULL,
  kind    TEXT NOT NULL,
  leader  TEXT,
  topic   TEXT,
  ext     TEXT
) STRICT;
CREATE INDEX leadership_activity_unit_date ON leadership_activity(unit_id, date);

CREATE TABLE narrative (
  id         INTEGER PRIMARY KEY,
  key        TEXT NOT NULL UNIQUE,
  unit_id    INTEGER NOT NULL REFERENCES org_unit(id),
  year       INTEGER NOT NULL,
  section    TEXT NOT NULL,
  heading    TEXT,
  body       TEXT NOT NULL,
  sort_order INTEGER NOT NULL,
  ext        TEXT
) STRICT;
CREATE INDEX narrative_unit_year ON narrative(unit_id, year, section, sort_order);
)sql"},
      // 4: major decisions, normative documents, law enforcement and its
      // supervision, administrative litigation and reconsideration.
      {R"sql(
CREATE TABLE decision (
  id                            INTEGER PRIMARY KEY,
  key                           TEXT NOT NULL UNIQUE,
  unit_id                       INTEGER NOT NULL REFERENCES org_unit(id),
  title                         TEXT NOT NULL,
  catalog_year                  INTEGER,
  requires_public_participation INTEGER NOT NULL,
  requires_expert_argumentation INTEGER NOT NULL,
  requires_risk_assessment      INTEGER NOT NULL,
  urgent                        INTEGER NOT NULL,
  urgent_reason                 TEXT,
  participation_start           TEXT,
  participation_end             TEXT,
  participation_comments        INTEGER,
  hearing_held                  INTEGER,
  feedback_published            INTEGER,
  argumentation_date            TEXT,
  experts                       INTEGER,
  argumentation_conclusion      TEXT,
  risk_assessment_date          TEXT,
  risk_level                    TEXT,
  risk_conclusion               TEXT,
  review_submitted              TEXT,
  review_completed              TEXT,
  reviewer                      TEXT,
  review_result                 TEXT,
  review_opinion                TEXT,
  discussed                     TEXT,
  meeting                       TEXT,
  outcome                       TEXT,
  published                     TEXT,
  publication_channel           TEXT,
  archived                      TEXT,
  archive_items                 TEXT,
  archive_complete              INTEGER,
  implementation_reported       TEXT,
  implementation_findings       TEXT,
  post_evaluated                TEXT,
  post_evaluation_findings      TEXT,
  suspended                     TEXT,
  suspend_reason                TEXT,
  withdrawn                     TEXT,
  withdraw_reason               TEXT,
  status                        TEXT NOT NULL,
  ext                           TEXT
) STRICT;
CREATE INDEX decision_unit_discussed ON decision(unit_id, discussed);

CREATE TABLE normative_document (
  id               INTEGER PRIMARY KEY,
  key              TEXT NOT NULL UNIQUE,
  unit_id          INTEGER NOT NULL REFERENCES org_unit(id),
  doc_number       TEXT,
  title            TEXT NOT NULL,
  legality_review  TEXT,
  adopted          TEXT,
  published        TEXT,
  filed            TEXT,
  filed_with       TEXT,
  expires          TEXT,
  status           TEXT NOT NULL,
  review_completed TEXT,
  review_result    TEXT,
  filing_deadline  TEXT,
  ext              TEXT
) STRICT;
CREATE INDEX normative_document_unit_published ON normative_document(unit_id, published);

CREATE TABLE enforcement_officer (
  id                  INTEGER PRIMARY KEY,
  key                 TEXT NOT NULL UNIQUE,
  unit_id             INTEGER NOT NULL REFERENCES org_unit(id),
  name                TEXT NOT NULL,
  certificate_number  TEXT,
  certificate_issued  TEXT,
  certificate_expires TEXT,
  status              TEXT NOT NULL,
  ext                 TEXT
) STRICT;
CREATE INDEX enforcement_officer_unit ON enforcement_officer(unit_id, certificate_issued);

CREATE TABLE enforcement_action (
  id                 INTEGER PRIMARY KEY,
  key                TEXT NOT NULL UNIQUE,
  unit_id            INTEGER NOT NULL REFERENCES org_unit(id),
  title              TEXT,
  officers           TEXT,
  kind               TEXT NOT NULL,
  decided            TEXT NOT NULL,
  on_site            INTEGER NOT NULL,
  major              INTEGER NOT NULL,
  legal_review       TEXT,
  publicized         TEXT,
  recorded           INTEGER NOT NULL,
  recording_kind     TEXT,
  review_completed   TEXT,
  review_result      TEXT,
  publicity_deadline TEXT,
  ext                TEXT
) STRICT;
CREATE INDEX enforcement_action_unit_decided ON enforcement_action(unit_id, decided);

CREATE TABLE supervision_event (
  id                 INTEGER PRIMARY KEY,
  key                TEXT NOT NULL UNIQUE,
  unit_id            INTEGER NOT NULL REFERENCES org_unit(id),
  date               TEXT NOT NULL,
  kind               TEXT NOT NULL,
  topic              TEXT,
  problems_found     INTEGER,
  problems_corrected INTEGER,
  ext                TEXT
) STRICT;
CREATE INDEX supervision_event_unit_date ON supervision_event(unit_id, date);

CREATE TABLE lawsuit (
  id            INTEGER PRIMARY KEY,
  key           TEXT NOT NULL UNIQUE,
  unit_id       INTEGER NOT NULL REFERENCES org_unit(id),
  case_number   TEXT,
  kind          TEXT NOT NULL,
  filed         TEXT NOT NULL,
  concluded     TEXT,
  outcome       TEXT,
  head_appeared INTEGER,
  ext           TEXT
) STRICT;
CREATE INDEX lawsuit_unit_filed ON lawsuit(unit_id, filed);
CREATE INDEX lawsuit_unit_concluded ON lawsuit(unit_id, concluded);
)sql"},
      // 5: deadlines computed with the provisional holiday rule (a year without
      // a State Council schedule) are marked on the record and on its findings.
      {R"sql(
ALTER TABLE org_unit ADD COLUMN provisional_deadlines TEXT;
CREATE INDEX org_unit_provisional ON org_unit(id) WHERE provisional_deadlines IS NOT NULL;
ALTER TABLE mediation_committee ADD COLUMN provisional_deadlines TEXT;
CREATE INDEX mediation_committee_provisional ON mediation_committee(id) WHERE provisional_deadlines IS NOT NULL;
ALTER TABLE mediation_case ADD COLUMN provisional_deadlines TEXT;
CREATE INDEX mediation_case_provisional ON mediation_case(id) WHERE provisional_deadlines IS NOT NULL;
ALTER TABLE petition ADD COLUMN provisional_deadlines TEXT;
CREATE INDEX petition_provisional ON petition(id) WHERE provisional_deadlines IS NOT NULL;
ALTER TABLE adviser ADD COLUMN provisional_deadlines TEXT;
CREATE INDEX adviser_provisional ON adviser(id) WHERE provisional_deadlines IS NOT NULL;
ALTER TABLE adviser_engagement ADD COLUMN provisional_deadlines TEXT;
CREATE INDEX adviser_engagement_provisional ON adviser_engagement(id) WHERE provisional_deadlines IS NOT NULL;
ALTER TABLE adviser_service ADD COLUMN provisional_deadlines TEXT;
CREATE INDEX adviser_service_provisional ON adviser_service(id) WHERE provisional_deadlines IS NOT NULL;
ALTER TABLE training_campaign ADD COLUMN provisional_deadlines TEXT;
CREATE INDEX training_campaign_provisional ON training_campaign(id) WHERE provisional_deadlines IS NOT NULL;
ALTER TABLE legal_literate ADD COLUMN provisional_deadlines TEXT;
CREATE INDEX legal_literate_provisional ON legal_literate(id) WHERE provisional_deadlines IS NOT NULL;
ALTER TABLE leadership_activity ADD COLUMN provisional_deadlines TEXT;
CREATE INDEX leadership_activity_provisional ON leadership_activity(id) WHERE provisional_deadlines IS NOT NULL;
ALTER TABLE narrative ADD COLUMN provisional_deadlines TEXT;
CREATE INDEX narrative_provisional ON narrative(id) WHERE provisional_deadlines IS NOT NULL;
ALTER TABLE decision ADD COLUMN provisional_deadlines TEXT;
CREATE INDEX decision_provisional ON decision(id) WHERE provisional_deadlines IS NOT NULL;
ALTER TABLE normative_document ADD COLUMN provisional_deadlines TEXT;
CREATE INDEX normative_document_provisional ON normative_document(id) WHERE provisional_deadlines IS NOT NULL;
ALTER TABLE enforcement_officer ADD COLUMN provisional_deadlines TEXT;
CREATE INDEX enforcement_officer_provisional ON enforcement_officer(id) WHERE provisional_deadlines IS NOT NULL;
ALTER TABLE enforcement_action ADD COLUMN provisional_deadlines TEXT;
CREATE INDEX enforcement_action_provisional ON enforcement_action(id) WHERE provisional_deadlines IS NOT NULL;
ALTER TABLE supervision_event ADD COLUMN provisional_deadlines TEXT;
CREATE INDEX supervision_event_provisional ON supervision_event(id) WHERE provisional_deadlines IS NOT NULL;
ALTER TABLE lawsuit ADD COLUMN provisional_deadlines TEXT;
CREATE INDEX lawsuit_provisional ON lawsuit(id) WHERE provisional_deadlines IS NOT NULL;
ALTER TABLE finding ADD COLUMN provisional INTEGER NOT NULL DEFAULT 0;
)sql"},
      // 6: the lean journal (store/journal.hpp): actors, kinds, operations
      // and the change's field names as codes of journal_name, the time in
      // milliseconds, the change as MessagePack, the hash as bytes, the key
      // only where a reader needs it; the old entries converted
      // (convert_journal_to_v2) and meta journal_v2_from where rule 2 begins.
      // The index (kind, record_id) is ordered by seq within a record too:
      // seq is the rowid, which SQLite appends to every index entry.
      {R"sql(
CREATE TABLE journal_name (
  id   INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE
) STRICT;

CREATE TABLE journal_v2 (
  seq       INTEGER PRIMARY KEY,
  at        INTEGER NOT NULL,   -- ms since 1970-01-01T00:00:00Z
  actor     INTEGER NOT NULL REFERENCES journal_name(id),
  kind      INTEGER NOT NULL REFERENCES journal_name(id),
  op        INTEGER NOT NULL REFERENCES journal_name(id),
  record_id INTEGER NOT NULL,
  key       TEXT,               -- NULL: the record's first entry holds it
  change    ANY NOT NULL,       -- JSON text (converted entries) or MessagePack
  hash      BLOB NOT NULL       -- 32 bytes
) STRICT;
)sql",
       convert_journal_to_v2},
      // 7: legality review of documents other than decisions and normative
      // documents (合法性审查 of contracts, agreements, replies, ...).
      {R"sql(
CREATE TABLE legality_review (
  id                    INTEGER PRIMARY KEY,
  key                   TEXT NOT NULL UNIQUE,
  unit_id               INTEGER NOT NULL REFERENCES org_unit(id),
  reviewer_unit_id      INTEGER REFERENCES org_unit(id),
  reviewer_kind         TEXT NOT NULL,
  adviser_id            INTEGER REFERENCES adviser(id),
  document_kind         TEXT NOT NULL,
  title                 TEXT,
  submitted             TEXT,
  completed             TEXT,
  conclusion            TEXT,
  opinions              INTEGER,
  issues_found          INTEGER,
  issues_corrected      INTEGER,
  amount_fen            INTEGER,
  ext                   TEXT,
  provisional_deadlines TEXT
) STRICT;
CREATE INDEX legality_review_unit_completed ON legality_review(unit_id, completed);
CREATE INDEX legality_review_provisional ON legality_review(id) WHERE provisional_deadlines IS NOT NULL;
)sql"},
      // 8: a major decision's entry in the published catalogue of decisions
      // (决策事项目录), dated; catalogued and post-evaluated decisions by date.
      {R"sql(
ALTER TABLE decision ADD COLUMN catalogued TEXT;
CREATE INDEX decision_unit_catalogued ON decision(unit_id, catalogued);
CREATE INDEX decision_unit_post_evaluated ON decision(unit_id, post_evaluated);
)sql"},
      // 9: administrative reconsideration (行政复议, 行政复议法 as revised in
      // 2023) becomes a kind of its own, reconsideration_case, and lawsuit
      // keeps litigation only. Every lawsuit of kind 'reconsideration' moves
      // into the new table with its id and key: organ and respondent are the
      // lawsuit's unit (the only unit it named, and the one its figures were
      // counted under), received its filed date, category 'other'; a
      // conclusion becomes a decision with the same outcome, a settlement
      // ('settled') or a withdrawal ('withdrawn'). lawsuit is rebuilt with
      // AUTOINCREMENT first, so that no new lawsuit takes the id of a moved
      // one: the moved record's earlier journal entries stay under
      // ('lawsuit', id), as they were hashed, and are its history
      // (store/journal.hpp). The record's findings move with it; the step
      // domain::finish_moved_reconsiderations then computes its deadlines and
      // findings under the new kind's rules and journals the move.
      {R"sql(
CREATE TABLE reconsideration_case (
  id                    INTEGER PRIMARY KEY,
  key                   TEXT NOT NULL UNIQUE,
  unit_id               INTEGER NOT NULL REFERENCES org_unit(id),
  respondent_unit_id    INTEGER REFERENCES org_unit(id),
  respondent            TEXT,
  case_number           TEXT,
  received              TEXT NOT NULL,
  applicants            TEXT,
  category              TEXT NOT NULL,
  intake_point_id       INTEGER REFERENCES org_unit(id),
  simplified            INTEGER NOT NULL,
  accepted              TEXT,
  declined              TEXT,
  decline_reason        TEXT,
  extended              TEXT,
  extension_days        INTEGER,
  decided               TEXT,
  outcome               TEXT,
  settled               TEXT,
  settlement_kind       TEXT,
  withdrawn             TEXT,
  after_correction      INTEGER,
  accept_deadline       TEXT,
  decide_deadline       TEXT,
  concluded             TEXT,
  ext                   TEXT,
  provisional_deadlines TEXT
) STRICT;
CREATE INDEX reconsideration_case_unit_received ON reconsideration_case(unit_id, received);
CREATE INDEX reconsideration_case_unit_accepted ON reconsideration_case(unit_id, accepted);
CREATE INDEX reconsideration_case_unit_decided ON reconsideration_case(unit_id, decided);
CREATE INDEX reconsideration_case_unit_concluded ON reconsideration_case(unit_id, concluded);
CREATE INDEX reconsideration_case_provisional ON reconsideration_case(id) WHERE provisional_deadlines IS NOT NULL;

CREATE TABLE lawsuit_v9 (
  id                    INTEGER PRIMARY KEY AUTOINCREMENT,
  key                   TEXT NOT NULL UNIQUE,
  unit_id               INTEGER NOT NULL REFERENCES org_unit(id),
  case_number           TEXT,
  kind                  TEXT NOT NULL,
  filed                 TEXT NOT NULL,
  concluded             TEXT,
  outcome               TEXT,
  head_appeared         INTEGER,
  ext                   TEXT,
  provisional_deadlines TEXT
) STRICT;
INSERT INTO lawsuit_v9 (id, key, unit_id, case_number, kind, filed, concluded, outcome, head_appeared, ext,
                        provisional_deadlines)
  SELECT id, key, unit_id, case_number, kind, filed, concluded, outcome, head_appeared, ext, provisional_deadlines
  FROM lawsuit;

INSERT INTO reconsideration_case (id, key, unit_id, respondent_unit_id, case_number, received, category,
                                  simplified, decided, outcome, settled, withdrawn, ext)
  SELECT id, key, unit_id, unit_id, case_number, filed, 'other', 0,
         CASE WHEN outcome IS NULL OR outcome NOT IN ('settled', 'withdrawn') THEN concluded END,
         CASE WHEN outcome NOT IN ('settled', 'withdrawn') THEN outcome END,
         CASE WHEN outcome = 'settled' THEN concluded END,
         CASE WHEN outcome = 'withdrawn' THEN concluded END,
         ext
  FROM lawsuit WHERE kind = 'reconsideration';
CREATE TEMP TABLE moved_reconsideration (id INTEGER PRIMARY KEY);
INSERT INTO moved_reconsideration (id) SELECT id FROM reconsideration_case;
UPDATE finding SET kind = 'reconsideration_case'
  WHERE kind = 'lawsuit' AND record_id IN (SELECT id FROM moved_reconsideration);

DROP TABLE lawsuit;
ALTER TABLE lawsuit_v9 RENAME TO lawsuit;
DELETE FROM lawsuit WHERE kind = 'reconsideration';
CREATE INDEX lawsuit_unit_filed ON lawsuit(unit_id, filed);
CREATE INDEX lawsuit_unit_concluded ON lawsuit(unit_id, concluded);
CREATE INDEX lawsuit_provisional ON lawsuit(id) WHERE provisional_deadlines IS NOT NULL;
)sql",
       nullptr, domain::finish_moved_reconsiderations},
      // 10: enforcement detail — the field of enforcement (执法领域) and the
      // violation of every action; a licence's application date, type,
      // notify-commit (告知承诺) and promised working days, with the working
      // days it took and its promised last day computed from them.
      {R"sql(
ALTER TABLE enforcement_action ADD COLUMN domain TEXT;
ALTER TABLE enforcement_action ADD COLUMN violation TEXT;
ALTER TABLE enforcement_action ADD COLUMN applied TEXT;
ALTER TABLE enforcement_action ADD COLUMN license_type TEXT;
ALTER TABLE enforcement_action ADD COLUMN notify_commit INTEGER;
ALTER TABLE enforcement_action ADD COLUMN promised_days INTEGER;
ALTER TABLE enforcement_action ADD COLUMN processing_days INTEGER;
ALTER TABLE enforcement_action ADD COLUMN promised_deadline TEXT;
)sql"},
      // 11: the journal proves the records (store/journal.hpp). An entry
      // that changes a record carries the digest of the record's stored
      // state after it (domain/record_state.hpp), hashed with the entry; the
      // record index holds it too, so that verification reads each record's
      // latest state in one pass over the index. Keyed checkpoints of the
      // head go to journal_checkpoint. The step domain::seal_records then
      // journals one entry of op "seal" per record with the state it has now,
      // so that records journaled before carry a state as well.
      {R"sql(
ALTER TABLE journal ADD COLUMN state BLOB;
DROP INDEX journal_record;
CREATE INDEX journal_record ON journal(kind, record_id, state);

CREATE TABLE journal_checkpoint (
  seq   INTEGER PRIMARY KEY,  -- the head a keyed commit left
  first INTEGER NOT NULL,     -- the first entry it appended
  mac   BLOB NOT NULL         -- HMAC-SHA-256 of both and the head (store/journal.hpp)
) STRICT;
)sql",
       nullptr, domain::seal_records},
      // 12: the coordination of administrative disputes (行政争议协调化解):
      // cases and meetings, and the view of the agencies their records name
      // (one row per record and agency; ref lists hold keys), which the
      // indicator of distinct agencies counts.
      {R"sql(
CREATE TABLE coordination_case (
  id                    INTEGER PRIMARY KEY,
  key                   TEXT NOT NULL UNIQUE,
  unit_id               INTEGER NOT NULL REFERENCES org_unit(id),
  case_number           TEXT,
  title                 TEXT,
  received              TEXT NOT NULL,
  source                TEXT NOT NULL,
  lawsuit_id            INTEGER REFERENCES lawsuit(id),
  reconsideration_id    INTEGER REFERENCES reconsideration_case(id),
  agencies              TEXT,
  concluded             TEXT,
  outcome               TEXT,
  ext                   TEXT,
  provisional_deadlines TEXT
) STRICT;
CREATE INDEX coordination_case_unit_received ON coordination_case(unit_id, received);
CREATE INDEX coordination_case_unit_concluded ON coordination_case(unit_id, concluded);
CREATE INDEX coordination_case_lawsuit ON coordination_case(lawsuit_id);
CREATE INDEX coordination_case_reconsideration ON coordination_case(reconsideration_id);
CREATE INDEX coordination_case_provisional ON coordination_case(id) WHERE provisional_deadlines IS NOT NULL;

CREATE TABLE coordination_meeting (
  id                    INTEGER PRIMARY KEY,
  key                   TEXT NOT NULL UNIQUE,
  unit_id               INTEGER NOT NULL REFERENCES org_unit(id),
  date                  TEXT NOT NULL,
  topic                 TEXT,
  cases                 TEXT,
  agencies              TEXT,
  ext                   TEXT,
  provisional_deadlines TEXT
) STRICT;
CREATE INDEX coordination_meeting_unit_date ON coordination_meeting(unit_id, date);
CREATE INDEX coordination_meeting_provisional ON coordination_meeting(id) WHERE provisional_deadlines IS NOT NULL;

CREATE VIEW coordination_agency (unit_id, date, agency, kind, record_key) AS
  SELECT c.unit_id, c.received, a.value, 'coordination_case', c.key
    FROM coordination_case c JOIN json_each(c.agencies) a
  UNION ALL
  SELECT m.unit_id, m.date, a.value, 'coordination_meeting', m.key
    FROM coordination_meeting m JOIN json_each(m.agencies) a;
)sql"},
      // 13: normative documents: the filing authority's review (备案审查) and
      // the correction it calls for — documents filed before have neither —
      // and the cleanups of normative documents (规范性文件清理).
      {R"sql(
ALTER TABLE normative_document ADD COLUMN filing_reviewed TEXT;
ALTER TABLE normative_document ADD COLUMN filing_verdict TEXT;
ALTER TABLE normative_document ADD COLUMN filing_opinion TEXT;
ALTER TABLE normative_document ADD COLUMN corrected TEXT;
ALTER TABLE normative_document ADD COLUMN correction TEXT;
CREATE INDEX normative_document_unit_filing_reviewed ON normative_document(unit_id, filing_reviewed);
CREATE INDEX normative_document_unit_corrected ON normative_document(unit_id, corrected);

CREATE TABLE normative_cleanup (
  id                    INTEGER PRIMARY KEY,
  key                   TEXT NOT NULL UNIQUE,
  unit_id               INTEGER NOT NULL REFERENCES org_unit(id),
  date                  TEXT NOT NULL,
  scope                 TEXT NOT NULL,
  title                 TEXT NOT NULL,
  reviewed              INTEGER NOT NULL,
  kept                  INTEGER,
  amended               INTEGER,
  repealed              INTEGER,
  declared_invalid      INTEGER,
  ext                   TEXT,
  provisional_deadlines TEXT
) STRICT;
CREATE INDEX normative_cleanup_unit_date ON normative_cleanup(unit_id, date);
CREATE INDEX normative_cleanup_provisional ON normative_cleanup(id) WHERE provisional_deadlines IS NOT NULL;
)sql"},
      // 14: the open statutory deadlines (domain/due_dates.hpp): derived
      // from the records, like an index — never journaled, not part of a
      // record's proven state. The step domain::rebuild_due_dates computes
      // them for the records an older file holds.
      {R"sql(
CREATE TABLE due_date (
  kind         TEXT NOT NULL,
  record_id    INTEGER NOT NULL,
  rule         TEXT NOT NULL,
  key          TEXT NOT NULL,
  unit_id      INTEGER REFERENCES org_unit(id),
  due          TEXT NOT NULL,
  counted_from TEXT NOT NULL,
  lapses       INTEGER NOT NULL,  -- 1: leaves the alerts after its last day
  provisional  INTEGER NOT NULL,  -- 1: counted with the provisional holiday rule
  source       TEXT,              -- the statute, when not the declaration's
  PRIMARY KEY (kind, record_id, rule)
) STRICT, WITHOUT ROWID;
CREATE INDEX due_date_unit_due ON due_date(unit_id, due, lapses);
CREATE INDEX due_date_due ON due_date(due, key);
)sql",
       nullptr, domain::rebuild_due_dates},
      // 15: due_date keeps the deadlines that were met as well, with the day
      // they were met and the due date an extension moved, so that the
      // overdue items as of a period's last day and the items met late in it
      // (alerts.overdue, alerts.concluded_late) are counted from it. The open
      // rows (met IS NULL) lead both indexes the alerts read.
      {R"sql(
ALTER TABLE due_date ADD COLUMN met TEXT;         -- the day the duty was met; NULL while open
ALTER TABLE due_date ADD COLUMN moved_on TEXT;    -- the day an extension moved the due date
ALTER TABLE due_date ADD COLUMN due_before TEXT;  -- the due date before that
DROP INDEX due_date_unit_due;
DROP INDEX due_date_due;
CREATE INDEX due_date_unit_due ON due_date(unit_id, met, due, lapses);
CREATE INDEX due_date_due ON due_date(met, due, key);
)sql",
       nullptr, domain::rebuild_due_dates},
      // 16: names the host asks every document to mask (domain masked_name).
      {R"sql(
CREATE TABLE masked_name (
  id                    INTEGER PRIMARY KEY,
  key                   TEXT NOT NULL UNIQUE,
  name                  TEXT NOT NULL,
  note                  TEXT,
  ext                   TEXT,
  provisional_deadlines TEXT
) STRICT;
)sql"},
      // 17: the host's statistics forms (forms/form_store.hpp), journaled
      // as records of kind "form" like custom indicators.
      {R"sql(
CREATE TABLE form (
  code       TEXT PRIMARY KEY,
  definition TEXT NOT NULL  -- the canonical JSON of the definition
) STRICT;
)sql"},
  };
  return list;
}

int read_int_pragma(Connection& conn, const char* pragma) {
  SQLite::Statement q(conn.db(), std::string("PRAGMA ") + pragma);
  return q.executeStep() ? q.getColumn(0).getInt() : 0;
}

}  // namespace

int schema_version() { return static_cast<int>(migrations().size()); }

void prepare_schema(Connection& conn, const std::function<void(Connection&)>& migrated) {
  try {
    // The first read also tells garbage from SQLite: it fails with NOTADB.
    int app = read_int_pragma(conn, "application_id");
    int version = read_int_pragma(conn, "user_version");
    if (app == kApplicationId && version == schema_version()) return;

    if (app != kApplicationId) {
      SQLite::Statement q(conn.db(), "SELECT count(*) FROM sqlite_schema");
      q.executeStep();
      if (app != 0 || version != 0 || q.getColumn(0).getInt() != 0)
        throw Error(Status::corrupt, "not a fazhi database (another application's SQLite file)");
    }
    if (version > schema_version())
      throw Error(Status::version,
                  "database schema version " + std::to_string(version) +
                      " was written by a newer fazhi; this build knows up to " +
                      std::to_string(schema_version()));
    if (conn.read_only())
      throw Error(Status::io, "database needs schema migration but was opened read_only");

    // Re-check inside the write lock: another process may have migrated it.
    conn.exec("BEGIN IMMEDIATE");
    try {
      version = read_int_pragma(conn, "user_version");
      app = read_int_pragma(conn, "application_id");
      if (version > schema_version())
        throw Error(Status::version, "database was written by a newer fazhi");
      if (app != 0 && app != kApplicationId)
        throw Error(Status::corrupt, "not a fazhi database");
      for (int v = version; v < schema_version(); ++v) {
        const Migration& m = migrations()[static_cast<std::size_t>(v)];
        conn.exec(m.sql);
        if (m.then) m.then(conn);
      }
      // A step two migrations name (the due dates' rebuild) runs once.
      for (int v = version; v < schema_version(); ++v) {
        const auto at_end = migrations()[static_cast<std::size_t>(v)].at_end;
        bool again_later = false;
        for (int w = v + 1; w < schema_version(); ++w)
          if (migrations()[static_cast<std::size_t>(w)].at_end == at_end) again_later = true;
        if (at_end && !again_later) at_end(conn);
      }
      if (migrated) migrated(conn);
      conn.exec("PRAGMA application_id = " + std::to_string(kApplicationId));
      conn.exec("PRAGMA user_version = " + std::to_string(schema_version()));
      conn.exec("COMMIT");
    } catch (...) {
      try {
        conn.exec("ROLLBACK");
      } catch (...) {
      }
      throw;
    }
  } catch (const Error&) {
    throw;
  } catch (const SQLite::Exception&) {
    rethrow_as_fazhi("opening database");
  }
}

}  // namespace fazhi::store
