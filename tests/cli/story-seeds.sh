#!/bin/sh
# The acceptance test of story linking: the five seed articles
# (../shared/seeds: one event reported in zh+en, en, it, fr, fr) form one
# story, and none of the bundled samples joins it, in either import order.
. "$top_srcdir/tests/lib.sh"

S=$(seeds_dir) || { echo "seed articles not found (set DIGLOT_SEEDS)"; exit 77; }

seed_story() {
	"$DIGLOT" list --format json | python3 -c '
import json, sys
rows = [json.loads(l) for l in sys.stdin]
seeds = {r["story"] for r in rows if "/seeds/" in r["path"]}
print(len(seeds), "story" if None not in seeds else "unlinked")
print(sum(1 for r in rows if "/seeds/" not in r["path"] and r["story"] in seeds))'
}

expect_status "seeds then samples" 0 "$DIGLOT" import "$S" "$top_srcdir/data/samples"
expect_eq "one story, no sample in it" "$(seed_story)" "1 story
0"
id=$("$DIGLOT" list --format json | python3 -c '
import json, sys
print([json.loads(l) for l in sys.stdin if "/seeds/" in json.loads(l)["path"]][0]["story"])')
expect_eq "stories" "$("$DIGLOT" stories | awk -F'\t' -v id="$id" '$1 == id {print $2 "\t" $3}')" "en,fr,it,zh	5"

rm -f "$DIGLOT_DB" "$DIGLOT_DB-wal" "$DIGLOT_DB-shm"
expect_status "samples then seeds" 0 "$DIGLOT" import "$top_srcdir/data/samples"
expect_status "seeds" 0 "$DIGLOT" import "$S"
expect_eq "one story, no sample in it (other order)" "$(seed_story)" "1 story
0"

done_testing
