#!/bin/sh
# The links screen (u): the article's URL and every URL in its text, at
# 80x24 and 120x40; Enter opens one with $BROWSER, y copies one (tmux's
# buffer with set-clipboard on), q goes back.  s saves the article as the
# text `diglot show` prints (~ expanded, no overwriting); | pipes it.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/tui/lib.sh"

cat >"$tui_tmp/links.txt" <<'TXT'
Harbour links roundup for the week

Source: Harbor Gazette

URL: https://www.harborgazette.example/news/links-roundup

The council's plan is at https://council.example/plans/harbour.pdf, and
the tram timetable (see https://tram.example/timetable?line=4&day=mon) is new.

A wiki page https://wiki.example/Harbour_(bridge) explains the history;
the council plan again: https://council.example/plans/harbour.pdf.

Date: 2025-06-30
TXT
tui_import "$tui_tmp/links.txt"
id=$("$DIGLOT" search roundup --format tsv | awk -F'\t' 'NR == 2 { print $1 }')
[ -n "$id" ] || fail "the links article did not import"
printf '#!/bin/sh\nprintf "%%s\\n" "$@" >>"%s/browser.out"\n' "$tui_tmp" >"$tui_tmp/fake-browser"
chmod +x "$tui_tmp/fake-browser"
tm new-session -d -s keep -x 80 -y 24 "sleep 600" || fail "cannot start tmux"
tm set -g set-clipboard on
tm set-environment -g BROWSER "$tui_tmp/fake-browser"

for size in "80 24" "120 40"; do
	set -- $size
	tui_start "l$1" "$1" "$2"
	tui_wait "articles  1/"
	tui_keys /
	tui_text roundup
	tui_wait "1 result for 'roundup'"
	tui_keys Enter Enter
	tui_wait "view:"
	tui_keys u
	tui_wait "4 links  1/4"
	tui_wait_line 2 "  1  https://www.harborgazette.example/news/links-roundup"
	tui_wait_line 3 "  2  https://council.example/plans/harbour.pdf"
	tui_wait_line 4 "  3  https://tram.example/timetable?line=4&day=mon"
	tui_wait_line 5 "  4  https://wiki.example/Harbour_(bridge)"
	tui_line 1 | grep -q "links: Harbour links roundup" || fail "links title bar: $(tui_line 1)"
	tui_keys j j
	tui_wait "4 links  3/4"
	tui_keys y
	tui_wait "sent to the terminal"
	i=0
	while [ "$(tm show-buffer 2>/dev/null)" != "https://tram.example/timetable?line=4&day=mon" ] && [ $i -lt 100 ]; do
		sleep 0.05; i=$((i + 1))
	done
	[ "$(tm show-buffer)" = "https://tram.example/timetable?line=4&day=mon" ] || fail "copied: $(tm show-buffer)"
	tui_keys Enter
	tui_wait "opened https://tram.example"
	[ "$(tail -n 1 "$tui_tmp/browser.out")" = "https://tram.example/timetable?line=4&day=mon" ] ||
		fail "browser got: $(cat "$tui_tmp/browser.out")"
	[ "$1" = 120 ] && tui_screen >"$tui_tmp/links-120x40.screen"
	tui_keys q
	tui_wait "view:"
	tui_keys Escape
	tui_wait "1 result for 'roundup'"
	tui_quit
done

# Save: the prompt starts at ~/; the file is what `diglot show` prints.
"$DIGLOT" show "$id" --width 120 >"$tui_tmp/show.txt"
tui_start save 120 40
tui_wait "articles  1/"
tui_keys /
tui_text roundup
tui_wait "1 result for 'roundup'"
tui_keys Enter Enter
tui_wait "view:"
tui_keys s
tui_wait_line 40 "Save to: ~/"
tui_text saved.txt
tui_keys Enter
tui_wait "saved to $HOME/saved.txt"
cmp -s "$HOME/saved.txt" "$tui_tmp/show.txt" || fail "saved text differs from diglot show"
tui_keys s
tui_text saved.txt
tui_keys Enter
tui_wait "saved.txt: exists; not overwritten"
# Pipe: the command gets the same text; Enter returns to the pager.
tui_keys '|'
tui_wait_line 40 "Pipe to:"
tui_text "cat >'$tui_tmp/piped.txt'"
tui_keys Enter
tui_wait "press Enter to return"
tui_keys Enter
tui_wait "piped to cat"
cmp -s "$tui_tmp/piped.txt" "$tui_tmp/show.txt" || fail "piped text differs from diglot show"
# Esc cancels the prompt.
tui_keys '|'
tui_wait_line 40 "Pipe to:"
tui_keys Escape
tui_wait "cancelled"
tui_quit
[ -n "${DIGLOT_SCREENS:-}" ] && cp "$tui_tmp/links-120x40.screen" "$DIGLOT_SCREENS/" 2>/dev/null
echo ok
