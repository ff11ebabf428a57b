/* c_consumer — a C99 host of the installed libfazhi.so: checks that the
 * header and the library agree on the version, then stores and reads back one
 * record. Prints "c_consumer ok <version>" and exits 0 on success. */
#include <fazhi/fazhi.h>

#include <stdio.h>
#include <string.h>

static int fail(const char *what, fz_status st) {
  fprintf(stderr, "c_consumer: %s failed (%d): %s\n", what, (int)st, fz_last_error());
  return 1;
}

int main(void) {
  fz_db *db = NULL;
  int64_t id = 0;
  char *json = NULL;
  fz_status st;

  if (fz_version_number() != FZ_VERSION_NUMBER) {
    fprintf(stderr, "c_consumer: header %d, library %d\n", FZ_VERSION_NUMBER,
            (int)fz_version_number());
    return 1;
  }
  st = fz_open(":memory:", NULL, &db);
  if (st != FZ_OK) return fail("fz_open", st);
  st = fz_put(db, "org_unit",
              "{\"code\": \"c-unit\", \"name\": \"测试单位\", \"kind\": \"department\","
              " \"active_from\": \"2022-01-01\"}",
              &id);
  if (st != FZ_OK) return fail("fz_put", st);
  st = fz_get(db, "org_unit", "c-unit", &json);
  if (st != FZ_OK) return fail("fz_get", st);
  if (strstr(json, "测试单位") == NULL) {
    fprintf(stderr, "c_consumer: unexpected record %s\n", json);
    return 1;
  }
  fz_free(json);
  st = fz_close(db);
  if (st != FZ_OK) return fail("fz_close", st);
  printf("c_consumer ok %s\n", fz_version());
  return 0;
}
