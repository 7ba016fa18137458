#!/bin/sh
# The reader's defects of issue 11, one check each (the number is the
# issue's).  Every check failed before its fix.  ONLY=N runs one of them.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/tui/lib.sh"

tui_import
total=$("$DIGLOT" list --format tsv --limit 100000 | tail -n +2 | wc -l)
# A session that outlives the others, so that set-environment -g has a
# server to talk to before the first test's reader starts.
tm new-session -d -s keep -x 80 -y 24 "sleep 600" || fail "cannot start tmux"
want() { [ -z "${ONLY:-}" ] || [ "$ONLY" = "$1" ]; }
# rows_end_in_dates: every list row ending in a date is exactly $1 columns.
rows_end_in_dates() {
	rows=$(tui_screen | sed -n '3,$p' | grep -E '[0-9]{4}-[0-9]{2}-[0-9]{2}$')
	[ -n "$rows" ] || fail "no list row ends in a date"
	printf '%s\n' "$rows" | while IFS= read -r line; do
		[ "$(printf '%s\n' "$line" | wc -L)" -eq "$1" ] || fail "row not $1 columns wide: $line"
	done || exit 1
}

# 1: LANG=C draws wide characters as one '?' each and the columns slide:
# C.UTF-8 is taken for LC_CTYPE, with a word on the message line.
if want 1; then
	tm set-environment -g LC_ALL C
	tui_start d1 120 40
	tui_wait "using C.UTF-8"
	tui_wait "凯斯湾"
	rows_end_in_dates 120
	grep -q "locale 'C' is not UTF-8" "$tui_tmp/stderr.d1" || fail "no locale note on stderr"
	tui_quit
	tm set-environment -g LC_ALL C.UTF-8
fi

# 2: without colours (vt100) a colour theme still marks the cursor row
# in reverse video, not only in bold like every unread row.
if want 2; then
	printf 'theme dark\n' >"$XDG_CONFIG_HOME/diglot/config"
	TUI_TERM=vt100 tui_start d2 120 40
	tui_wait "articles  1/"
	tm capture-pane -e -p -t d2 | sed -n 3p | grep -q "$(printf '\033')\[[0-9;]*7[;m]" ||
		fail "the cursor row is not in reverse video on vt100"
	tui_quit
	rm -f "$XDG_CONFIG_HOME/diglot/config"
fi

# 3: y inside tmux reached nothing (a DCS passthrough tmux drops); a bare
# OSC 52 reaches tmux's buffer with set-clipboard on, and the message
# claims no more than was done.
if want 3; then
	tm set -g set-clipboard on
	tui_start d3 120 40
	tui_wait "articles  1/"
	url=https://www.example-news.cn/world/2025-06/21/c_10482.htm
	tui_keys /
	tui_text 早高峰
	tui_wait "for '早高峰'"
	tui_keys Enter y
	tui_wait "sent to the terminal"
	i=0
	while [ "$(tm show-buffer 2>/dev/null)" != "$url" ] && [ $i -lt 100 ]; do sleep 0.05; i=$((i + 1)); done
	[ "$(tm show-buffer 2>/dev/null)" = "$url" ] || fail "tmux's buffer holds '$(tm show-buffer 2>&1)', not the URL"
	tui_quit
fi

# 4: '/' in the pager searched the library and replaced the list; after
# q the cursor was at the top.  Now it searches the article, and leaving
# any search brings the list back where it was.
if want 4; then
	tui_start d4 120 40
	tui_wait "$total articles  1/$total"
	tui_keys j j j j j j j j j
	tui_wait "$total articles  10/$total"
	tui_keys Enter
	tui_wait "view:"
	tui_keys /
	tui_text the
	tui_keys Enter
	tui_wait_re "match at line|no more matches"
	tui_keys q
	tui_wait "$total articles  10/$total"
	# A search from the list, then q: back on the tenth row.
	tui_keys /
	tui_text bridge
	tui_wait "for 'bridge'"
	tui_keys Enter q
	tui_wait "$total articles  10/$total"
	# And Esc in the prompt.
	tui_keys /
	tui_text bridge
	tui_wait "for 'bridge'"
	tui_keys Escape
	tui_wait "$total articles  10/$total"
	tui_quit
fi

# 7: C-u kills to the start, C-k to the end (readline); the help says so.
if want 7; then
	tui_start d7 120 40
	tui_wait "articles  1/"
	tui_keys /
	tui_text abcdef
	tui_keys Left Left C-k
	tui_wait_line 40 "/abcd"
	tui_keys Left C-u
	tui_wait_line 40 "/d"
	tui_keys Escape ?
	tui_wait "diglot help"
	tui_keys G
	tui_wait "C-k to the end"
	tui_quit
fi

# 8: a message stayed until another replaced it; now the next key clears it.
if want 8; then
	tui_start d8 120 40
	tui_wait "articles  1/"
	tui_keys BSpace
	tui_wait "Backspace: not bound"
	tui_keys ?
	tui_wait "diglot help"
	tui_wait_line 40 ""
	tui_keys q
	tui_wait "articles  1/"
	tui_keys b
	tui_wait "bookmarked"
	tui_keys j
	tui_wait_line 40 ""
	tui_quit
fi

# 10: the pager's [bookmarked] followed only this reader's own changes.
if want 10; then
	first=$("$DIGLOT" list --format tsv | sed -n 2p | cut -f1)
	"$DIGLOT" unbookmark "$first"
	tui_start d10 120 40
	tui_wait "articles  1/"
	tui_keys Enter
	tui_wait "view:"
	tui_keys b
	tui_wait "[bookmarked]"
	"$DIGLOT" unbookmark "$first"
	i=0
	while tui_screen | grep -q '\[bookmarked\]' && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
	tui_screen | grep -q '\[bookmarked\]' && fail "the pager still says [bookmarked]"
	tui_quit
fi

# 11: an unknown TERM is called that, not "it cannot move the cursor".
if want 11; then
	TUI_TERM=nosuchterm tui_start d11 80 24
	tui_wait "EXIT:1"
	grep -q "^diglot: unknown terminal type 'nosuchterm'" "$tui_tmp/stderr.d11" ||
		fail "TERM=nosuchterm: $(cat "$tui_tmp/stderr.d11")"
fi

# 16: text of no identifiable language was "und und" in the sidebar.
if want 16; then
	printf '2025 06 14\n\n1234 5678 9012 3456 7890 1234 5678 +++ --- 42 42 42.\n' >"$tui_tmp/und.txt"
	"$DIGLOT" import "$tui_tmp/und.txt" >/dev/null
	tui_start d16 120 40
	tui_wait "articles  1/"
	tui_screen | grep -q "und und" && fail "'und und' in the sidebar"
	tui_screen | grep -qE "^   unknown +1/1│" || fail "no 'unknown' group in the sidebar"
	tui_quit
	"$DIGLOT" import "$SAMPLES_DIR" >/dev/null
fi

# 17: C-l did nothing while the prompt was open.
if want 17; then
	tui_start d17 120 40
	tui_wait "articles  1/"
	tui_keys /
	tui_text bri
	tui_wait "for 'bri'"
	tty=$(tm display -p -t d17 '#{pane_tty}')
	printf '\033[5;5HGARBAGE-ON-SCREEN' >"$tty"
	tui_wait "GARBAGE-ON-SCREEN"
	tui_keys C-l
	i=0
	while tui_screen | grep -q GARBAGE && [ $i -lt 100 ]; do sleep 0.05; i=$((i + 1)); done
	tui_screen | grep -q GARBAGE && fail "C-l in the prompt did not redraw"
	tui_wait_line 40 "/bri"
	tui_keys Escape
	tui_quit
fi

# 18: $BROWSER with arguments, %s, and a ':' list whose first entry is
# not installed.
if want 18; then
	printf '#!/bin/sh\nprintf "%%s\\n" "$@" >"%s/browser.out"\n' "$tui_tmp" >"$tui_tmp/fake-browser"
	chmod +x "$tui_tmp/fake-browser"
	tm set-environment -g BROWSER "no-such-browser-here:$tui_tmp/fake-browser --new-tab 'url=%s'"
	tui_start d18 120 40
	tui_wait "articles  1/"
	tui_keys /
	tui_text 早高峰
	tui_wait "for '早高峰'"
	tui_keys Enter O
	tui_wait "opened https://"
	[ "$(cat "$tui_tmp/browser.out" 2>/dev/null)" = "--new-tab
url=https://www.example-news.cn/world/2025-06/21/c_10482.htm" ] || fail "browser got: $(cat "$tui_tmp/browser.out" 2>&1)"
	tui_quit
	tm set-environment -g -u BROWSER
fi

# 20: the help named ~/.config/diglot/config whatever XDG_CONFIG_HOME said.
if want 20; then
	tui_start d20 160 40
	tui_wait "articles  1/"
	tui_keys ?
	tui_wait "in $XDG_CONFIG_HOME/diglot/config)"
	tui_quit
fi

# 21: only the first bad config line reached the reader.
if want 21; then
	cat >"$XDG_CONFIG_HOME/diglot/config" <<'CFG'
frobnicate yes
bind nosuchkey quit
view sideways
sidebar-width 3
CFG
	tui_start d21 200 40
	tui_wait "4 problems"
	for n in "config:1: unknown setting" "config:2: unknown key name" "config:3: usage: view"; do
		tui_line 40 | grep -qF "$n" || fail "message line lacks '$n'"
	done
	tui_quit
	rm -f "$XDG_CONFIG_HOME/diglot/config"
fi

# 23: a long title in the title bar was cut without an ellipsis.
if want 23; then
	tui_start d23 80 24
	tui_wait "articles  1/"
	tui_keys /
	tui_text Verdino
	tui_wait "for 'Verdino'"
	tui_keys Enter Enter
	tui_wait "view:"
	tui_line 1 | grep -q "…$" || fail "title bar: $(tui_line 1)"
	[ "$(tui_line 1 | wc -L)" -eq 80 ] || fail "title bar is not 80 columns"
	tui_quit
fi
echo "ok"
