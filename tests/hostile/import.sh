#!/bin/sh
# Hostile inputs to import (issue 10): special files, a full disk, and
# strings from the command line.  Each was a defect; each check failed
# before its fix.
. "$top_srcdir/tests/lib.sh"

good=$FIX/import/en-wire.txt

# A FIFO named on the command line is refused at once (it hung for ever);
# the regular file beside it still lands.
mkfifo "$T/f.txt"
expect_status "FIFO argument" 1 timeout 10 "$DIGLOT" import "$T/f.txt" "$good"
expect_eq "FIFO message" "$(cat "$T/err")" "diglot: $T/f.txt: not a regular file (a FIFO)"
expect_eq "FIFO summary" "$(cat "$T/out")" "imported 1, updated 0, unchanged 0, failed 1"

# Inside a folder it is skipped, and said.
mkdir "$T/dir"
mkfifo "$T/dir/pipe.txt"
cp "$FIX/import/fr-bom.txt" "$T/dir/"
expect_status "FIFO in a folder" 0 timeout 10 "$DIGLOT" import "$T/dir"
expect_eq "FIFO in a folder message" "$(cat "$T/err")" "diglot: $T/dir/pipe.txt: skipped: not a regular file (a FIFO)"
expect_eq "FIFO in a folder summary" "$(cat "$T/out")" "imported 1, updated 0, unchanged 0, failed 0"

# A full disk: the failed batch counts as failed, the error is said once,
# and the summary matches what the library holds.  The file size limit
# stands in for the disk (SIGXFSZ ignored, so writes fail with EFBIG).
mkdir "$T/many"
i=0
while [ $i -lt 300 ]; do
	printf 'Report number %d\n\nThe harbour bridge carried %d cars on day %d of the count.\n\nA second paragraph, number %d, says more about the traffic.\n' \
		$i $((i * 7)) $i $i >"$T/many/a$i.txt"
	i=$((i + 1))
done
full=$T/full.db
"$DIGLOT" --db "$full" import "$good" >/dev/null 2>&1
before=$(wc -c <"$full")
(
	trap '' XFSZ
	ulimit -f $(((before + 16384) / 512)) 2>/dev/null || ulimit -f $(((before + 16384) / 1024))
	exec "$DIGLOT" --db "$full" import "$T/many"
) >"$T/out" 2>"$T/err"
expect_eq "full disk exit" "$?" "1"
expect_match "full disk names the library once" "$(cat "$T/err")" \
	"^diglot: $full: .*\\(300 articles of this batch not stored; import stopped\\)$"
expect_eq "full disk one message" "$(wc -l <"$T/err" | tr -d ' ')" "1"
expect_eq "full disk summary" "$(cat "$T/out")" "imported 0, updated 0, unchanged 0, failed 300"
expect_eq "full disk library unchanged" "$("$DIGLOT" --db "$full" list --format tsv | wc -l | tr -d ' ')" "2"
# With room again, the same import lands whole.
expect_status "after the full disk" 0 "$DIGLOT" --db "$full" import "$T/many"
expect_eq "after the full disk summary" "$(cat "$T/out")" "imported 300, updated 0, unchanged 0, failed 0"

# 100,000 tiny paragraphs, each too short to name its language and none
# able to lend one: language id scanned every neighbour of each (25 s
# for 0.9 MB); every pass over an article is linear now.  The limit is
# a hang's, not a speed test: eight times what valgrind needs (16 s, on
# an idle machine), a hundred times a sanitizer build.
i=0
while [ $i -lt 100 ]; do
	printf 'p%d x\n\n' $(seq $((i * 1000)) $((i * 1000 + 999)))
	i=$((i + 1))
done >"$T/tiny.txt"
expect_status "100,000 tiny paragraphs" 0 timeout 120 "$DIGLOT" --db "$T/tiny.db" import "$T/tiny.txt"
expect_eq "100,000 tiny paragraphs summary" "$(cat "$T/out")" "imported 1, updated 0, unchanged 0, failed 0"
expect_status "100,000 tiny paragraphs shown" 0 timeout 120 "$DIGLOT" --db "$T/tiny.db" show 1 --width 80
expect_eq "100,000 tiny paragraphs laid out" "$(grep -c '^p[0-9]* x$' "$T/out")" "100000"

"$DIGLOT" --db "$T/search.db" import "$top_srcdir/data/samples" >/dev/null 2>&1

# An option error names the argument, not the command ("unknown option
# 'search'" before), and says how to search for a word starting with '-'.
expect_status "search -harbour" 2 "$DIGLOT" --db "$T/search.db" search -harbour
expect_eq "search -harbour message" "$(cat "$T/err")" \
	"diglot: search: unknown option '-h' in '-harbour' (put '--' before an argument that starts with '-')"
expect_status "search -- -harbour" 0 "$DIGLOT" --db "$T/search.db" search -- -harbour

# Long search text: a word given many times is searched once (250 times
# "the" took 1.2 s, 1,000 times 18 s: the square of the count), and text
# over the limits is refused with the limit named.
the=$(i=0; while [ $i -lt 250 ]; do printf 'the '; i=$((i + 1)); done)
expect_status "the x 250" 0 timeout 20 "$DIGLOT" --db "$T/search.db" search "$the" --format tsv
expect_eq "the x 250 finds what 'the' finds" "$(cat "$T/out")" "$("$DIGLOT" --db "$T/search.db" search the --format tsv)"
words=$(i=0; while [ $i -lt 33 ]; do printf 'w%d ' $i; i=$((i + 1)); done)
expect_status "33 words" 2 "$DIGLOT" --db "$T/search.db" search "$words"
expect_eq "33 words message" "$(cat "$T/err")" "diglot: search: too many words to search for (at most 32)"
expect_eq "33 words no output" "$(cat "$T/out")" ""
long=$(i=0; while [ $i -lt 300 ]; do printf 'abcd'; i=$((i + 1)); done)
expect_status "1200 bytes" 2 "$DIGLOT" --db "$T/search.db" search "$long"
expect_eq "1200 bytes message" "$(cat "$T/err")" "diglot: search: search text too long: 1200 bytes (at most 1024)"

done_testing
