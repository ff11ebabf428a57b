/*
 * print_success_rate — the C ABI in one page: open a database, import the
 * Yangxin 2022 sample data, print one indicator.
 *
 *   print_success_rate examples/yangxin-2022
 *   调解成功率 98.5% (132/134)
 *
 * The directory's import_order.txt names the NDJSON files to import, one per
 * line, in order (parents before the records that name them); names that do
 * not exist (yet) are skipped. C99; links libfazhi.so only.
 */
#include <fazhi/fazhi.h>

#include <ctype.h>
#include <stdio.h>
#include <string.h>

/* Prints the failed call and fazhi's message (which names the field or rule). */
static int fail(const char *what, fz_status status) {
  fprintf(stderr, "print_success_rate: %s: error %d: %s\n", what, (int)status,
          fz_last_error());
  return 1;
}

/* Strips trailing whitespace (including a CR) in place. */
static void chomp(char *s) {
  size_t n = strlen(s);
  while (n > 0 && isspace((unsigned char)s[n - 1])) s[--n] = '\0';
}

/* Imports every file import_order.txt in dir names. Returns 0 on success. */
static int import_sample(fz_db *db, const char *dir) {
  char path[4096];
  char name[256];
  FILE *order;

  if (snprintf(path, sizeof path, "%s/import_order.txt", dir) >= (int)sizeof path) {
    fprintf(stderr, "print_success_rate: directory name too long\n");
    return 1;
  }
  order = fopen(path, "r");
  if (order == NULL) {
    perror(path);
    return 1;
  }
  while (fgets(name, sizeof name, order) != NULL) {
    FILE *probe;
    char *summary = NULL;
    fz_status status;

    chomp(name);
    if (name[0] == '\0' || name[0] == '#') continue;
    if (snprintf(path, sizeof path, "%s/%s", dir, name) >= (int)sizeof path) continue;
    probe = fopen(path, "r");
    if (probe == NULL) continue; /* listed, but not part of the sample yet */
    fclose(probe);

    /* options NULL: strict mode, the database's actor, 1000 lines a batch. */
    status = fz_import_file(db, path, NULL, &summary);
    if (status != FZ_OK) {
      fclose(order);
      return fail(path, status);
    }
    /* {"read": n, "inserted": n, ..., "rejected": n, "errors": [...]} */
    fprintf(stderr, "%s: %s\n", name, summary);
    fz_free(summary);
  }
  fclose(order);
  return 0;
}

int main(int argc, char **argv) {
  fz_db *db = NULL;
  fz_value rate;
  fz_status status;
  int rc;

  if (argc != 2) {
    fprintf(stderr, "usage: %s SAMPLE_DIR\n", argv[0]);
    return 2;
  }

  status = fz_open(":memory:", NULL, &db);
  if (status != FZ_OK) return fail("fz_open", status);

  rc = import_sample(db, argv[1]);
  if (rc == 0) {
    /* The zone and every unit below it, calendar year 2022. */
    status = fz_indicator(db, "mediation.success_rate", "yx-kfq", "2022", NULL, &rate);
    if (status != FZ_OK) {
      rc = fail("fz_indicator", status);
    } else if (rate.status != 0) {
      printf("调解成功率 无数据 (0/0)\n"); /* no concluded case: no rate */
    } else {
      printf("调解成功率 %.1f%% (%.0f/%.0f)\n", rate.value, rate.numerator,
             rate.denominator);
    }
  }
  fz_close(db);
  return rc;
}
