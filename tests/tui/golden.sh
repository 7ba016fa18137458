#!/bin/sh
# Golden screens, compared exactly with tests/tui/golden/NAME.screen: the
# list at 80x24 and 120x40, and the pager on the zh+en sample side by side
# (120x40) and stacked (50x24, below 60 columns).  The library is the
# bundled samples, every one dated by its text (no file times, nothing
# relative to today); TZ and the locale are pinned in tests/tui/lib.sh.
# After an intended change to a screen, rewrite the files and review them:
#   DIGLOT_UPDATE_GOLDEN=1 make check TESTS=tests/tui/golden.sh
. "${top_srcdir:-$(dirname "$0")/../..}/tests/tui/lib.sh"

tui_import
total=$("$DIGLOT" list --format tsv --limit 100000 | tail -n +2 | wc -l)
[ "$total" -eq 18 ] || fail "the samples are 18 articles, got $total"

# open_bilingual: from the list, search 跨海大桥 and open the first result.
open_bilingual() {
	tui_keys /
	tui_text 跨海大桥
	tui_wait "for '跨海大桥'"
	tui_keys Enter
	tui_wait_line_re 3 '凯斯湾跨海大桥正式通车 上万市民步行“首渡”'
	tui_keys Enter
	tui_wait "view: side-by-side"
}

# The lists first: opening an article changes the unread counts.
tui_start list80 80 24
tui_wait "18 articles  1/18  All  order: date"
tui_golden list-80x24
tui_quit

tui_start list120 120 40
tui_wait "18 articles  1/18  All  order: date"
tui_golden list-120x40

open_bilingual
tui_wait "lines 1-37/"
tui_golden pager-side-by-side-120x40
tui_quit

tui_start stacked 50 24
tui_wait "articles  1/18  All  order: date"
open_bilingual
tui_wait "lines 1-21/"
tui_golden pager-stacked-50x24
tui_quit
