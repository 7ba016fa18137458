#!/bin/sh
# tests/build/layers.sh: the layering of src/ (doc/ARCHITECTURE.md) holds.
#   - only src/store/ speaks SQL (sqlite3.h, sqlite3_*), only src/ui/
#     includes curses, only src/fetch/ includes curl, only src/html/
#     gumbo, only src/feed/ libxml2;
#   - a layer includes the public headers of the layers below it only;
#   - a private header ("x.h") lives in the including file's own folder;
#   - no source lies flat in src/ but main.c.
# Prints one line per violation naming file:line.
set -u
top=${top_srcdir:-$(cd "$(dirname "$0")/../.." && pwd)}
cd "$top/src" || exit 99

# The layer that owns each public header of include/diglot/.
owner() {
	case $1 in
	common | sbuf | hash | json | datadir | files) echo base ;;
	utf8 | width | script | article | langid | bilingual | align | sentence | tokenize | layout | evidence | story) echo text ;;
	keys | theme | settings | history) echo config ;;
	store | store_feed | store_stories) echo store ;;
	html | html_extract) echo html ;;
	feed | opml | feed_date) echo feed ;;
	fetch) echo fetch ;;
	import | import_feed | import_fetch | import_full) echo import ;;
	ui) echo ui ;;
	cli) echo cli ;;
	*) echo unknown ;;
	esac
}

# The layers a layer may include (itself and those below).
allowed() {
	case $1 in
	base) echo "base" ;;
	text) echo "base text" ;;
	config) echo "base text config" ;;
	store) echo "base text store" ;;
	html) echo "base text html" ;;
	feed) echo "base text html feed" ;;
	fetch) echo "base fetch" ;;
	import) echo "base text html feed fetch store import" ;;
	ui) echo "base text config store ui" ;;
	cli) echo "base text config html feed fetch store import ui cli" ;;
	main) echo "base cli" ;;
	*) echo "" ;;
	esac
}

bad=0
checked=0
violation() {
	echo "layering: $*"
	bad=$((bad + 1))
}

files=$(find . -name '*.c' -o -name '*.cc' -o -name '*.h' | sed 's|^\./||' | sort)
for f in $files; do
	checked=$((checked + 1))
	case $f in
	*/*) layer=${f%%/*} ;;
	main.c) layer=main ;;
	*) violation "$f: a source file outside the layer folders"; continue ;;
	esac
	dir=${f%/*}
	[ "$layer" = main ] && dir=.
	if [ "$layer" != store ]; then
		grep -nE '#[[:space:]]*include[[:space:]]*<sqlite3(ext)?\.h>|\bsqlite3_[a-z_]+[[:space:]]*\(' "$f" |
			while IFS= read -r hit; do echo "layering: $f:${hit%%:*}: SQL outside src/store/"; done
	fi
	if [ "$layer" != ui ]; then
		grep -nE '#[[:space:]]*include[[:space:]]*<(n?curses|ncursesw/[a-z]+|term|panel|menu|form)\.h>' "$f" |
			while IFS= read -r hit; do echo "layering: $f:${hit%%:*}: curses outside src/ui/"; done
	fi
	if [ "$layer" != html ]; then
		grep -nE '#[[:space:]]*include[[:space:]]*<gumbo\.h>' "$f" |
			while IFS= read -r hit; do echo "layering: $f:${hit%%:*}: gumbo outside src/html/"; done
	fi
	if [ "$layer" != feed ]; then
		grep -nE '#[[:space:]]*include[[:space:]]*<libxml/' "$f" |
			while IFS= read -r hit; do echo "layering: $f:${hit%%:*}: libxml2 outside src/feed/"; done
	fi
	if [ "$layer" != fetch ]; then
		grep -nE '#[[:space:]]*include[[:space:]]*<curl/' "$f" |
			while IFS= read -r hit; do echo "layering: $f:${hit%%:*}: curl outside src/fetch/"; done
	fi
	ok=$(allowed "$layer")
	grep -nE '^[[:space:]]*#[[:space:]]*include[[:space:]]*"' "$f" | while IFS= read -r hit; do
		line=${hit%%:*}
		inc=$(printf '%s\n' "$hit" | sed 's/.*include[[:space:]]*"\([^"]*\)".*/\1/')
		case $inc in
		config.h) ;; # configure's results
		diglot/*.h)
			name=${inc#diglot/}
			name=${name%.h}
			want=$(owner "$name")
			case " $ok " in
			*" $want "*) ;;
			*) echo "layering: $f:$line: $layer includes $inc of layer $want" ;;
			esac
			;;
		*)
			[ -f "$dir/$inc" ] || echo "layering: $f:$line: private header $inc is not in $dir/"
			;;
		esac
	done
done >"${TMPDIR:-/tmp}/layers.$$" 2>&1
bad=$(wc -l <"${TMPDIR:-/tmp}/layers.$$")
cat "${TMPDIR:-/tmp}/layers.$$"
rm -f "${TMPDIR:-/tmp}/layers.$$"
# Every public header has an owner, so a new one cannot slip past the table.
for h in "$top"/include/diglot/*.h; do
	name=$(basename "$h" .h)
	if [ "$(owner "$name")" = unknown ]; then
		echo "layering: include/diglot/$name.h: no layer owns it (add it to tests/build/layers.sh)"
		bad=$((bad + 1))
	fi
done
[ "$checked" -gt 0 ] || { echo "no sources found under $top/src"; exit 99; }
echo "$((checked - 0)) files checked: $bad violations"
if [ "$bad" = 0 ]; then echo "1 passed, 0 failed"; exit 0; fi
echo "0 passed, 1 failed"
exit 1
