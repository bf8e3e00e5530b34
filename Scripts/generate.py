#!/usr/bin/env python3
"""Deterministic synthetic supply-chain data for tierscan benchmarks (SPEC §2 formats).

    python3 Scripts/generate.py --entities N --relationships M --seed S --out DIR [--shape realistic]

Writes DIR/entities.csv, relationships.csv (exactly M rows), risk-list.csv, country-risk.csv and
smelter-reference.csv. The same arguments always give byte-identical files: the only randomness is
numpy's default_rng(seed) (and nothing reads the clock or the environment).

Structure: a focus company `F0` (tier 0); companies in 8 upstream tiers whose sizes grow
geometrically, each supplying one buyer in the tier below (fan-in Zipf-skewed) plus extra supplies
edges between adjacent tiers; subcontracts; a few back-links (cycles) and cross-links; facilities
and mines with `operates` edges; holding companies with `owns` chains (some shares >= 50, some
split so that only the aggregate reaches 50); smelters (CID + 6 digits) supplying deep-tier
companies with 3TG metals, fed by mines; a handful of edges to unknown ids (placeholders).
Countries, commodities and fan-in follow Zipf-like skews; basis is a mix of observed / declared /
inferred / blank; a few edges carry an explicit confidence.
"""

from __future__ import annotations

import argparse
import os
import sys
import time

import numpy as np

COUNTRIES = (
    "CN IN US VN DE BD TR ID MY TH MX BR JP KR TW GB IT PK PH KH FR ES PL NL CA LK EG MA ET KE "
    "GH CI UZ TM PE BO CD RW ZA AU CL AR CO RO PT CZ HU SE BE CH"
).split()
SMELTER_COUNTRIES = "CN ID MY TH PE BO BR RW CD KR JP US DE RU KZ".split()
MINE_COUNTRIES = "CD RW BO PE ID CN AU BR BI UG".split()
COMMODITIES = [
    "cotton", "apparel", "polyester", "electronics", "pcb", "semiconductors", "polysilicon", "copper", "plastics",
    "packaging", "palm oil", "cocoa", "seafood", "rubber", "gloves", "leather", "steel", "aluminium", "glass",
    "paper", "chemicals", "furniture", "toys", "footwear", "coffee", "sugar", "cattle", "timber", "batteries",
    "cobalt", "solar panels", "yarn", "fabric", "dyes", "cables", "magnets", "tea", "rice", "shrimp",
]
METALS = ["tin", "tantalum", "tungsten", "gold"]
ORES = {"tin": "cassiterite", "tantalum": "coltan", "tungsten": "wolframite", "gold": "gold ore"}
HS = {
    "cotton": "5201", "apparel": "6109", "polyester": "5503", "electronics": "8543", "pcb": "8534",
    "semiconductors": "8541", "polysilicon": "2804", "copper": "7403", "plastics": "3901", "packaging": "4819",
    "palm oil": "1511", "cocoa": "1801", "seafood": "0306", "rubber": "4001", "gloves": "4015",
    "leather": "4107", "steel": "7208", "aluminium": "7601", "glass": "7005", "paper": "4802",
    "chemicals": "2901", "furniture": "9403", "toys": "9503", "footwear": "6403", "coffee": "0901",
    "sugar": "1701", "cattle": "0102", "timber": "4403", "batteries": "8507", "cobalt": "8105",
    "solar panels": "8541", "yarn": "5205", "fabric": "5208", "dyes": "3204", "cables": "8544",
    "magnets": "8505", "tea": "0902", "rice": "1006", "shrimp": "0306",
    "tin": "8001", "tantalum": "8103", "tungsten": "8101", "gold": "7108",
    "cassiterite": "2609", "coltan": "2615", "wolframite": "2611", "gold ore": "2616",
}
SECTORS = "textiles electronics agriculture metals chemicals packaging logistics food plastics machinery".split()
WORDS_A = (
    "Golden Bright Eastern Pacific Northern Global United Great Silver Royal Star Sun Ocean Green Blue "
    "Prime Delta Summit Lotus Dragon Phoenix Crystal Harmony Jade Pearl Orient Southern Western New Grand "
    "Apex Zenith Alpha Omega Unity Victory Rising Swift Noble Evergreen Société Ünal Çelik Đông São Nordic "
    "Atlas Coral Cedar Maple River Mountain Harbor Valley Horizon Liberty Pioneer Triumph Fortune Heritage"
).split()
WORDS_B = (
    "Textile Garment Apparel Electronics Components Trading Industrial Manufacturing Plastics Metals "
    "Packaging Chemical Agro Foods Rubber Leather Fabrics Yarn Semiconductor Materials Logistics Printing "
    "Dyeing Spinning Weaving Knitting Precision Hardware Circuit Energy Solar Battery Cable Steel Mining "
    "Minerals Refining Resources Export Import"
).split()
LEGAL_SUFFIXES = [
    " Co Ltd", " CO., LTD.", " Ltd", " Limited", " Inc.", ", Inc.", " GmbH", " S.A.", " Pvt Ltd", " LLC",
    " PLC", " Sdn Bhd", " AG", " JSC", " Co., Ltd.", "", " Corporation", " Pte. Ltd.", " S.r.l.", " A.Ş.",
]
RISK_SUFFIXES = [" Co., Ltd.", " CO LTD", " Limited", " Ltd.", " Inc", " S.A.", " GmbH", "", " Company Limited"]
STATUSES = ["conformant", "active", "non-conformant", "In Communication"]
CONFIDENCES = ["0.95", "0.8", "0.7", "0.6", "0.3", "1.0", "0.55"]
SHARES = ["100", "75", "60", "51", "50", "49", "40", "30", "25", "20", "10", "12.5", "37.5"]


def zipf_choice(rng: np.random.Generator, n: int, size: int, s: float = 1.0) -> np.ndarray:
    """`size` draws from 0..n-1 with P(r) proportional to 1/(r+1)^s."""
    weights = 1.0 / np.power(np.arange(1, n + 1, dtype=np.float64), s)
    cdf = np.cumsum(weights)
    cdf /= cdf[-1]
    return np.minimum(np.searchsorted(cdf, rng.random(size), side="right"), n - 1)


def base36(n: int) -> str:
    digits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    out = ""
    while True:
        n, r = divmod(n, 36)
        out = digits[r] + out
        if n == 0:
            return out


def lei_with_check(body18: str) -> str:
    converted = "".join(str(int(c, 36)) for c in body18) + "00"
    return body18 + f"{98 - int(converted) % 97:02d}"


class Generator:
    def __init__(self, entities: int, relationships: int, seed: int) -> None:
        if entities < 20:
            raise SystemExit("--entities must be at least 20")
        self.N = entities
        self.M = relationships
        self.rng = np.random.default_rng(seed)

    # ---------------------------------------------------------------- entities
    def risk_row(self, slot: int, i: int, k: int, list_name: str, name: str, category: str) -> dict:
        """Risk-list row `i` naming entity `slot` as `name`, with the columns the kinds shared by both
        shapes set: 0 identifier (name-country when the entity has none), 1 name-country, 2 name-only,
        4 another country (no match), 6 a different LEI (no name match), 7 a category the config does
        not use. Other kinds are left to the caller."""
        row = {"list": list_name, "name": name, "category": category, "country": "",
               "aliases": "", "lei": "", "duns": "", "cid": ""}
        country = self.country[slot]
        if k == 0:
            if self.lei[slot]:
                row["lei"] = self.lei[slot]
            elif self.duns[slot]:
                row["duns"] = self.duns[slot]
            row["country"] = country
        elif k in (1, 7):
            row["country"] = country
            if k == 7:
                row["category"] = "sanctions"
        elif k == 4:
            row["country"] = "KP" if country != "KP" else "IR"
        elif k == 6:
            row["lei"] = lei_with_check("5493" + "00" + base36(10 ** 10 + i).rjust(12, "0"))
        return row

    def lay_out_slots(self, growth: float) -> None:
        """Slot layout from the kind counts (no randomness): 0 focus | companies | holdings |
        facilities | mines | smelters; companies in tiers 1..8 whose sizes grow by `growth`."""
        N = self.N
        c0 = 1
        self.companies = np.arange(c0, c0 + self.n_company)
        h0 = c0 + self.n_company
        self.holdings = np.arange(h0, h0 + self.n_holding)
        f0 = h0 + self.n_holding
        self.facilities = np.arange(f0, f0 + self.n_facility)
        m0 = f0 + self.n_facility
        self.mines = np.arange(m0, m0 + self.n_mine)
        s0 = m0 + self.n_mine
        self.smelters = np.arange(s0, s0 + self.n_smelter)
        assert s0 + self.n_smelter == N

        kind = np.zeros(N, dtype=np.int8)  # 0 company 1 facility 2 mine 3 smelter
        kind[self.facilities] = 1
        kind[self.mines] = 2
        kind[self.smelters] = 3
        self.kind = kind

        depth = 8
        weights = np.power(growth, np.arange(1, depth + 1))
        sizes = np.maximum(1, np.floor(weights / weights.sum() * self.n_company)).astype(np.int64)
        sizes[-1] = self.n_company - sizes[:-1].sum()
        self.tier_members = [np.array([0])]
        start = c0
        for size in sizes:
            self.tier_members.append(np.arange(start, start + size))
            start += size
        self.company_tier = np.zeros(N, dtype=np.int8)
        for t, members in enumerate(self.tier_members):
            self.company_tier[members] = t

    def build_entities(self) -> None:
        N, rng = self.N, self.rng
        self.n_smelter = int(min(2000, max(5, N // 500)))
        self.n_mine = max(2, N // 100)
        self.n_facility = max(2, N * 6 // 100)
        self.n_holding = max(2, N * 3 // 100)
        self.n_company = N - 1 - self.n_smelter - self.n_mine - self.n_facility - self.n_holding
        self.lay_out_slots(growth=2.5)

        # ids: random permutation of E-numbers over slots 1..N-1; focus F0
        width = max(7, len(str(N)))
        numbers = rng.permutation(N - 1) + 1
        ids = ["F0"] + [f"E{n:0{width}d}" for n in numbers.tolist()]
        self.ids = ids

        # countries
        country = zipf_choice(rng, len(COUNTRIES), N, 1.1)
        self.country = np.array(COUNTRIES, dtype=object)[country]
        self.country[self.smelters] = np.array(SMELTER_COUNTRIES, dtype=object)[
            zipf_choice(rng, len(SMELTER_COUNTRIES), self.n_smelter, 0.8)]
        self.country[self.mines] = np.array(MINE_COUNTRIES, dtype=object)[
            zipf_choice(rng, len(MINE_COUNTRIES), self.n_mine, 0.8)]
        no_country = rng.random(N) < 0.03
        no_country[self.smelters] = False
        no_country[0] = False
        self.country[no_country] = ""
        self.country[0] = "GB"

        # commodities: 0, 1 or 2 per company/holding/facility
        first = zipf_choice(rng, len(COMMODITIES), N, 1.0)
        second = zipf_choice(rng, len(COMMODITIES), N, 1.0)
        count = rng.choice(3, size=N, p=[0.05, 0.70, 0.25])
        names = np.array(COMMODITIES, dtype=object)
        c1 = names[first]
        c2 = names[second]
        commodities = np.where(count == 0, "", np.where((count == 2) & (first != second), c1 + ";" + c2, c1))
        self.first_commodity = np.where(count == 0, "", c1).astype(object)
        metal = rng.integers(0, 4, N)
        metal_names = np.array(METALS, dtype=object)[metal]
        ore_names = np.array([ORES[m] for m in METALS], dtype=object)[metal]
        commodities[self.smelters] = metal_names[self.smelters]
        commodities[self.mines] = ore_names[self.mines]
        self.first_commodity[self.smelters] = metal_names[self.smelters]
        self.first_commodity[self.mines] = ore_names[self.mines]
        self.metal_names = metal_names
        self.ore_names = ore_names
        self.commodities = commodities
        self.sector = np.array(SECTORS, dtype=object)[zipf_choice(rng, len(SECTORS), N, 0.9)]
        self.sector[self.smelters] = "metals"
        self.sector[self.mines] = "mining"

        # names: "<A> <B> T<base36> <legal>" (token keeps names unique); 0.05 % share a bare name
        a = rng.integers(0, len(WORDS_A), N).tolist()
        b = rng.integers(0, len(WORDS_B), N).tolist()
        suffix = zipf_choice(rng, len(LEGAL_SUFFIXES), N, 0.7).tolist()
        upper = (rng.random(N) < 0.5).tolist()
        bare = (rng.random(N) < 0.0005).tolist()
        base: list[str] = []
        display: list[str] = []
        for slot in range(N):
            stem = f"{WORDS_A[a[slot]]} {WORDS_B[b[slot]]}"
            if not bare[slot]:
                stem += f" T{base36(slot).rjust(4, '0')}"
            base.append(stem)
            name = stem + LEGAL_SUFFIXES[suffix[slot]]
            display.append(name.upper() if upper[slot] else name)
        base[0] = "Focus Retail Group"
        display[0] = "Focus Retail Group plc"
        for slot in self.smelters.tolist():
            display[slot] = f"{base[slot]} {self.metal_names[slot].capitalize()} Smelter"
            base[slot] = display[slot]
        self.base_name = base
        self.name = display

        # identifiers: LEI for 8 %, DUNS for 12 % of companies and holdings; every smelter a CID
        firms = np.concatenate([self.companies, self.holdings])
        self.lei = np.full(N, "", dtype=object)
        self.duns = np.full(N, "", dtype=object)
        self.cid = np.full(N, "", dtype=object)
        lei_slots = firms[rng.random(firms.size) < 0.08]
        mult = 2_654_435_761
        for slot in lei_slots.tolist():
            body = "5493" + "00" + base36((slot * mult) % (36 ** 12)).rjust(12, "0")
            self.lei[slot] = lei_with_check(body)
        duns_slots = firms[rng.random(firms.size) < 0.12]
        duns_values = rng.choice(900_000_000, size=duns_slots.size, replace=False) + 100_000_000
        self.duns[duns_slots] = np.array([str(v) for v in duns_values.tolist()], dtype=object)
        cids = np.sort(rng.choice(999_999, size=self.n_smelter + 200, replace=False) + 1)
        cid_perm = rng.permutation(cids.size)
        self.cid_pool = [f"CID{v:06d}" for v in cids[cid_perm].tolist()]
        self.cid[self.smelters] = np.array(self.cid_pool[: self.n_smelter], dtype=object)
        self.raw_material = np.full(N, "", dtype=object)
        self.raw_material[self.mines] = "true"
        deepest = self.tier_members[-1]
        farms = deepest[rng.random(deepest.size) < 0.1]
        self.raw_material[farms] = "yes"

    # ---------------------------------------------------------------- relationships
    def build_relationships(self) -> None:
        N, M, rng = self.N, self.M, self.rng
        tm = self.tier_members
        fixed = {
            "operates": self.n_facility + self.n_mine + int(0.3 * self.n_smelter),
            "tree": self.n_company,
            "owns": 2 * self.n_holding,
            "smelter": min(self.n_smelter * 12, max(1, M // 50)),
            "mine": self.n_mine + self.n_mine // 2,
            "placeholder": max(2, M // 5000),
        }
        total = sum(fixed.values())
        if total > M:
            scale = M / total
            fixed = {k: int(v * scale) for k, v in fixed.items()}
        rest = M - sum(fixed.values())
        counts = dict(fixed)
        counts["subcontracts"] = int(rest * 0.06)
        counts["back"] = int(rest * 0.01)
        counts["cross"] = int(rest * 0.03)
        counts["extra"] = rest - counts["subcontracts"] - counts["back"] - counts["cross"]
        self.counts = counts

        frm: list[np.ndarray] = []
        to: list[np.ndarray] = []
        typ: list[np.ndarray] = []  # 0 supplies 1 subcontracts 2 owns 3 operates
        com: list[np.ndarray] = []  # commodity as object strings ("" none)

        def add(f, t, ty, commodity):
            frm.append(np.asarray(f, dtype=np.int64))
            to.append(np.asarray(t, dtype=np.int64))
            typ.append(np.full(len(f), ty, dtype=np.int8))
            com.append(np.asarray(commodity, dtype=object))

        def buyers_in(tier: int, size: int) -> np.ndarray:
            members = tm[tier]
            return members[zipf_choice(rng, members.size, size, 0.9)]

        def tier_of_pick(size: int, low: int = 1) -> np.ndarray:
            sizes = np.array([m.size for m in tm[low:]], dtype=np.float64)
            return rng.choice(np.arange(low, len(tm)), size=size, p=sizes / sizes.sum())

        def commodity_of(slots: np.ndarray) -> np.ndarray:
            values = self.first_commodity[slots].copy()
            values[rng.random(slots.size) < 0.2] = ""
            return values

        # tree: each company supplies one buyer one tier down
        n = counts["tree"]
        suppliers = self.companies[:n] if n <= self.n_company else self.companies
        t_of = self.company_tier[suppliers]
        buyers = np.empty(suppliers.size, dtype=np.int64)
        for tier in range(1, len(tm)):
            mask = t_of == tier
            buyers[mask] = buyers_in(tier - 1, int(mask.sum()))
        add(suppliers, buyers, 0, commodity_of(suppliers))

        # extra supplies between adjacent tiers, fan-in skewed
        n = counts["extra"]
        tiers = tier_of_pick(n, 1)
        sup = np.empty(n, dtype=np.int64)
        buy = np.empty(n, dtype=np.int64)
        for tier in range(1, len(tm)):
            mask = tiers == tier
            k = int(mask.sum())
            sup[mask] = tm[tier][rng.integers(0, tm[tier].size, k)]
            buy[mask] = buyers_in(tier - 1, k)
        add(sup, buy, 0, commodity_of(sup))

        # subcontracts: tier k+1 -> tier k
        n = counts["subcontracts"]
        tiers = tier_of_pick(n, 2)
        sup = np.empty(n, dtype=np.int64)
        buy = np.empty(n, dtype=np.int64)
        for tier in range(2, len(tm)):
            mask = tiers == tier
            k = int(mask.sum())
            sup[mask] = tm[tier][rng.integers(0, tm[tier].size, k)]
            buy[mask] = buyers_in(tier - 1, k)
        add(sup, buy, 1, np.where(rng.random(n) < 0.7, "", "assembly").astype(object))

        # back-links (cycles): a buyer in tier k supplies a company in tier k+1..k+3
        n = counts["back"]
        tiers = tier_of_pick(n, 1)
        sup = np.empty(n, dtype=np.int64)
        buy = np.empty(n, dtype=np.int64)
        for tier in range(1, len(tm)):
            mask = tiers == tier
            k = int(mask.sum())
            up = np.minimum(len(tm) - 1, tier + rng.integers(1, 4, k))
            sup[mask] = tm[tier][rng.integers(0, tm[tier].size, k)]
            buy[mask] = [tm[u][rng.integers(0, tm[u].size)] for u in up.tolist()]
        add(sup, buy, 0, commodity_of(sup))

        # cross-links: any company to any company (includes the odd self-loop)
        n = counts["cross"]
        sup = self.companies[rng.integers(0, self.n_company, n)]
        buy = self.companies[rng.integers(0, self.n_company, n)]
        add(sup, buy, 0, commodity_of(sup))

        # operates: every facility and mine, 30 % of smelters
        n = counts["operates"]
        operated = np.concatenate([self.facilities, self.mines, self.smelters[: int(0.3 * self.n_smelter)]])[:n]
        operators = self.companies[zipf_choice(rng, self.n_company, operated.size, 0.3)]
        add(operators, operated, 3, np.full(operated.size, "", dtype=object))

        # owns: holding -> company or holding (chains); shares skewed
        n = counts["owns"]
        owners = self.holdings[rng.integers(0, self.n_holding, n)]
        chain = rng.random(n) < 0.25
        owned = np.where(chain, self.holdings[rng.integers(0, self.n_holding, n)],
                         self.companies[rng.integers(0, self.n_company, n)])
        owned[owned == owners] = self.companies[0]
        add(owners, owned, 2, np.full(n, "", dtype=object))
        self.owns_share = np.array(SHARES, dtype=object)[rng.integers(0, len(SHARES), n)]

        # smelters supply deep-tier companies with their metal
        n = counts["smelter"]
        sm = self.smelters[zipf_choice(rng, self.n_smelter, n, 0.6)]
        deep = np.concatenate(tm[max(1, len(tm) - 4):])
        add(sm, deep[rng.integers(0, deep.size, n)], 0, self.metal_names[sm])

        # mines supply smelters with ore
        n = counts["mine"]
        mi = self.mines[rng.integers(0, self.n_mine, n)]
        add(mi, self.smelters[rng.integers(0, self.n_smelter, n)], 0, self.ore_names[mi])

        # edges from unknown suppliers (placeholder entities)
        n = counts["placeholder"]
        width = max(7, len(str(N)))
        self.placeholder_ids = [f"X{i + 1:0{width}d}" for i in range(max(1, n // 3 + 1))]
        ph = N + rng.integers(0, len(self.placeholder_ids), n)
        add(ph, buyers_in(len(tm) - 2, n), 0, np.full(n, "", dtype=object))

        frm_a = np.concatenate(frm)
        to_a = np.concatenate(to)
        typ_a = np.concatenate(typ)
        com_a = np.concatenate(com)
        assert frm_a.size == M, (frm_a.size, M)
        share = np.full(M, "", dtype=object)
        owns_positions = np.flatnonzero(typ_a == 2)
        share[owns_positions] = self.owns_share
        basis = np.array(["observed", "declared", "inferred", ""], dtype=object)[
            rng.choice(4, size=M, p=[0.10, 0.55, 0.20, 0.15])]
        confidence = np.full(M, "", dtype=object)
        explicit = rng.random(M) < 0.04
        confidence[explicit] = np.array(CONFIDENCES, dtype=object)[rng.integers(0, len(CONFIDENCES), int(explicit.sum()))]
        hs_lookup = {c: HS.get(c, "") for c in set_list(com_a)}
        hs_code = np.array([hs_lookup[c] for c in com_a.tolist()], dtype=object)
        hs_code[rng.random(M) < 0.3] = ""
        year = np.array(["2023", "2024", "2025", ""], dtype=object)[rng.choice(4, size=M, p=[0.2, 0.3, 0.3, 0.2])]
        order = rng.permutation(M)
        self.rel = (frm_a[order], to_a[order], typ_a[order], com_a[order], hs_code[order], share[order],
                    basis[order], confidence[order], year[order])

    # ---------------------------------------------------------------- reference data
    def build_risk_list(self) -> list[list[str]]:
        rng, N = self.rng, self.N
        rows: list[list[str]] = []
        n = max(40, N // 500)
        lists = ["UFLPA Entity List", "CBP Withhold Release Orders", "Internal audit findings"]
        categories = ["forced_labour", "child_labour", "conflict_minerals"]
        firms = np.concatenate([self.companies, self.holdings])
        holdings_bias = rng.random(n) < 0.3
        targets = np.where(holdings_bias, self.holdings[rng.integers(0, self.n_holding, n)],
                           firms[rng.integers(0, firms.size, n)]).tolist()
        kinds = rng.choice(8, size=n, p=[0.22, 0.33, 0.18, 0.05, 0.05, 0.07, 0.05, 0.05]).tolist()
        cats = rng.choice(3, size=n, p=[0.6, 0.3, 0.1]).tolist()
        suffix = rng.integers(0, len(RISK_SUFFIXES), n).tolist()
        style = rng.integers(0, 3, n).tolist()
        lst = rng.integers(0, len(lists), n).tolist()
        for i in range(n):
            slot = targets[i]
            stem = self.base_name[slot]
            stem = stem.upper() if style[i] == 0 else stem.lower() if style[i] == 1 else stem
            name = stem + RISK_SUFFIXES[suffix[i]]
            k = kinds[i]
            row = self.risk_row(slot, i, k, lists[lst[i]], name, categories[cats[i]])
            if k == 3:  # alias match: the listed name is a former name, the alias is current
                row["name"] = f"Former {stem} Holdings"
                row["aliases"] = f"Old Name {i};{name}"
                row["country"] = self.country[slot]
            elif k == 5:  # noise
                row["name"] = f"Unrelated Trading {i} Ltd"
                row["country"] = COUNTRIES[i % len(COUNTRIES)]
            rows.append([row[k2] for k2 in ("list", "name", "category", "country", "aliases", "lei", "duns", "cid")])
        # smelters listed by CID for conflict minerals
        for j, slot in enumerate(self.smelters[rng.random(self.n_smelter) < 0.05].tolist()):
            rows.append([lists[2], self.name[slot], "conflict_minerals", "", "", "", "", self.cid[slot]])
        return rows

    def country_risk_rows(self) -> list[list[str]]:
        rows = [
            ["CN", "forced_labour", "0.9", "cotton", "UFLPA high-priority sector"],
            ["CN", "forced_labour", "0.9", "polysilicon", "UFLPA high-priority sector"],
            ["CN", "forced_labour", "0.3", "", "Global Slavery Index (synthetic)"],
            ["CN", "forced_labour", "0.7", "tomatoes", "UFLPA high-priority sector"],
            ["CD", "conflict_minerals", "0.9", "", "Conflict-affected and high-risk area"],
            ["CD", "child_labour", "0.8", "cobalt", "ILAB list (synthetic)"],
            ["RW", "conflict_minerals", "0.5", "", "CAHRA adjoining country"],
            ["IN", "child_labour", "0.5", "cotton", "ILAB list (synthetic)"],
            ["IN", "forced_labour", "0.4", "", "Global Slavery Index (synthetic)"],
            ["BD", "forced_labour", "0.5", "apparel", "sector risk"],
            ["MY", "forced_labour", "0.6", "palm oil", "ILAB list (synthetic)"],
            ["MY", "forced_labour", "0.6", "gloves", "ILAB list (synthetic)"],
            ["GH", "child_labour", "0.8", "cocoa", "ILAB list (synthetic)"],
            ["CI", "child_labour", "0.8", "cocoa", "ILAB list (synthetic)"],
            ["UZ", "forced_labour", "0.7", "cotton", "ILAB list (synthetic)"],
            ["TM", "forced_labour", "0.8", "cotton", "ILAB list (synthetic)"],
            ["BR", "forced_labour", "0.4", "cattle", "ILAB list (synthetic)"],
            ["TH", "forced_labour", "0.5", "seafood", "ILAB list (synthetic)"],
            ["TH", "forced_labour", "0.55", "shrimp", "ILAB list (synthetic)"],
            ["VN", "child_labour", "0.3", "", "sector risk"],
            ["PK", "child_labour", "0.6", "", "sector risk"],
            ["KH", "forced_labour", "0.35", "apparel", "sector risk"],
            ["ID", "child_labour", "0.45", "palm oil", "ILAB list (synthetic)"],
            ["BO", "child_labour", "0.6", "tin", "ILAB list (synthetic)"],
            ["PE", "forced_labour", "0.5", "gold", "ILAB list (synthetic)"],
            ["UK", "forced_labour", "0.1", "", "baseline (UK reads as GB)"],
            ["TR", "forced_labour", "0.45", "apparel", "sector risk"],
            ["TR", "forced_labour", "0.5", "apparel", "duplicate row, higher score wins"],
            ["ET", "child_labour", "0.5", "coffee", "ILAB list (synthetic)"],
            ["US", "forced_labour", "0.05", "", "baseline"],
        ]
        return rows

    def smelter_reference_rows(self) -> list[list[str]]:
        rng = self.rng
        rows = []
        present = rng.random(self.n_smelter) < 0.9
        status = rng.choice(4, size=self.n_smelter, p=[0.6, 0.15, 0.1, 0.15]).tolist()
        for j, slot in enumerate(self.smelters.tolist()):
            if present[j]:
                rows.append([self.cid[slot], STATUSES[status[j]], self.name[slot], self.metal_names[slot],
                             self.country[slot]])
        # CIDs of smelters not in the graph
        for cid in self.cid_pool[self.n_smelter:self.n_smelter + 50]:
            rows.append([cid, "conformant", f"Reference-only smelter {cid}", "tin", "MY"])
        # a duplicate CID (the first row wins)
        if rows:
            first = rows[0]
            rows.append([first[0], "non-conformant" if first[1] != "non-conformant" else "conformant"] + first[2:])
        return rows

    # ---------------------------------------------------------------- writing
    def entity_columns(self) -> tuple[str, list[list[str]]]:
        """The header and the columns of entities.csv."""
        kinds = np.array(["company", "facility", "mine", "smelter"], dtype=object)[self.kind]
        header = "id,name,kind,country,sector,commodities,lei,duns,cid,raw_material"
        cols = [self.ids[: self.N], [quote(n) for n in self.name], kinds.tolist(), self.country.tolist(),
                self.sector.tolist(), self.commodities.tolist(), self.lei.tolist(), self.duns.tolist(),
                self.cid.tolist(), self.raw_material.tolist()]
        return header, cols

    def write(self, out: str) -> None:
        os.makedirs(out, exist_ok=True)
        with open(os.path.join(out, "entities.csv"), "w", encoding="utf-8", newline="", buffering=1 << 22) as f:
            header, cols = self.entity_columns()
            f.write(header + "\n")
            chunk = 200_000
            for start in range(0, self.N, chunk):
                part = [c[start:start + chunk] for c in cols]
                f.write("\n".join(map(",".join, zip(*part))))
                f.write("\n")
        all_ids = np.array(self.ids + self.placeholder_ids, dtype=object)
        types = np.array(["supplies", "subcontracts", "owns", "operates"], dtype=object)
        frm, to, typ, com, hs, share, basis, conf, year = self.rel
        with open(os.path.join(out, "relationships.csv"), "w", encoding="utf-8", newline="",
                  buffering=1 << 22) as f:
            f.write("from,to,type,commodity,hs_code,share,basis,confidence,reporting_year\n")
            chunk = 500_000
            for start in range(0, self.M, chunk):
                s = slice(start, start + chunk)
                cols = [all_ids[frm[s]].tolist(), all_ids[to[s]].tolist(), types[typ[s]].tolist(),
                        com[s].tolist(), hs[s].tolist(), share[s].tolist(), basis[s].tolist(), conf[s].tolist(),
                        year[s].tolist()]
                f.write("\n".join(map(",".join, zip(*cols))))
                f.write("\n")
        write_rows(os.path.join(out, "risk-list.csv"), "list,name,category,country,aliases,lei,duns,cid",
                   self.build_risk_list())
        write_rows(os.path.join(out, "country-risk.csv"), "country,category,score,commodity,source",
                   self.country_risk_rows())
        write_rows(os.path.join(out, "smelter-reference.csv"), "cid,status,name,metal,country",
                   self.smelter_reference_rows())


def set_list(values: np.ndarray) -> list[str]:
    return sorted(set(values.tolist()))


def quote(value: str) -> str:
    if any(c in value for c in ',"\r\n'):
        return '"' + value.replace('"', '""') + '"'
    return value


def write_rows(path: str, header: str, rows: list[list[str]]) -> None:
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write(header + "\n")
        for row in rows:
            f.write(",".join(quote(c) for c in row) + "\n")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--entities", type=int, required=True)
    parser.add_argument("--relationships", type=int, required=True)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", required=True)
    parser.add_argument("--shape", choices=("classic", "realistic"), default="classic",
                        help="classic: the tiered tree of earlier rounds; realistic: the shape of issue #21 "
                             "(Scripts/realistic_shape.py)")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    if args.shape == "realistic":
        sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
        from realistic_shape import RealisticGenerator

        gen: Generator = RealisticGenerator(args.entities, args.relationships, args.seed)
    else:
        gen = Generator(args.entities, args.relationships, args.seed)
    gen.build_entities()
    gen.build_relationships()
    gen.write(args.out)
    print(f"generated {args.entities} entities, {args.relationships} relationships in "
          f"{time.perf_counter() - started:.1f} s -> {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
