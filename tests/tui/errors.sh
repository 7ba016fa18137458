#!/bin/sh
# Terminals that cannot run the reader fail clearly; config and theme
# mistakes are named with file:line and the rest applies; other TERMs,
# NO_COLOR and a non-UTF-8 locale run.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/tui/lib.sh"

tui_import

# Not a tty.
out=$("$DIGLOT" </dev/null 2>&1 >/dev/null) && fail "ran without a tty"
printf '%s\n' "$out" | grep -q "^diglot: the reader needs a terminal" || fail "not-a-tty message: $out"

# TERM=dumb.
TUI_TERM=dumb tui_start dumb 80 24
tui_wait "EXIT:1"
grep -q "^diglot: terminal 'dumb' cannot run the reader: " "$tui_tmp/stderr.dumb" || fail "dumb message"

# Other terminals run.
for term in xterm-256color screen linux vt100; do
	TUI_TERM=$term tui_start "t-$(echo $term | tr -d -)" 100 30
	tui_wait "articles  1/"
	tui_quit
done

# A config with bad lines: first error on the message line, rest applies.
cat >"$XDG_CONFIG_HOME/diglot/config" <<'CFG'
sidebar-width 30
frobnicate yes
bind x quit
theme no-such-theme
CFG
tui_start cfg 120 40
tui_wait "config:2: unknown setting"
grep -q "^diglot: .*/config:2: unknown setting" "$tui_tmp/stderr.cfg" || fail "stderr file:line"
grep -q "^diglot: theme 'no-such-theme': not found" "$tui_tmp/stderr.cfg" || fail "theme not found message"
[ "$(tui_line 2 | sed 's/│.*//' | wc -L)" -eq 29 ] || fail "sidebar-width 30 not applied"
tui_keys x
tui_wait "EXIT:0"

# A theme file with a bad line, given as a path.
printf 'color title red default bold\ncolor nonsense red blue\n' >"$tui_tmp/my.theme"
printf '' >"$XDG_CONFIG_HOME/diglot/config"
tui_start theme 120 40 browse --theme "$tui_tmp/my.theme"
tui_wait "my.theme:2: unknown element"
tui_quit

# NO_COLOR and a non-UTF-8 locale.
tm set-environment -g NO_COLOR 1
tui_start nocolor 120 40
tui_wait "articles  1/"
tui_quit
tm set-environment -g -u NO_COLOR
tm set-environment -g LC_ALL C
tui_start clocale 120 40
tui_wait "not UTF-8"
tui_quit
