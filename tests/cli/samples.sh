#!/bin/sh
# The bundled sample library (data/samples): every article's languages,
# source, date and title, as a reader would expect them from the pages.
. "$top_srcdir/tests/lib.sh"

# A copy with a known file time: an article that names no date is dated by it.
cp -R "$top_srcdir/data/samples" "$T/samples"
chmod -R u+w "$T/samples"
touch -d '2025-01-01 12:00:00 UTC' "$T/samples"/*
expect_status "import samples" 0 "$DIGLOT" import "$T/samples"
expect_eq "import summary" "$(cat "$T/out")" "imported 18, updated 0, unchanged 0, failed 0"

got=$("$DIGLOT" list --format json | python3 -c '
import json, os, sys
rows = [json.loads(l) for l in sys.stdin]
for r in sorted(rows, key=lambda r: os.path.basename(r["path"])):
    print("\t".join([os.path.basename(r["path"]), "+".join(r["langs"]), r["source"],
                     (r["date"] or "")[:10], r["title"]]))')
expect_eq "samples" "$got" "de-egypt-exhibition.txt	de	Lindenauer Tagblatt	2025-05-24	Ausstellung „Ägypten am Fluss“ öffnet im Lindenauer Stadtmuseum
de-en-egypt-excavation.txt	de+en	Der Kieselbote	2025-05-12	Forscher entdecken antike Fayence-Werkstatt in Oberägypten
en-coffee-roasters.txt	en	Valley Courier	2025-07-09	Valley roasters feel the pinch as coffee prices hit new highs
en-comet-observatory.txt	en	Valley Courier	2025-05-28	Amateur astronomer's comet brightens faster than expected
en-harbor-bridge.txt	en	Harbor Gazette	2025-06-19	City council approves night closures for harbor bridge tram tests
es-coffee-prices.txt	es	Diario Mirador del Sur	2025-07-03	El precio del café en las cafeterías sube por tercera vez en un año
es-cycling-sierra.txt	es	Diario Mirador del Sur	2025-06-22	Irene Salvatierra conquista la Vuelta a la Sierra con un ataque en el último puerto
fr-en-museum-reopening.txt	fr+en	Le Journal de Belleval	2025-07-03	Le musée maritime de Kestrel Bay rouvre après deux ans de travaux
fr-harbor-bridge.txt	fr	Le Courrier du Soir	2025-06-14	Kestrel Bay inaugure son pont sur le port, attendu depuis vingt ans
it-regatta-lake.txt	it	La Voce del Lago	2025-06-08	Vela, la regata del Lago Verdino va all'equipaggio inglese dopo un finale da brividi
ja-en-typhoon-ferries.txt	ja+en	港町新報	2025-07-11	台風4号接近　潮見港の離島フェリーが全便欠航
nl-storm-dikes.txt	nl	De Polderbode	2025-03-16	Storm Ilse zet dijkwachten aan het werk langs de Westerpolder
pt-coffee-harvest.txt	pt	Jornal da Ribeira	2025-07-02	Geada atinge cafezais da serra e produtores temem quebra na colheita
ru-comet-observatory.txt	ru	Вечерний Причал	2025-06-03	Комета Хальворсена может стать видна невооружённым глазом
zh-en-harbor-bridge.txt	zh+en	东方晨报	2025-06-14	凯斯湾跨海大桥正式通车 上万市民步行“首渡”
zh-harbor-bridge-traffic.txt	zh	滨江日报	2025-06-21	凯斯湾大桥通车首周：早高峰拥堵转移至北岸路口
zh-tech-expo-brands.txt	zh	东方晨报	2025-06-27	凯斯湾消费电子展开幕：Pixora、NovaLink新品扎堆，AI眼镜成焦点
zh-typhoon-warning.txt	zh	滨江日报	2025-07-10	台风“白鹭”逼近 凯斯湾大桥今晚起禁止行人通行"

# No clutter survives at the end of any article, in any language.
for id in $("$DIGLOT" list | cut -f1 | tail -n +2); do
	last=$("$DIGLOT" show "$id" --format json | python3 -c 'import json,sys; p=json.load(sys.stdin)["paragraphs"]; print(p[-1]["text"] if p else "")')
	case $last in
	*Share*|*Partager*|*Teilen*|*Condividi*|*Compartir*|*Delen*|*Поделиться*|*分享*|*Comment*|*comment*|*Recent*|*Views*|*Vues*|*阅读*|*相关*|*関連*|*"Lo más leído"*|*"Leia também"*|*"Читайте также"*|*"Articoli correlati"*|*"Mehr aus"*)
		fail "clutter left at the end of article $id: $last" ;;
	esac
	checks=$((checks + 1))
done

done_testing
