#!/usr/bin/env python3
"""Builds the labelled pair set for entity-resolution tests from the real Open Supply Hub
facility lists (MIT; ../shared/realdata/facilities/opensupplyhub_facility_lists/N.csv).

Writes Tests/Fixtures/er/osh-facilities.csv (every row of the 14 lists: source file and line,
ISO country, name, address) and Tests/Fixtures/er/osh-pairs.csv (candidate pairs across
different lists in the same country, each labelled `same` or `different` with how it was judged).

Candidates: pairs of rows from different lists, same country, rapidfuzz token_set_ratio >= 70
on lower-cased names with `&`->`and` and a few legal forms removed. Each pair was then judged
by hand by its address and country (ADJUDICATED below); pairs not listed there were read in the
listing, and their addresses name different streets, towns or zones: `different`. Pairs whose
address could not settle the question (same company, same park, different building or unit; an
address of only "Vietnam.") are EXCLUDED (label `unsure`, not scored) and listed below with the reason.
Re-run: python3 Scripts/er/build_labelled_pairs.py ../shared/realdata/facilities/opensupplyhub_facility_lists
"""
import csv, glob, itertools, os, re, sys
from rapidfuzz import fuzz

COUNTRIES = {"china": "CN", "bangladesh": "BD", "india": "IN", "cambodia": "KH", "vietnam": "VN", "viet nam": "VN",
             "pakistan": "PK", "turkey": "TR", "indonesia": "ID", "sri lanka": "LK", "germany": "DE", "france": "FR",
             "romania": "RO", "peru": "PE", "portugal": "PT", "myanmar": "MM", "thailand": "TH", "taiwan": "TW",
             "hong kong": "HK", "mexico": "MX", "honduras": "HN", "el salvador": "SV", "guatemala": "GT",
             "italy": "IT", "spain": "ES", "united states": "US", "usa": "US", "korea": "KR", "south korea": "KR",
             "egypt": "EG", "jordan": "JO", "philippines": "PH", "malaysia": "MY", "ethiopia": "ET", "kenya": "KE",
             "haiti": "HT", "nicaragua": "NI", "dominican republic": "DO", "morocco": "MA", "tunisia": "TN",
             "bulgaria": "BG", "czech republic": "CZ", "poland": "PL", "lithuania": "LT", "mauritius": "MU",
             "madagascar": "MG", "japan": "JP", "brazil": "BR", "colombia": "CO", "united kingdom": "GB",
             "macedonia": "MK", "laos": "LA", "lesotho": "LS"}

# (left, right): (label, how judged). left/right are "N.csv:line".
ADJUDICATED = {
    ("2.csv:32", "5.csv:34"): ("same", "same road and area: Oufeng Road, Muyu, Zeguo Town, Wenling"),
    ("3.csv:5", "7.csv:8"): ("same", "same address: No. 5 Cengyao Industrial Estate, Yulu, Gongming, Bao'an, Shenzhen"),
    ("3.csv:5", "15.csv:14"): ("same", "same address: No. 5 Cengyao Industrial Estate, Yulu, Gongming, Bao'an, Shenzhen"),
    ("7.csv:8", "15.csv:14"): ("same", "same address: No. 5 Cengyao Industrial Estate, Yulu, Gongming, Baoan, Shenzhen"),
    ("3.csv:8", "8.csv:20"): ("same", "same address: Calle Circunvalacion, Pol. A No. 3, Urb. Industrial La Laguna"),
    ("4.csv:32", "8.csv:12"): ("same", "same avenue and zone: Yan Huang Avenue, Lian Shui development zone, Huai'an"),
    ("4.csv:52", "8.csv:14"): ("same", "same address: No. 808 Third Industry Park, Guoyuan Town"),
    ("5.csv:29", "9.csv:7"): ("same", "same place: Jiuhua industrial zone, Jiuhua Town, Rugao"),
    ("5.csv:44", "7.csv:15"): ("different", "different places: Bawen, Kab. Semarang vs Jalan Raya Semarang-Demak KM 18, Kab. Demak"),
    ("5.csv:44", "7.csv:16"): ("different", "different places: Bawen vs Kawasan Pemrosesan (export zone) site II"),
    ("5.csv:45", "7.csv:15"): ("same", "same place: Semarang-Demak road, Karang Tengah, Kab. Demak"),
    ("5.csv:45", "7.csv:16"): ("different", "different places: Kab. Demak vs site II in the export processing zone"),
    ("5.csv:48", "15.csv:37"): ("different", "different places and companies: Bawen vs Wujil, Bergas"),
    ("7.csv:4", "8.csv:8"): ("same", "same address: 289 Jiefang West Road, Yuewang Industrial Zone, Shaowu"),
    ("7.csv:9", "8.csv:21"): ("same", "same address: KM 24 Carretera a Santa Ana, Colon"),
    ("7.csv:20", "8.csv:34"): ("same", "same address: Al Hassan Industrial Estate, P.O. Box 54, Ramtha, Irbid"),
    ("7.csv:21", "8.csv:37"): ("same", "same address: KM 124 Carretera Leon, Chinandega free zone"),
    ("8.csv:26", "15.csv:10"): ("same", "same address: Km 16.5 Carretera a San Juan Sacatepequez, Parque Industrial Mixco Norte"),
    ("8.csv:46", "11.csv:42"): ("same", "same address: 5A Road, Nhon Trach 2 Industrial Zone"),
    ("10.csv:29", "15.csv:13"): ("same", "same address: Dai An Industrial Zone, Tu Minh, Hai Duong"),
    ("10.csv:38", "15.csv:11"): ("same", "same address: No. 233 Lane 1888 Daye Road, Wuqiao, Fengxian"),
    ("10.csv:39", "15.csv:65"): ("same", "same address: No. 43-5 Ji Xiang Wei Nan Street, Dong Chong Town"),
    ("11.csv:11", "15.csv:15"): ("same", "same address: 1228 Huiping Road, Nanxiang, Jiading"),
    ("11.csv:21", "15.csv:12"): ("same", "same address: KM 31.4 Carretera a Santa Ana, La Libertad"),
    ("13.csv:2", "14.csv:8"): ("same", "same place: Dongshan, Shenhu, Jinjiang"),
    ("13.csv:20", "15.csv:16"): ("same", "same address: southern head of East Outer Ring, Zhucheng"),
    ("14.csv:5", "15.csv:114"): ("same", "same address: Baijia Industrial Park, Shenhu, Jinjiang"),
    ("6.csv:33", "8.csv:36"): ("same", "identical address: Privada Martel SN Manzana 4, Lote 7 & 8, Reynosa"),
    ("2.csv:15", "9.csv:30"): ("different", "different cities: Huqiao Town, Fengxian (Shanghai) vs Xuyi City, Jiangsu"),
    ("13.csv:2", "15.csv:64"): ("different", "different names and places: Dongshan vs Dong An, Shenhu"),
    ("14.csv:8", "15.csv:64"): ("different", "different names and places: Dongshan vs Dong An, Shenhu"),
    ("11.csv:55", "15.csv:53"): ("different", "units II and III at different addresses: Song Than I IP vs An Phu, Thuan An"),
    ("8.csv:62", "15.csv:53"): ("different", "Saigon Two (II) vs III: different units"),
    ("6.csv:31", "11.csv:21"): ("different", "different kilometre posts: Km 34 Carretera a San Juan Opico vs KM 31.4 Carretera a Santa Ana"),
    ("6.csv:31", "15.csv:12"): ("different", "different kilometre posts: Km 34 vs KM 31.4"),
    ("4.csv:61", "12.csv:13"): ("different", "different lots of Amata Industrial Park: Lot 225 vs Lot 226/8"),
    ("4.csv:62", "12.csv:13"): ("different", "different lots of Amata Industrial Park: Lot 226/4 vs Lot 226/8"),
    ("4.csv:63", "12.csv:13"): ("different", "different lots of Amata Industrial Park: Lot 224 vs Lot 226/8"),
}
EXCLUDED = {
    ("6.csv:10", "8.csv:27"): "Hanes Ink: same company, two different addresses in Choloma (cannot tell site from address)",
    ("6.csv:11", "8.csv:28"): "Hanes Choloma: same company and town, different park descriptions",
    ("6.csv:21", "8.csv:29"): "Jasper: same company and zone, buildings #11 vs 16-19",
    ("6.csv:23", "8.csv:28"): "Hanes Choloma: Zip Choloma building DF vs the park (unit unknown)",
    ("6.csv:24", "8.csv:28"): "Hanes Choloma Sewing 2 vs Hanes Choloma (unit unknown)",
    ("8.csv:62", "11.csv:55"): "Pungkook Saigon Two vs ll: the address of one is only 'Vietnam.'",
    ("5.csv:61", "7.csv:31"): "Makalot Vietnam vs Makalot MK2: same commune, unit unknown",
}


def read(base):
    rows = []
    for path in sorted(glob.glob(os.path.join(base, "[0-9]*.csv")), key=lambda p: int(os.path.basename(p)[:-4])):
        with open(path, encoding="utf-8", errors="replace", newline="") as handle:
            for line, record in enumerate(csv.DictReader(handle), start=2):
                country = (record.get("country") or "").strip()
                code = country.upper() if len(country) == 2 else COUNTRIES.get(country.lower(), "")
                rows.append({"ref": f"{os.path.basename(path)}:{line}", "country": code,
                             "name": (record.get("name") or "").strip(), "address": (record.get("address") or "").strip()})
    return rows


def loose(name):
    words = re.sub(r"[^a-z0-9]+", " ", name.lower().replace("&", " and ")).split()
    return " ".join(w for w in words if w not in {"ltd", "limited", "co", "company", "inc", "corp", "pvt", "private", "sa", "de", "cv", "llc", "gmbh", "srl"})


def main():
    base = sys.argv[1] if len(sys.argv) > 1 else "../shared/realdata/facilities/opensupplyhub_facility_lists"
    rows = read(base)
    out = os.path.join(os.path.dirname(__file__), "..", "..", "Tests", "Fixtures", "er")
    with open(os.path.join(out, "osh-facilities.csv"), "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["ref", "country", "name", "address"])
        for row in rows:
            writer.writerow([row["ref"], row["country"], row["name"], row["address"]])
    pairs = []
    for a, b in itertools.combinations(rows, 2):
        if a["ref"].split(":")[0] == b["ref"].split(":")[0] or a["country"] != b["country"] or not a["country"]:
            continue
        if fuzz.token_set_ratio(loose(a["name"]), loose(b["name"])) < 70:
            continue
        key = (a["ref"], b["ref"])
        if key in EXCLUDED:
            pairs.append((a, b, "unsure", "excluded: " + EXCLUDED[key]))
            continue
        if a["name"] == b["name"] and a["address"] == b["address"]:
            label, how = "same", "identical name, address and country in two lists"
        elif key in ADJUDICATED:
            label, how = ADJUDICATED[key]
        else:
            label, how = "different", "addresses name different streets, towns or zones (read in the candidate listing)"
        pairs.append((a, b, label, how))
    for key, (label, how) in ADJUDICATED.items():
        if not any((p[0]["ref"], p[1]["ref"]) == key for p in pairs):
            left = next(r for r in rows if r["ref"] == key[0])
            right = next(r for r in rows if r["ref"] == key[1])
            pairs.append((left, right, label, how))
    with open(os.path.join(out, "osh-pairs.csv"), "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["left_ref", "left_country", "left_name", "left_address", "right_ref", "right_country",
                         "right_name", "right_address", "label", "how_judged"])
        for a, b, label, how in pairs:
            writer.writerow([a["ref"], a["country"], a["name"], a["address"], b["ref"], b["country"], b["name"],
                             b["address"], label, how])
    print(f"{len(rows)} facilities, {len(pairs)} pairs: {sum(p[2] == 'same' for p in pairs)} same, "
          f"{sum(p[2] == 'different' for p in pairs)} different, {sum(p[2] == 'unsure' for p in pairs)} excluded (unsure)")


if __name__ == "__main__":
    main()
