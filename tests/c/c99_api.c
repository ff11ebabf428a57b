/*
 * c99_api — a plain C99 host program (compiled with -std=c99 -pedantic
 * -Werror) that walks a real flow through fazhi.h: version, open, org units
 * with Chinese names, get, list of a subtree, patch, a refused put, the
 * journal, the working-day calendar, labels, close. Every returned string is
 * released with fz_free. Any failed check prints a message and exits 1.
 */
#include <fazhi/fazhi.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int failures = 0;

#define CHECK(cond, ...)                                              \
  do {                                                                \
    if (!(cond)) {                                                    \
      fprintf(stderr, "%s:%d: check failed: %s\n  ", __FILE__,        \
              __LINE__, #cond);                                       \
      fprintf(stderr, __VA_ARGS__);                                   \
      fprintf(stderr, "\n  fz_last_error: \"%s\"\n", fz_last_error()); \
      ++failures;                                                     \
    }                                                                 \
  } while (0)

/* A call that must succeed; on failure the flow cannot go on. */
#define MUST(call)                                                        \
  do {                                                                    \
    fz_status st_ = (call);                                               \
    if (st_ != FZ_OK) {                                                   \
      fprintf(stderr, "%s:%d: %s returned %d: %s\n", __FILE__, __LINE__,  \
              #call, (int)st_, fz_last_error());                          \
      exit(1);                                                            \
    }                                                                     \
    CHECK(fz_last_error()[0] == '\0', "fz_last_error must be \"\" after a " \
          "successful %s", #call);                                        \
  } while (0)

static int contains(const char *haystack, const char *needle) {
  return haystack != NULL && strstr(haystack, needle) != NULL;
}

int main(void) {
  fz_db *db = NULL;
  char *json = NULL;
  int64_t id_root = 0, id_v1 = 0, id_v2 = 0, id_bad = -12345;
  char expected_version[32];
  char date[11];
  int32_t n = 0, working = -1;
  fz_status st;

  /* Version: the string and number agree with the header's macros. */
  snprintf(expected_version, sizeof expected_version, "%d.%d.%d", FZ_VERSION_MAJOR,
           FZ_VERSION_MINOR, FZ_VERSION_PATCH);
  CHECK(strcmp(fz_version(), expected_version) == 0, "fz_version() = \"%s\", header says %s",
        fz_version(), expected_version);
  CHECK(fz_version_number() == FZ_VERSION_NUMBER, "fz_version_number() = %ld, header says %ld",
        (long)fz_version_number(), (long)FZ_VERSION_NUMBER);
  CHECK(FZ_VERSION_NUMBER ==
            FZ_VERSION_MAJOR * 1000000 + FZ_VERSION_MINOR * 1000 + FZ_VERSION_PATCH,
        "FZ_VERSION_NUMBER formula");

  MUST(fz_open(":memory:", NULL, &db));
  CHECK(db != NULL, "fz_open gave no handle");

  /* A zone committee with two villages below it. */
  MUST(fz_put(db, "org_unit",
              "{\"code\": \"kfq\", \"name\": \"高新技术产业开发区管委会\", "
              "\"kind\": \"zone_committee\"}",
              &id_root));
  MUST(fz_put(db, "org_unit",
              "{\"code\": \"dongfeng\", \"name\": \"东风村\", \"kind\": \"village\", "
              "\"parent\": \"kfq\"}",
              &id_v1));
  MUST(fz_put(db, "org_unit",
              "{\"code\": \"hongqi\", \"name\": \"红旗村\", \"kind\": \"village\", "
              "\"parent\": \"kfq\", \"active_from\": \"2021-03-01\"}",
              &id_v2));
  CHECK(id_root > 0 && id_v1 > 0 && id_v2 > 0, "ids %ld %ld %ld must be positive",
        (long)id_root, (long)id_v1, (long)id_v2);
  CHECK(id_root != id_v1 && id_v1 != id_v2 && id_root != id_v2, "ids must be distinct");

  /* Get: the record comes back with its Chinese name, key and parent. */
  json = NULL;
  MUST(fz_get(db, "org_unit", "dongfeng", &json));
  CHECK(contains(json, "\"name\":\"东风村\""), "fz_get: %s", json ? json : "(null)");
  CHECK(contains(json, "\"key\":\"dongfeng\""), "fz_get: %s", json ? json : "(null)");
  CHECK(contains(json, "\"parent\":\"kfq\""), "fz_get: %s", json ? json : "(null)");
  CHECK(contains(json, "\"kind\":\"village\""), "fz_get: %s", json ? json : "(null)");
  CHECK(contains(json, "\"requires_adviser\":true"), "default requires_adviser: %s",
        json ? json : "(null)");
  fz_free(json);

  /* The root's subtree is all three units. */
  json = NULL;
  MUST(fz_list(db, "org_unit", "{\"unit\": \"kfq\", \"subtree\": true}", &json));
  CHECK(contains(json, "\"total\":3"), "fz_list subtree: %s", json ? json : "(null)");
  CHECK(contains(json, "高新技术产业开发区管委会") && contains(json, "东风村") &&
            contains(json, "红旗村"),
        "fz_list subtree: %s", json ? json : "(null)");
  fz_free(json);

  /* A village's subtree is itself. */
  json = NULL;
  MUST(fz_list(db, "org_unit", "{\"unit\": \"hongqi\", \"subtree\": true}", &json));
  CHECK(contains(json, "\"total\":1"), "fz_list village subtree: %s", json ? json : "(null)");
  fz_free(json);

  /* Patch: the village becomes a community. */
  MUST(fz_patch(db, "org_unit", "hongqi", "{\"name\": \"红旗社区\", \"kind\": \"community\"}"));
  json = NULL;
  MUST(fz_get(db, "org_unit", "hongqi", &json));
  CHECK(contains(json, "\"name\":\"红旗社区\""), "after patch: %s", json ? json : "(null)");
  CHECK(contains(json, "\"kind\":\"community\""), "after patch: %s", json ? json : "(null)");
  CHECK(contains(json, "\"active_from\":\"2021-03-01\""), "patch kept other fields: %s",
        json ? json : "(null)");
  fz_free(json);

  /* A typo in a field name is refused, named, and leaves out_id alone. */
  st = fz_put(db, "org_unit",
              "{\"code\": \"xinmin\", \"name\": \"新民村\", \"kind\": \"village\", "
              "\"parent\": \"kfq\", \"parnet_note\": \"typo\"}",
              &id_bad);
  CHECK(st == FZ_E_ARGUMENT, "unknown field: status %d, expected FZ_E_ARGUMENT", (int)st);
  CHECK(contains(fz_last_error(), "parnet_note"), "the message must name the field: \"%s\"",
        fz_last_error());
  CHECK(id_bad == -12345, "out_id changed to %ld on failure", (long)id_bad);
  json = (char *)"untouched";
  st = fz_get(db, "org_unit", "xinmin", &json);
  CHECK(st == FZ_E_NOT_FOUND, "the refused unit must not exist: status %d", (int)st);
  CHECK(strcmp(json, "untouched") == 0, "out_json changed on failure");

  /* Journal: three creations and one patch, intact. */
  json = NULL;
  MUST(fz_journal_verify(db, &json));
  CHECK(contains(json, "\"ok\":true"), "fz_journal_verify: %s", json ? json : "(null)");
  CHECK(contains(json, "\"entries\":4"), "fz_journal_verify: %s", json ? json : "(null)");
  CHECK(contains(json, "\"first_bad\":null"), "fz_journal_verify: %s", json ? json : "(null)");
  fz_free(json);

  /* The head, recorded, then proven on the chain with the records. */
  json = NULL;
  MUST(fz_journal_head(db, &json));
  CHECK(contains(json, "\"seq\":4"), "fz_journal_head: %s", json ? json : "(null)");
  {
    char options[256];
    char *verified = NULL;
    snprintf(options, sizeof options, "{\"head\": %s, \"kind\": \"org_unit\"}", json);
    MUST(fz_journal_verify_with(db, options, &verified));
    CHECK(contains(verified, "\"ok\":true") && contains(verified, "\"checked\":3"),
          "fz_journal_verify_with: %s", verified ? verified : "(null)");
    fz_free(verified);
  }
  fz_free(json);

  json = NULL;
  MUST(fz_history(db, "org_unit", "hongqi", &json));
  CHECK(contains(json, "\"op\":\"create\"") && contains(json, "\"op\":\"patch\""),
        "fz_history: %s", json ? json : "(null)");
  fz_free(json);

  /* Calendar: National Day 2023 (Sep 29 - Oct 6 off, Oct 7 and 8 worked). */
  memset(date, 'X', sizeof date);
  MUST(fz_calendar_add_working_days(db, "2023-09-28", 1, date));
  CHECK(memcmp(date, "2023-10-07", 11) == 0, "2023-09-28 + 1 working day = %.10s",
        date);
  MUST(fz_calendar_add_working_days(db, "2023-10-07", -1, date));
  CHECK(memcmp(date, "2023-09-28", 11) == 0, "2023-10-07 - 1 working day = %.10s",
        date);
  n = -999;
  MUST(fz_calendar_working_days_between(db, "2023-09-28", "2023-10-08", &n));
  CHECK(n == 2, "working days in (2023-09-28, 2023-10-08] = %ld, expected 2", (long)n);
  n = -999;
  MUST(fz_calendar_working_days_between(db, "2023-10-08", "2023-09-28", &n));
  CHECK(n == -2, "reversed = %ld, expected -2", (long)n);
  n = -999;
  MUST(fz_calendar_working_days_between(db, "2023-01-01", "2023-12-31", &n));
  CHECK(n == 249, "working days of 2023 = %ld, expected 249", (long)n);
  /* 2024-02-04 is a Sunday worked before the Spring Festival. */
  working = -1;
  MUST(fz_calendar_is_working_day(db, "2024-02-04", &working));
  CHECK(working == 1, "2024-02-04 working = %ld, expected 1", (long)working);
  working = -1;
  MUST(fz_calendar_is_working_day(db, "2024-02-12", &working));
  CHECK(working == 0, "2024-02-12 (春节) working = %ld, expected 0", (long)working);

  /* Labels in Chinese. */
  json = NULL;
  MUST(fz_labels(db, "org_unit.kind", &json));
  CHECK(contains(json, "\"village\":\"村\""), "fz_labels org_unit.kind: %s",
        json ? json : "(null)");
  CHECK(contains(json, "\"zone_committee\":\"管委会\""), "fz_labels org_unit.kind: %s",
        json ? json : "(null)");
  fz_free(json);
  json = NULL;
  MUST(fz_labels(db, "kinds", &json));
  CHECK(contains(json, "\"org_unit\":\"单位\""), "fz_labels kinds: %s", json ? json : "(null)");
  fz_free(json);

  fz_free(NULL);
  MUST(fz_close(db));
  MUST(fz_close(NULL));

  if (failures != 0) {
    fprintf(stderr, "c99_api: %d check(s) failed\n", failures);
    return 1;
  }
  printf("c99_api: all checks passed\n");
  return 0;
}
