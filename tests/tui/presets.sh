#!/bin/sh
# Key presets and Meta keys (issue 11): 'keys newsboat' in the config
# gives a newsboat user's keys (o opens in the browser, N toggles read,
# C-b bookmarks, = takes o's old cycle-order), 'bind M-x ...' binds
# Meta-x, which the terminal (here tmux's send-keys M-x) sends as ESC x;
# Esc alone still goes back; 'keys vi' adds C-d/C-u, 0 and $; the help
# screen shows the preset's keys.  At 80x24 and 120x40.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/tui/lib.sh"

printf 'Harbour pilots strike for a day\n\nhttps://www.harborgazette.example/news/pilots\n\nThe harbour pilots stopped work on Friday, and the ferries waited outside the breakwater until the evening tide.\n\nDate: 2030-01-01\n' >"$tui_tmp/pilots.txt"
tui_import "$tui_tmp/pilots.txt"
id=$("$DIGLOT" search pilots --format tsv | awk -F'\t' 'NR == 2 { print $1 }')
[ -n "$id" ] || fail "the pilots article did not import"
printf '#!/bin/sh\nprintf "%%s\\n" "$@" >>"%s/browser.out"\n' "$tui_tmp" >"$tui_tmp/fake-browser"
chmod +x "$tui_tmp/fake-browser"
BROWSER=$tui_tmp/fake-browser
export BROWSER
printf 'keys newsboat\nbind M-x toggle-bookmark\n' >"$XDG_CONFIG_HOME/diglot/config"

# state_is FLAG WANT: poll the library until article $id's flag is WANT.
state_is() {
	i=0
	while [ $i -lt 200 ]; do
		got=$("$DIGLOT" show "$id" --format json | sed -n "s/.*\"$1\": *\([a-z]*\).*/\1/p" | head -n 1)
		[ "$got" = "$2" ] && return 0
		sleep 0.05
		i=$((i + 1))
	done
	fail "article $id: $1 is '$got', want $2"
}

for size in "80 24" "120 42"; do
	set -- $size
	tui_start "p$1" "$1" "$2"
	tui_wait "articles  1/"
	tui_wait "Harbour pilots strike"
	state_is read false
	tui_keys N
	state_is read true
	tui_keys N
	state_is read false
	tui_keys C-b
	state_is bookmarked true
	tui_keys M-x
	state_is bookmarked false
	tui_keys o
	tui_wait "opened https://www.harborgazette.example/news/pilots"
	[ "$(tail -n 1 "$tui_tmp/browser.out")" = https://www.harborgazette.example/news/pilots ] ||
		fail "browser got: $(cat "$tui_tmp/browser.out")"
	tui_keys =
	tui_wait "order: title"
	# Esc alone is still Esc: it leaves the pager.
	tui_keys Enter
	tui_wait "view:"
	tui_keys Escape
	tui_wait "order: title"
	# The help screen lists the keys as bound (it fits at 42 rows).
	if [ "$1" = 120 ]; then
		tui_keys '?'
		tui_wait_re "o, O +open-url"
		tui_wait_re "R +fetch-all"
		tui_wait_re "C-r, r +fetch-feed"
		tui_wait_re "C-b, b, M-x +toggle-bookmark"
		tui_wait_re "N +toggle-read"
		tui_wait_re "= +cycle-order"
		tui_keys q
		tui_wait "order: title"
	fi
	tui_quit
	"$DIGLOT" unread "$id" >/dev/null # opening it marked it read
done

printf 'keys vi\n' >"$XDG_CONFIG_HOME/diglot/config"
total=$("$DIGLOT" list --format tsv --limit 100000 | tail -n +2 | wc -l)
tui_start vi 120 12
tui_wait "$total articles  1/$total"
tui_keys '$'
tui_wait "$total articles  $total/$total"
tui_keys 0
tui_wait "$total articles  1/$total"
tui_keys C-d
tui_wait_re "$total articles  [2-9]/$total"
tui_keys C-u
tui_wait "$total articles  1/$total"
tui_quit
