/*
 * concurrent_writer — a C99 host process for the two_process_append test.
 *
 *   concurrent_writer init  FILE
 *       creates FILE with the root unit "root".
 *   concurrent_writer write FILE PREFIX N [GATE]
 *       opens FILE (busy timeout 30 s), creates GATE.ready.PREFIX, waits for
 *       GATE to exist (when given), then puts N org units "PREFIX-<i>" under
 *       "root", one fz_put (one transaction) each.
 *   concurrent_writer check FILE N1 N2
 *       checks that "root", a-0..a-(N1-1) and b-0..b-(N2-1) all exist, that
 *       the root's subtree totals 1 + N1 + N2, and that the journal verifies
 *       with exactly 1 + N1 + N2 entries, and that the two writers' records
 *       interleave in id order (they really wrote at the same time).
 *
 * Exits 0 on success, 1 with a message on stderr otherwise.
 */
#define _POSIX_C_SOURCE 200809L

#include <fazhi/fazhi.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static const char *kOpenOptions = "{\"busy_timeout_ms\": 30000, \"actor\": \"writer\"}";

static int fail(const char *what, fz_status st) {
  fprintf(stderr, "concurrent_writer: %s: status %d: %s\n", what, (int)st, fz_last_error());
  return 1;
}

static int parse_count(const char *text, long *out) {
  char *end = NULL;
  long v = strtol(text, &end, 10);
  if (end == text || *end != '\0' || v < 0 || v > 1000000) return 0;
  *out = v;
  return 1;
}

static void sleep_ms(long ms) {
  struct timespec ts;
  ts.tv_sec = ms / 1000;
  ts.tv_nsec = (ms % 1000) * 1000000L;
  nanosleep(&ts, NULL);
}

static int file_exists(const char *path) {
  FILE *f = fopen(path, "rb");
  if (f == NULL) return 0;
  fclose(f);
  return 1;
}

static int do_init(const char *path) {
  fz_db *db = NULL;
  fz_status st = fz_open(path, kOpenOptions, &db);
  if (st != FZ_OK) return fail("open", st);
  st = fz_put(db, "org_unit",
              "{\"code\": \"root\", \"name\": \"某县人民政府\", \"kind\": \"government\"}", NULL);
  if (st != FZ_OK) return fail("put root", st);
  st = fz_close(db);
  if (st != FZ_OK) return fail("close", st);
  return 0;
}

static int do_write(const char *path, const char *prefix, long n, const char *gate) {
  fz_db *db = NULL;
  char record[256], ready[4096];
  long i;
  fz_status st = fz_open(path, kOpenOptions, &db);
  if (st != FZ_OK) return fail("open", st);
  if (gate != NULL) {
    FILE *f;
    int waited = 0;
    snprintf(ready, sizeof ready, "%s.ready.%s", gate, prefix);
    f = fopen(ready, "wb");
    if (f == NULL) {
      fprintf(stderr, "concurrent_writer: cannot create %s\n", ready);
      return 1;
    }
    fclose(f);
    while (!file_exists(gate)) {
      if (++waited > 20000) {
        fprintf(stderr, "concurrent_writer: gate %s never opened\n", gate);
        return 1;
      }
      sleep_ms(1);
    }
  }
  for (i = 0; i < n; ++i) {
    int64_t id = -1;
    snprintf(record, sizeof record,
             "{\"code\": \"%s-%ld\", \"name\": \"第%ld村\", \"kind\": \"village\", "
             "\"parent\": \"root\"}",
             prefix, i, i);
    st = fz_put(db, "org_unit", record, &id);
    if (st != FZ_OK) {
      fprintf(stderr, "concurrent_writer %s: put %s-%ld failed\n", prefix, prefix, i);
      return fail("put", st);
    }
    if (id <= 0) {
      fprintf(stderr, "concurrent_writer %s: put %s-%ld gave id %ld\n", prefix, prefix, i,
              (long)id);
      return 1;
    }
    /* A host does other work between records. Without a pause the writer
       holding the lock would take it again at once while the other one sleeps
       in SQLite's busy handler, and the "concurrent" run would be two runs one
       after the other. */
    sleep_ms(1);
  }
  st = fz_close(db);
  if (st != FZ_OK) return fail("close", st);
  return 0;
}

static int contains(const char *haystack, const char *needle) {
  return haystack != NULL && strstr(haystack, needle) != NULL;
}

static int do_check(const char *path, long n1, long n2) {
  fz_db *db = NULL;
  char *json = NULL, key[64], expect[64];
  const char *prefixes[2] = {"a", "b"};
  long counts[2], i, alternations = 0;
  int p, errors = 0;
  char last = 0;
  const char *cursor;
  fz_status st = fz_open(path, "{\"read_only\": true}", &db);
  counts[0] = n1;
  counts[1] = n2;
  if (st != FZ_OK) return fail("open", st);

  st = fz_get(db, "org_unit", "root", &json);
  if (st != FZ_OK) return fail("get root", st);
  fz_free(json);
  for (p = 0; p < 2; ++p) {
    for (i = 0; i < counts[p]; ++i) {
      json = NULL;
      snprintf(key, sizeof key, "%s-%ld", prefixes[p], i);
      st = fz_get(db, "org_unit", key, &json);
      if (st != FZ_OK) {
        fprintf(stderr, "concurrent_writer check: %s missing: status %d: %s\n", key, (int)st,
                fz_last_error());
        if (++errors > 20) return 1;
        continue;
      }
      if (!contains(json, "\"parent\":\"root\"")) {
        fprintf(stderr, "concurrent_writer check: %s has no parent root: %s\n", key, json);
        ++errors;
      }
      fz_free(json);
    }
  }

  json = NULL;
  st = fz_list(db, "org_unit", "{\"unit\": \"root\", \"subtree\": true, \"limit\": 0}", &json);
  if (st != FZ_OK) return fail("list", st);
  snprintf(expect, sizeof expect, "\"total\":%ld", 1 + n1 + n2);
  if (!contains(json, expect)) {
    fprintf(stderr, "concurrent_writer check: expected %s in %s\n", expect, json);
    ++errors;
  }
  fz_free(json);

  json = NULL;
  st = fz_journal_verify(db, &json);
  if (st != FZ_OK) return fail("journal_verify", st);
  snprintf(expect, sizeof expect, "\"entries\":%ld", 1 + n1 + n2);
  if (!contains(json, "\"ok\":true") || !contains(json, expect)) {
    fprintf(stderr, "concurrent_writer check: expected ok and %s: %s\n", expect, json);
    ++errors;
  }
  fz_free(json);

  /* The two writers' records interleave in id order: at least a..b..a (or
     b..a..b), else the writers did not actually run at the same time. */
  json = NULL;
  st = fz_list(db, "org_unit", "{\"where\": {\"kind\": \"village\"}}", &json);
  if (st != FZ_OK) return fail("list villages", st);
  for (cursor = strstr(json, "\"key\":\""); cursor != NULL;
       cursor = strstr(cursor + 7, "\"key\":\"")) {
    char c = cursor[7];
    if (last != 0 && c != last) ++alternations;
    last = c;
  }
  fz_free(json);
  printf("concurrent_writer check: %ld units, writers alternated %ld times in id order\n",
         1 + n1 + n2, alternations);
  if (n1 > 0 && n2 > 0 && alternations < 2) {
    fprintf(stderr, "concurrent_writer check: the writers did not interleave (%ld)\n",
            alternations);
    ++errors;
  }

  st = fz_close(db);
  if (st != FZ_OK) return fail("close", st);
  return errors == 0 ? 0 : 1;
}

static int usage(void) {
  fprintf(stderr,
          "usage: concurrent_writer init FILE\n"
          "       concurrent_writer write FILE PREFIX N [GATE]\n"
          "       concurrent_writer check FILE N1 N2\n");
  return 2;
}

int main(int argc, char **argv) {
  long n1, n2;
  if (argc == 3 && strcmp(argv[1], "init") == 0) return do_init(argv[2]);
  if ((argc == 5 || argc == 6) && strcmp(argv[1], "write") == 0 && parse_count(argv[4], &n1))
    return do_write(argv[2], argv[3], n1, argc == 6 ? argv[5] : NULL);
  if (argc == 5 && strcmp(argv[1], "check") == 0 && parse_count(argv[3], &n1) &&
      parse_count(argv[4], &n2))
    return do_check(argv[2], n1, n2);
  return usage();
}
