#!/usr/bin/env python3
"""mkset.py: the story-linking evaluation set (tests/bench/story/run).

    tests/bench/story/mkset.py OUT [SEED]

Writes OUT/articles/NNN-LANG.txt and OUT/truth.tsv (file TAB event; "d:"
events are confusable distractors, "u:" unrelated articles, each alone).

Events of four kinds (a takeover, a central bank's rate decision, an
earthquake, a product launch), each reported by 3 to 5 articles in
different languages among en, fr, de, it, es, zh.  Each article is written
from its language's own pool of sentences (picked and ordered at random,
with its own dateline, publication a day or two apart), so two reports of
one event share facts (names, amounts, the date), not wording.  Entities
recur across events on purpose: one bank decides every six weeks, one
company announces a deal and then a product, one region has two quakes,
so that the confusable distractors (the same bank's previous decision...)
share the entity's names and differ in the facts.  Every name is made up.
"""
import os
import random
import sys

OUT = sys.argv[1]
SEED = int(sys.argv[2]) if len(sys.argv) > 2 else 13
R = random.Random(SEED)
LANGS = ["en", "fr", "de", "it", "es", "zh"]

FIRST = ["Anna", "Marco", "Léa", "Jonas", "Sofia", "Hiro", "Elena", "Tomas", "Ines", "Victor",
         "Clara", "Rafael", "Nadia", "Oskar", "Lucia", "Pavel", "Greta", "Mateo", "Irene", "Bruno"]
LAST = ["Halvorsen", "Castellano", "Moreau-Vidal", "Brandt", "Okonkwo", "Lindqvist", "Ferrante",
        "Duval", "Kowalski", "Yamashiro", "Ortega", "Novak", "Bianchi", "Schreiber", "Marchetti",
        "Dubreuil", "Almeida", "Fischbach", "Rautio", "Szabo"]
CO_A = ["Norvia", "Kalder", "Brightwave", "Solenne", "Vantor", "Arkelis", "Quorra", "Talvik",
        "Zephra", "Orlane", "Castora", "Helion", "Pyxis", "Lumora", "Dravik", "Sabrel"]
CO_B = ["Systems", "Group", "Robotics", "Energy", "Labs", "Motors", "Pharma", "Networks"]
COUNTRIES = [("Valdoria", "瓦尔多里亚"), ("Ostmark", "奥斯特马克"), ("Lusenia", "卢塞尼亚"),
             ("Corvane", "科尔瓦纳")]
REGIONS = [("Tarvisio", "塔尔维西奥"), ("Almeira", "阿尔梅拉"), ("Kesswick", "凯斯维克"),
           ("Monteluce", "蒙特卢切"), ("Brenholm", "布伦霍尔姆")]
PRODUCTS = ["Nimbus", "Atlas", "Vega", "Orion", "Kestrel", "Tessera", "Halo", "Pulsar", "Lyra", "Onyx"]
ZH_SYL = "阿巴达德迪菲格哈基卡科拉莱罗马曼米莫纳尼诺帕佩萨斯塔特维沃西扎"

MONTHS = {
    "en": ["January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December"],
    "fr": ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
           "octobre", "novembre", "décembre"],
    "de": ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September",
           "Oktober", "November", "Dezember"],
    "it": ["gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto",
           "settembre", "ottobre", "novembre", "dicembre"],
    "es": ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre",
           "octubre", "noviembre", "diciembre"],
}
OUTLETS = {
    "en": ["Harbor Ledger", "Northern Wire", "Capital Review"],
    "fr": ["Le Courrier du Matin", "La Gazette de l'Est", "Le Quotidien Libre"],
    "de": ["Nordkurier Online", "Rheinische Rundschau", "Der Tagesbote"],
    "it": ["Il Corriere Padano", "La Voce del Lago", "Gazzetta di Ponente"],
    "es": ["Diario del Sur", "El Heraldo Mercantil", "La Crónica Abierta"],
    "zh": ["滨江日报", "东方财经网", "环球快讯"],
}


def zh_name(person):
    h = sum(ord(c) * (i + 3) for i, c in enumerate(person))
    return "".join(ZH_SYL[(h // (7 ** k)) % len(ZH_SYL)] for k in range(3))


def day_str(lang, d):
    y, m, dd = d
    if lang == "en":
        return "%s %d, %d" % (MONTHS["en"][m - 1], dd, y)
    if lang == "de":
        return "%d. %s %d" % (dd, MONTHS["de"][m - 1], y)
    if lang == "es":
        return "%d de %s de %d" % (dd, MONTHS["es"][m - 1], y)
    if lang == "zh":
        return "%d年%d月%d日" % (y, m, dd)
    return "%d %s %d" % (dd, MONTHS[lang][m - 1], y)


def add_days(d, n):
    import datetime
    t = datetime.date(*d) + datetime.timedelta(days=n)
    return (t.year, t.month, t.day)


def dec(lang, x, nd=1):
    s = ("%%.%df" % nd) % x
    return s if lang in ("en", "zh") else s.replace(".", ",")


def amount(lang, bn):
    """bn billions of dollars, as each language writes it."""
    if lang == "en":
        return "$%s billion" % dec(lang, bn)
    if lang == "fr":
        return "%s milliards de dollars" % dec(lang, bn)
    if lang == "de":
        return "%s Milliarden Dollar" % dec(lang, bn)
    if lang == "it":
        return "%s miliardi di dollari" % dec(lang, bn)
    if lang == "es":
        return "%s millones de dólares" % "{:,}".format(int(round(bn * 1000))).replace(",", ".")
    return "%d亿美元" % int(round(bn * 10))


def count(lang, n):
    if lang == "en":
        return "{:,}".format(n)
    if lang == "fr":
        return "{:,}".format(n).replace(",", "\u202f")
    if lang == "zh":
        return str(n)
    return "{:,}".format(n).replace(",", ".")


def pct(lang, x):
    if lang == "fr":
        return "%s %%" % dec(lang, x, 2)
    if lang == "de":
        return "%s Prozent" % dec(lang, x, 2)
    return "%s%%" % dec(lang, x, 2)


def price(lang, eur):
    if lang == "en":
        return "€%d" % eur
    if lang == "zh":
        return "%d欧元" % eur
    return "%d euros" % eur if lang in ("fr", "es") else "%d Euro" % eur if lang == "de" else "%d euro" % eur


# ---- sentence pools: {slot} filled per article ---------------------------------

POOLS = {
 "deal": {
  "en": {"title": ["{co} agrees to buy {co2} for {amt}", "{co} strikes {amt} deal for rival {co2}"],
         "s": ["{co} said it would acquire {co2} in a transaction valued at {amt}, its largest purchase to date.",
               "Chief executive {ceo} told analysts the deal would be completed within nine months, pending approval by regulators.",
               "Shares of {co2} rose {pct} in early trading after the announcement.",
               "The combined company will employ about {n} people, most of them in {city}.",
               "{ceo} said the two firms had been talking since last spring.",
               "Analysts said the price was high but the fit made sense.",
               "Unions asked for guarantees that no jobs would be cut at the {city} sites."]},
  "fr": {"title": ["{co} rachète {co2} pour {amt}", "Le groupe {co} s'offre son concurrent {co2}"],
         "s": ["Le groupe {co} a annoncé le rachat de {co2} pour {amt}, la plus grosse acquisition de son histoire.",
               "Son directeur général, {ceo}, espère finaliser l'opération d'ici neuf mois, sous réserve du feu vert des autorités de la concurrence.",
               "L'action {co2} a bondi de {pct} à l'ouverture.",
               "Le nouvel ensemble comptera environ {n} salariés, dont une majorité à {city}.",
               "Selon {ceo}, les discussions avaient commencé au printemps dernier.",
               "Les syndicats réclament des garanties sur l'emploi."]},
  "de": {"title": ["{co} übernimmt {co2} für {amt}", "Milliardenübernahme: {co} kauft {co2}"],
         "s": ["Der Konzern {co} übernimmt den Wettbewerber {co2} für {amt}.",
               "Vorstandschef {ceo} rechnet mit einem Abschluss innerhalb von neun Monaten, sofern die Kartellbehörden zustimmen.",
               "Die Aktie von {co2} legte nach der Ankündigung um {pct} zu.",
               "Das neue Unternehmen wird rund {n} Mitarbeiter beschäftigen, die meisten davon in {city}.",
               "Gewerkschaften fordern eine Beschäftigungsgarantie für die Standorte.",
               "Beobachter halten den Preis für hoch."]},
  "it": {"title": ["{co} compra {co2} per {amt}", "Maxi acquisizione: {co} rileva {co2}"],
         "s": ["Il gruppo {co} ha annunciato l'acquisizione di {co2} per {amt}.",
               "L'amministratore delegato {ceo} prevede di chiudere l'operazione entro nove mesi, dopo il via libera dell'antitrust.",
               "Il titolo {co2} è salito del {pct} in apertura.",
               "La nuova società avrà circa {n} dipendenti, in gran parte a {city}.",
               "I sindacati chiedono garanzie sull'occupazione.",
               "Secondo {ceo} i colloqui erano iniziati la primavera scorsa."]},
  "es": {"title": ["{co} comprará {co2} por {amt}", "{co} se hace con su rival {co2}"],
         "s": ["La empresa {co} comprará a su competidor {co2} por {amt}.",
               "Su consejero delegado, {ceo}, espera cerrar la operación en nueve meses si la autorizan los reguladores.",
               "Las acciones de {co2} subieron un {pct} tras el anuncio.",
               "La nueva compañía tendrá unos {n} empleados, la mayoría en {city}.",
               "Los sindicatos piden garantías de empleo.",
               "Los analistas consideran elevado el precio."]},
  "zh": {"title": ["{co}斥资{amt}收购{co2}", "{co}宣布收购竞争对手{co2}"],
         "s": ["{co}公司宣布以{amt}收购{co2}，这是该公司迄今规模最大的一笔收购。",
               "首席执行官{ceo_zh}表示，交易预计在九个月内完成，但仍需监管机构批准。",
               "消息公布后，{co2}股价早盘上涨{pct}。",
               "合并后的公司将拥有约{n}名员工。",
               "分析人士认为收购价格偏高。"]},
 },
 "bank": {
  "en": {"title": ["Central Bank of {country} {moves} rates to {rate}", "{country} central bank sets key rate at {rate}"],
         "s": ["The Central Bank of {country} set its main interest rate at {rate} on {day}, citing inflation of {infl}.",
               "Governor {gov} said the board would watch wage growth closely in the coming months.",
               "Most economists polled before the meeting had expected the decision.",
               "The {country} currency barely moved after the announcement.",
               "{gov} told reporters that the decision was not unanimous."]},
  "fr": {"title": ["La banque centrale de {country} fixe son taux à {rate}", "{country} : le taux directeur à {rate}"],
         "s": ["La Banque centrale de {country} a fixé son principal taux directeur à {rate} le {day}, avec une inflation de {infl}.",
               "Le gouverneur {gov} a indiqué que le conseil surveillerait de près les salaires.",
               "La plupart des économistes s'attendaient à cette décision.",
               "{gov} a reconnu que la décision n'avait pas été prise à l'unanimité."]},
  "de": {"title": ["Zentralbank von {country}: Leitzins bei {rate}", "{country} setzt Leitzins auf {rate}"],
         "s": ["Die Zentralbank von {country} hat den Leitzins am {day} auf {rate} festgelegt; die Inflation liegt bei {infl}.",
               "Notenbankchef {gov} kündigte an, die Lohnentwicklung genau zu beobachten.",
               "Die meisten Ökonomen hatten mit dem Schritt gerechnet.",
               "{gov} räumte ein, dass der Beschluss nicht einstimmig fiel."]},
  "it": {"title": ["La banca centrale di {country} porta i tassi al {rate}", "{country}, tassi al {rate}"],
         "s": ["La Banca centrale di {country} ha fissato il tasso principale al {rate} il {day}, con un'inflazione al {infl}.",
               "Il governatore {gov} ha detto che il consiglio seguirà con attenzione i salari.",
               "La decisione era attesa dalla maggior parte degli economisti.",
               "Secondo {gov} la decisione non è stata unanime."]},
  "es": {"title": ["El Banco Central de {country} deja los tipos en el {rate}", "{country} fija su tipo de interés en el {rate}"],
         "s": ["El Banco Central de {country} fijó el {day} su tipo de interés principal en el {rate}, con una inflación del {infl}.",
               "El gobernador {gov} afirmó que vigilarán de cerca los salarios.",
               "La mayoría de los economistas esperaba la decisión.",
               "{gov} admitió que la decisión no fue unánime."]},
  "zh": {"title": ["{country_zh}央行将基准利率定为{rate}", "{country_zh}央行公布利率决议"],
         "s": ["{country_zh}央行{day}宣布将主要利率定为{rate}，目前通胀率为{infl}。",
               "行长{gov_zh}表示，理事会将密切关注工资增长。",
               "多数经济学家此前已预期这一决定。",
               "{gov_zh}承认，该决定并非一致通过。"]},
 },
 "quake": {
  "en": {"title": ["Magnitude {mag} earthquake strikes near {region}", "Quake of magnitude {mag} hits {region}"],
         "s": ["An earthquake of magnitude {mag} struck near {region} on {day}, damaging about {n} homes.",
               "The civil protection agency said {dead} people had died and dozens were injured.",
               "Rescue teams worked through the night in the old town of {region}.",
               "Seismologist {sci} said aftershocks could continue for several weeks.",
               "Schools in the area will stay closed until the buildings have been checked."]},
  "fr": {"title": ["Un séisme de magnitude {mag} frappe la région de {region}", "Séisme de magnitude {mag} près de {region}"],
         "s": ["Un tremblement de terre de magnitude {mag} a frappé la région de {region} le {day}, endommageant quelque {n} habitations.",
               "Selon la protection civile, {dead} personnes ont perdu la vie.",
               "Les secours ont travaillé toute la nuit dans le centre historique de {region}.",
               "Le sismologue {sci} n'exclut pas de nouvelles répliques.",
               "Les écoles resteront fermées jusqu'à la fin des inspections."]},
  "de": {"title": ["Erdbeben der Stärke {mag} erschüttert {region}", "Schweres Beben bei {region}"],
         "s": ["Ein Erdbeben der Stärke {mag} hat am {day} die Region {region} erschüttert und rund {n} Häuser beschädigt.",
               "Nach Angaben des Zivilschutzes kamen {dead} Menschen ums Leben.",
               "Rettungskräfte suchten die ganze Nacht in der Altstadt von {region} nach Verschütteten.",
               "Der Seismologe {sci} warnte vor weiteren Nachbeben."]},
  "it": {"title": ["Terremoto di magnitudo {mag} a {region}", "Scossa di magnitudo {mag} vicino a {region}"],
         "s": ["Una scossa di magnitudo {mag} ha colpito la zona di {region} il {day}, danneggiando circa {n} abitazioni.",
               "La protezione civile parla di {dead} vittime.",
               "I soccorritori hanno lavorato tutta la notte nel centro storico di {region}.",
               "Il sismologo {sci} non esclude nuove repliche.",
               "Le scuole resteranno chiuse fino alle verifiche."]},
  "es": {"title": ["Un terremoto de magnitud {mag} sacude {region}", "Sismo de magnitud {mag} cerca de {region}"],
         "s": ["Un terremoto de magnitud {mag} sacudió la zona de {region} el {day} y dañó unas {n} viviendas.",
               "Protección Civil informó de {dead} fallecidos.",
               "Los equipos de rescate trabajaron toda la noche en el casco antiguo de {region}.",
               "El sismólogo {sci} advirtió de posibles réplicas."]},
  "zh": {"title": ["{region_zh}附近发生{mag}级地震", "{region_zh}发生{mag}级强震"],
         "s": ["{day}，{region_zh}附近发生{mag}级地震，约{n}所房屋受损。",
               "民防部门称，地震已造成{dead}人死亡。",
               "救援人员连夜在{region_zh}老城区搜救。",
               "地震学家{sci_zh}表示，余震可能持续数周。"]},
 },
 "launch": {
  "en": {"title": ["{co} unveils the {prod} at {price}", "{co} launches {prod}, its first foldable"],
         "s": ["{co} unveiled the {prod} on {day}, a foldable device that will sell for {price}.",
               "Product chief {exec} said the {prod} would reach shops in {city} first.",
               "The company expects to sell {n} units in the first year.",
               "Reviewers praised the screen but questioned the battery life."]},
  "fr": {"title": ["{co} dévoile le {prod}, vendu {price}", "Avec le {prod}, {co} se lance dans le pliable"],
         "s": ["{co} a présenté le {day} le {prod}, un appareil pliable vendu {price}.",
               "Selon {exec}, responsable des produits, le {prod} arrivera d'abord dans les magasins de {city}.",
               "Le groupe espère en écouler {n} exemplaires la première année.",
               "Les premiers tests saluent l'écran mais s'interrogent sur l'autonomie."]},
  "de": {"title": ["{co} stellt das {prod} für {price} vor", "{co} bringt Faltgerät {prod}"],
         "s": ["{co} hat am {day} das {prod} vorgestellt, ein faltbares Gerät für {price}.",
               "Produktchef {exec} sagte, das {prod} komme zuerst in {city} in den Handel.",
               "Im ersten Jahr will das Unternehmen {n} Geräte verkaufen."]},
  "it": {"title": ["{co} presenta il {prod} a {price}", "{co} lancia il pieghevole {prod}"],
         "s": ["{co} ha presentato il {day} il {prod}, un dispositivo pieghevole che costerà {price}.",
               "Secondo il responsabile prodotto {exec}, il {prod} arriverà prima nei negozi di {city}.",
               "L'azienda punta a vendere {n} unità nel primo anno."]},
  "es": {"title": ["{co} presenta el {prod} por {price}", "{co} lanza el plegable {prod}"],
         "s": ["{co} presentó el {day} el {prod}, un dispositivo plegable que costará {price}.",
               "El jefe de producto, {exec}, dijo que el {prod} llegará primero a las tiendas de {city}.",
               "La empresa espera vender {n} unidades el primer año."]},
  "zh": {"title": ["{co}发布折叠设备{prod}，售价{price}", "{co}推出{prod}"],
         "s": ["{co}于{day}发布折叠设备{prod}，售价{price}。",
               "产品负责人{exec_zh}表示，{prod}将首先在欧洲上市。",
               "公司预计首年销量达{n}台。"]},
 },
}

FILLER = {
    "en": ["The figures were published by the company on its website.", "More details are expected next week."],
    "fr": ["D'autres précisions sont attendues la semaine prochaine.", "Les chiffres ont été publiés en fin de journée."],
    "de": ["Weitere Einzelheiten sollen kommende Woche folgen.", "Die Zahlen wurden am Abend veröffentlicht."],
    "it": ["Altri dettagli sono attesi la prossima settimana.", "I dati sono stati diffusi in serata."],
    "es": ["Se esperan más detalles la próxima semana.", "Las cifras se publicaron por la tarde."],
    "zh": ["更多细节预计将于下周公布。", "相关数据于当天晚间发布。"],
}


def person():
    return "%s %s" % (R.choice(FIRST), R.choice(LAST))


def company():
    return "%s %s" % (R.choice(CO_A), R.choice(CO_B))


def slots_for(kind, ent, d):
    s = {"day_t": d}
    if kind == "deal":
        s.update(co=ent["co"], ceo=ent["ceo"], co2=company(), bn=R.choice([1.2, 2.4, 3.6, 4.8, 7.5, 12.5]),
                 pct=R.uniform(5, 30), n=R.choice([4200, 8600, 12500, 23000, 31000]), city=R.choice(
                     ["Lyon", "Turin", "Porto", "Ghent", "Graz", "Malmö"]))
    elif kind == "bank":
        s.update(country=ent["country"], country_zh=ent["country_zh"], gov=ent["gov"],
                 rate=R.choice([2.25, 2.5, 2.75, 3.0, 3.25, 3.5, 3.75, 4.0, 4.25, 4.5]),
                 infl=R.choice([1.8, 2.1, 2.4, 2.9, 3.3, 3.7, 4.6]),
                 moves=R.choice(["raises", "cuts", "holds"]))
    elif kind == "quake":
        s.update(region=ent["region"], region_zh=ent["region_zh"], mag=R.choice([4.8, 5.3, 5.9, 6.1, 6.4, 6.8, 7.2]),
                 n=R.choice([320, 740, 1200, 2600, 4100]), dead=R.choice([3, 7, 12, 19, 28, 41]), sci=person())
    else:
        s.update(co=ent["co"], prod="%s %s" % (ent["co"].split()[0], R.choice(PRODUCTS)), exec=person(),
                 eur=R.choice([899, 1199, 1299, 1499, 1799, 1999]), n=R.choice([250000, 400000, 1500000]),
                 city=R.choice(["Madrid", "Milan", "Munich", "Paris", "Vienna"]))
    return s


def render(kind, lang, s, pub):
    f = {}
    for k, v in s.items():
        f[k] = v
    if "bn" in s:
        f["amt"] = amount(lang, s["bn"])
    if "pct" in s:
        f["pct"] = pct(lang, s["pct"]) if lang != "zh" else "%.2f%%" % s["pct"]
    if "rate" in s:
        f["rate"] = pct(lang, s["rate"]) if lang != "zh" else "%.2f%%" % s["rate"]
        f["infl"] = pct(lang, s["infl"]) if lang != "zh" else "%.2f%%" % s["infl"]
    if "mag" in s:
        f["mag"] = dec(lang, s["mag"])
    if "n" in s:
        f["n"] = count(lang, s["n"])
    if "eur" in s:
        f["price"] = price(lang, s["eur"])
    f["day"] = day_str(lang, s["day_t"])
    for p in ("ceo", "gov", "sci", "exec"):
        if p in s:
            f[p + "_zh"] = zh_name(s[p])
    pool = POOLS[kind][lang]
    title = R.choice(pool["title"]).format(**f)
    sents = list(pool["s"])
    lead, rest = sents[0], sents[1:]
    R.shuffle(rest)
    body = [lead] + rest[:R.randint(2, len(rest))]
    body += R.sample(FILLER[lang], 1)
    paras = []
    while body:
        k = R.randint(1, 2)
        paras.append((" " if lang != "zh" else "").join(x.format(**f) for x in body[:k]))
        body = body[k:]
    outlet = R.choice(OUTLETS[lang])
    return "%s\n\n%s · %s\n\n%s\n" % (title, outlet, day_str(lang, pub), "\n\n".join(paras))


def main():
    os.makedirs(os.path.join(OUT, "articles"), exist_ok=True)
    ents = {
        "bank": [{"country": c, "country_zh": z, "gov": person()} for c, z in COUNTRIES],
        "quake": [{"region": c, "region_zh": z} for c, z in REGIONS],
    }
    firms = [{"co": company(), "ceo": person()} for _ in range(8)]
    ents["deal"] = firms
    ents["launch"] = firms
    truth = []
    nfile = [0]

    def write(text, lang, label):
        nfile[0] += 1
        name = "%03d-%s.txt" % (nfile[0], lang)
        with open(os.path.join(OUT, "articles", name), "w") as fh:
            fh.write(text)
        truth.append((name, label))

    ev = 0
    for kind in ("deal", "bank", "quake", "launch"):
        for i in range(10):
            ent = ents[kind][i % len(ents[kind])]
            # the same entity's events are months apart
            d = add_days((2023, 1, 9), 45 * i + R.randint(0, 20) + {"deal": 0, "bank": 7, "quake": 14, "launch": 21}[kind])
            s = slots_for(kind, ent, d)
            ev += 1
            for lang in R.sample(LANGS, R.randint(3, 5)):
                write(render(kind, lang, s, add_days(d, R.randint(0, 2))), lang, "e%02d" % ev)
            if i % 2 == 0:  # a confusable distractor: the same entity, other facts, weeks away
                dd = add_days(d, R.choice([-1, 1]) * R.randint(35, 120))
                lang = R.choice(LANGS)
                write(render(kind, lang, slots_for(kind, ent, dd), dd), lang, "d:%02d" % ev)
    for i in range(30):  # unrelated: other entities altogether
        kind = R.choice(["deal", "launch", "quake", "bank"])
        if kind in ("deal", "launch"):
            ent = {"co": "%s %s" % (R.choice(["Ferrox", "Albion", "Gryphos", "Maren", "Tidal", "Corbel"]),
                                    R.choice(CO_B)), "ceo": person()}
        elif kind == "bank":
            ent = {"country": R.choice(["Estara", "Moravel", "Quenland"]), "country_zh": "埃斯塔拉", "gov": person()}
        else:
            ent = {"region": R.choice(["Dunmore", "Valcera", "Isfjord"]), "region_zh": "邓莫尔"}
        d = add_days((2023, 1, 1), R.randint(0, 500))
        lang = R.choice(LANGS)
        write(render(kind, lang, slots_for(kind, ent, d), d), lang, "u:%02d" % i)
    with open(os.path.join(OUT, "truth.tsv"), "w") as fh:
        for name, label in truth:
            fh.write("%s\t%s\n" % (name, label))


main()
