#!/bin/sh
# diglot check on a healthy, an index-damaged, a miscounted and a
# truncated library; --repair mends what derives from the articles.
. "$top_srcdir/tests/lib.sh"

command -v python3 >/dev/null || { echo "python3 (sqlite3 module) not found: skipped"; exit 77; }
lib=$T/lib.db
expect_status "import samples" 0 "$DIGLOT" --db "$lib" import "$top_srcdir/data/samples"

expect_status "healthy" 0 "$DIGLOT" --db "$lib" check
expect_eq "healthy output" "$(cat "$T/out")" "$lib: ok"
expect_eq "healthy quiet" "$(cat "$T/err")" ""
expect_status "check extra argument" 2 "$DIGLOT" --db "$lib" check now

# Damage what the store derives from the articles, behind its back: a
# segment of the search index goes, two counts go wrong.
python3 - "$lib" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
db.execute("DELETE FROM article_fts_data WHERE id = (SELECT max(id) FROM article_fts_data)")
db.execute("UPDATE grp SET total = total + 5 WHERE kind = 'all'")
db.execute("UPDATE grp SET unread = unread - 1 WHERE kind = 'lang' AND name = 'fr'")
db.commit()
PY
expect_status "damaged" 1 "$DIGLOT" --db "$lib" check
expect_eq "damaged output" "$(cat "$T/out")" "search index: does not match the articles (database disk image is malformed)
counts: all: stored 23 articles (18 unread), counted 18 (18 unread)
counts: lang 'fr': stored 2 articles (1 unread), counted 2 (2 unread)
$lib: 3 problems"
expect_eq "damaged hint" "$(cat "$T/err")" "diglot: $lib: 'diglot check --repair' rebuilds the search index and the counts"

expect_status "repair" 0 "$DIGLOT" --db "$lib" check --repair
expect_eq "repair output" "$(tail -n 2 "$T/out")" "repaired: search index rebuilt, counts recounted; checking again
$lib: ok (repaired)"
expect_status "after repair" 0 "$DIGLOT" --db "$lib" check
expect_eq "search works again" "$("$DIGLOT" --db "$lib" search 大桥 --format tsv | cut -f1 | sort -n | tr '\n' ' ')" "id 15 16 17 18 "
expect_eq "counts right again" "$("$DIGLOT" --db "$lib" langs | grep '^fr')" "fr	2	2"

# A truncated file cannot even be opened: said, with what to do.
cp "$lib" "$T/trunc.db"
size=$(wc -c <"$T/trunc.db")
python3 -c "import os, sys; os.truncate(sys.argv[1], int(sys.argv[2]) // 2)" "$T/trunc.db" "$size"
expect_status "truncated" 1 "$DIGLOT" --db "$T/trunc.db" check
expect_match "truncated names the file" "$(cat "$T/err")" "^diglot: cannot open $T/trunc.db: database disk image is malformed$"
expect_match "truncated says what to do" "$(cat "$T/err")" "^diglot: $T/trunc.db: cannot be checked or repaired in place"

done_testing
