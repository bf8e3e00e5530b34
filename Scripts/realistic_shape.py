"""The realistic shape of `Scripts/generate.py --shape realistic` (issue #21; docs/performance.md).

The classic shape (generate.py's default) is a clean tiered tree with a small risk list. Real
buyers' inputs are more expensive to scan, and this shape has the features that make them so:

- entity kinds 80 % companies, 10 % facilities, 6 % smelters, 4 % mines;
- relationships ~86.6 % supplies, 7 % subcontracts, 4 % owns, 2.4 % operates;
- companies carry LEIs (check digits valid), DUNS numbers and `;`-separated aliases (trading and
  former names); every smelter a CID;
- a risk list of ~8,500 rows whatever the graph size (a real list does not grow with the buyer):
  identifier rows, name variants of entity names (legal form swapped, case, punctuation), alias
  rows, country mismatches, unrelated names, an unused category and CID rows;
- ~100 country-commodity rows (every commodity-free row and the commodity rows of the busy
  countries), a smelter reference of ~45,000 rows (most smelters of the graph plus reference-only
  CIDs, a few duplicate CIDs);
- companies in 8 upstream tiers; facilities supplying companies; mines supplying smelters;
  smelters supplying deep-tier companies; back-links, cross-links and unknown suppliers;
- ownership: 1-3 owners per owned company, shares drawn independently, so that some entities'
  owners hold more than 100 % in total (a data error real registers contain).

Deterministic: numpy's default_rng(seed) is the only randomness.
"""

from __future__ import annotations

import numpy as np

import generate as G

RISK_LIST_ROWS = 8_500
SMELTER_REFERENCE_ROWS = 45_000
COUNTRY_RISK_ROWS = 100
# commodity rows name the first this many commodities (Zipf-ranked): the knob for critical exposures
HIGH_RISK_COMMODITIES = 8
OWNER_SHARES = ["100", "80", "75", "60", "51", "50", "49", "45", "40", "35", "30", "25", "20", "15", "10", "5"]
ALIAS_WORDS = ["Trading", "Industrial", "International", "Group", "Enterprise", "Manufacturing", "Export"]
PUNCTUATION = [("", ""), (" ", "-"), (" ", ", "), (" ", "  "), (" ", " & ")]


class RealisticGenerator(G.Generator):
    """Same writer and file formats as the classic generator; a different graph and reference data."""

    # ---------------------------------------------------------------- entities
    def build_entities(self) -> None:
        N, rng = self.N, self.rng
        if N < 100:
            raise SystemExit("--shape realistic needs --entities of at least 100")
        self.n_facility = N * 10 // 100
        self.n_smelter = N * 6 // 100
        self.n_mine = N * 4 // 100
        self.n_company = N - 1 - self.n_facility - self.n_smelter - self.n_mine
        self.n_holding = 0
        self.lay_out_slots(growth=2.2)

        width = max(7, len(str(N)))
        numbers = rng.permutation(N - 1) + 1
        self.ids = ["F0"] + [f"E{n:0{width}d}" for n in numbers.tolist()]

        country = G.zipf_choice(rng, len(G.COUNTRIES), N, 1.1)
        self.country = np.array(G.COUNTRIES, dtype=object)[country]
        self.country[self.smelters] = np.array(G.SMELTER_COUNTRIES, dtype=object)[
            G.zipf_choice(rng, len(G.SMELTER_COUNTRIES), self.n_smelter, 0.8)]
        self.country[self.mines] = np.array(G.MINE_COUNTRIES, dtype=object)[
            G.zipf_choice(rng, len(G.MINE_COUNTRIES), self.n_mine, 0.8)]
        no_country = rng.random(N) < 0.03
        no_country[self.smelters] = False
        no_country[0] = False
        self.country[no_country] = ""
        self.country[0] = "GB"

        first = G.zipf_choice(rng, len(G.COMMODITIES), N, 1.0)
        second = G.zipf_choice(rng, len(G.COMMODITIES), N, 1.0)
        count = rng.choice(3, size=N, p=[0.05, 0.65, 0.30])
        names = np.array(G.COMMODITIES, dtype=object)
        c1, c2 = names[first], names[second]
        commodities = np.where(count == 0, "", np.where((count == 2) & (first != second), c1 + ";" + c2, c1))
        self.first_commodity = np.where(count == 0, "", c1).astype(object)
        metal = rng.integers(0, 4, N)
        self.metal_names = np.array(G.METALS, dtype=object)[metal]
        self.ore_names = np.array([G.ORES[m] for m in G.METALS], dtype=object)[metal]
        commodities[self.smelters] = self.metal_names[self.smelters]
        commodities[self.mines] = self.ore_names[self.mines]
        self.first_commodity[self.smelters] = self.metal_names[self.smelters]
        self.first_commodity[self.mines] = self.ore_names[self.mines]
        self.commodities = commodities
        self.sector = np.array(G.SECTORS, dtype=object)[G.zipf_choice(rng, len(G.SECTORS), N, 0.9)]
        self.sector[self.smelters] = "metals"
        self.sector[self.mines] = "mining"

        a = rng.integers(0, len(G.WORDS_A), N).tolist()
        b = rng.integers(0, len(G.WORDS_B), N).tolist()
        suffix = G.zipf_choice(rng, len(G.LEGAL_SUFFIXES), N, 0.7).tolist()
        upper = (rng.random(N) < 0.4).tolist()
        base: list[str] = []
        display: list[str] = []
        for slot in range(N):
            stem = f"{G.WORDS_A[a[slot]]} {G.WORDS_B[b[slot]]} T{G.base36(slot).rjust(4, '0')}"
            base.append(stem)
            name = stem + G.LEGAL_SUFFIXES[suffix[slot]]
            display.append(name.upper() if upper[slot] else name)
        base[0] = "Focus Retail Group"
        display[0] = "Focus Retail Group plc"
        site_word = np.array(["Facility", "Mine", "Smelter"], dtype=object)
        for slot in np.concatenate([self.facilities, self.mines, self.smelters]).tolist():
            word = site_word[self.kind[slot] - 1]
            metal = self.metal_names[slot].capitalize() + " " if self.kind[slot] == 3 else ""
            display[slot] = f"{base[slot]} {metal}{word}"
            base[slot] = display[slot]
        self.base_name = base
        self.name = display

        # aliases: 15 % of companies have one or two (a trading name, a former name)
        self.aliases = np.full(N, "", dtype=object)
        with_alias = self.companies[rng.random(self.n_company) < 0.15]
        words = rng.integers(0, len(ALIAS_WORDS), with_alias.size).tolist()
        two = (rng.random(with_alias.size) < 0.3).tolist()
        for slot, w, both in zip(with_alias.tolist(), words, two):
            trading = f"{base[slot]} {ALIAS_WORDS[w]}"
            self.aliases[slot] = f"{trading};Former {base[slot]}" if both else trading

        # identifiers: LEI 10 %, DUNS 20 % of companies; a CID for every smelter
        self.lei = np.full(N, "", dtype=object)
        self.duns = np.full(N, "", dtype=object)
        self.cid = np.full(N, "", dtype=object)
        lei_slots = self.companies[rng.random(self.n_company) < 0.10]
        mult = 2_654_435_761
        for slot in lei_slots.tolist():
            self.lei[slot] = G.lei_with_check("5493" + "00" + G.base36((slot * mult) % (36 ** 12)).rjust(12, "0"))
        duns_slots = self.companies[rng.random(self.n_company) < 0.20]
        duns_values = rng.choice(900_000_000, size=duns_slots.size, replace=False) + 100_000_000
        self.duns[duns_slots] = np.array([str(v) for v in duns_values.tolist()], dtype=object)
        pool = self.n_smelter + SMELTER_REFERENCE_ROWS + 2_000
        cids = rng.choice(999_999, size=pool, replace=False) + 1
        self.cid_pool = [f"CID{v:06d}" for v in cids.tolist()]
        self.cid[self.smelters] = np.array(self.cid_pool[: self.n_smelter], dtype=object)
        self.raw_material = np.full(N, "", dtype=object)
        self.raw_material[self.mines] = "true"
        deepest = self.tier_members[-1]
        self.raw_material[deepest[rng.random(deepest.size) < 0.1]] = "yes"

    # ---------------------------------------------------------------- relationships
    def build_relationships(self) -> None:
        N, M, rng = self.N, self.M, self.rng
        tm = self.tier_members
        counts = {
            "operates": int(M * 0.024),
            "owns": int(M * 0.04),
            "subcontracts": int(M * 0.07),
        }
        supplies = M - sum(counts.values())
        fixed = {
            "tree": self.n_company,
            "facility": self.n_facility,
            "smelter": int(M * 0.02),
            "mine": self.n_mine + self.n_mine // 2,
            "placeholder": max(2, M // 5000),
            "back": int(M * 0.005),
            "cross": int(M * 0.01),
        }
        if sum(fixed.values()) > supplies:
            scale = supplies / sum(fixed.values())
            fixed = {k: int(v * scale) for k, v in fixed.items()}
        counts.update(fixed)
        counts["extra"] = supplies - sum(fixed.values())
        self.counts = counts

        frm: list[np.ndarray] = []
        to: list[np.ndarray] = []
        typ: list[np.ndarray] = []
        com: list[np.ndarray] = []
        shares: list[np.ndarray] = []

        def add(f, t, ty, commodity, share=None):
            frm.append(np.asarray(f, dtype=np.int64))
            to.append(np.asarray(t, dtype=np.int64))
            typ.append(np.full(len(f), ty, dtype=np.int8))
            com.append(np.asarray(commodity, dtype=object))
            shares.append(np.full(len(f), "", dtype=object) if share is None else np.asarray(share, dtype=object))

        def buyers_in(tier: int, size: int) -> np.ndarray:
            members = tm[tier]
            return members[G.zipf_choice(rng, members.size, size, 0.9)]

        def tier_pick(size: int, low: int) -> np.ndarray:
            sizes = np.array([m.size for m in tm[low:]], dtype=np.float64)
            return rng.choice(np.arange(low, len(tm)), size=size, p=sizes / sizes.sum())

        def commodity_of(slots: np.ndarray) -> np.ndarray:
            values = self.first_commodity[slots].copy()
            values[rng.random(slots.size) < 0.2] = ""
            return values

        def adjacent(n: int, low: int, up_by) -> tuple[np.ndarray, np.ndarray]:
            tiers = tier_pick(n, low)
            sup = np.empty(n, dtype=np.int64)
            buy = np.empty(n, dtype=np.int64)
            for tier in range(low, len(tm)):
                mask = tiers == tier
                k = int(mask.sum())
                sup[mask] = tm[tier][rng.integers(0, tm[tier].size, k)]
                buy[mask] = buyers_in(max(0, tier - up_by), k)
            return sup, buy

        # tree: each company supplies one buyer one tier down
        suppliers = self.companies[: counts["tree"]]
        t_of = self.company_tier[suppliers]
        buyers = np.empty(suppliers.size, dtype=np.int64)
        for tier in range(1, len(tm)):
            mask = t_of == tier
            buyers[mask] = buyers_in(tier - 1, int(mask.sum()))
        add(suppliers, buyers, 0, commodity_of(suppliers))
        sup, buy = adjacent(counts["extra"], 1, 1)
        add(sup, buy, 0, commodity_of(sup))
        # facilities supply companies of tiers 1..7
        fac = self.facilities[: counts["facility"]]
        mid = np.concatenate(tm[1:len(tm) - 1])
        add(fac, mid[rng.integers(0, mid.size, fac.size)], 0, commodity_of(fac))
        # smelters supply deep-tier companies with their metal; mines supply smelters with ore
        n = counts["smelter"]
        sm = self.smelters[G.zipf_choice(rng, self.n_smelter, n, 0.5)]
        deep = np.concatenate(tm[max(1, len(tm) - 4):])
        add(sm, deep[rng.integers(0, deep.size, n)], 0, self.metal_names[sm])
        n = counts["mine"]
        mi = self.mines[rng.integers(0, self.n_mine, n)]
        add(mi, self.smelters[rng.integers(0, self.n_smelter, n)], 0, self.ore_names[mi])
        # back-links (cycles) and cross-links
        n = counts["back"]
        tiers = tier_pick(n, 1)
        sup = np.empty(n, dtype=np.int64)
        buy = np.empty(n, dtype=np.int64)
        for tier in range(1, len(tm)):
            mask = tiers == tier
            k = int(mask.sum())
            up = np.minimum(len(tm) - 1, tier + rng.integers(1, 4, k))
            sup[mask] = tm[tier][rng.integers(0, tm[tier].size, k)]
            buy[mask] = [tm[u][rng.integers(0, tm[u].size)] for u in up.tolist()]
        add(sup, buy, 0, commodity_of(sup))
        n = counts["cross"]
        sup = self.companies[rng.integers(0, self.n_company, n)]
        add(sup, self.companies[rng.integers(0, self.n_company, n)], 0, commodity_of(sup))
        # unknown suppliers (placeholders)
        n = counts["placeholder"]
        width = max(7, len(str(N)))
        self.placeholder_ids = [f"X{i + 1:0{width}d}" for i in range(max(1, n // 3 + 1))]
        add(N + rng.integers(0, len(self.placeholder_ids), n), buyers_in(len(tm) - 2, n), 0,
            np.full(n, "", dtype=object))
        # subcontracts: tier k+1 -> tier k
        sup, buy = adjacent(counts["subcontracts"], 2, 1)
        add(sup, buy, 1, np.where(rng.random(sup.size) < 0.7, "", "assembly").astype(object))
        # operates: companies operate a subset of the sites (facilities first, then mines and smelters)
        n = counts["operates"]
        sites = np.concatenate([self.facilities, self.mines, self.smelters])
        operated = sites[rng.permutation(sites.size)[:n]] if n <= sites.size else sites[rng.integers(0, sites.size, n)]
        operators = self.companies[G.zipf_choice(rng, self.n_company, operated.size, 0.3)]
        add(operators, operated, 3, np.full(operated.size, "", dtype=object))
        # owns: each owned company has 1-3 owners with independent shares (some totals > 100 %)
        n = counts["owns"]
        per = rng.choice(3, size=n, p=[0.6, 0.25, 0.15]) + 1
        owned_slots = self.companies[rng.integers(0, self.n_company, n)]
        owned = np.repeat(owned_slots, per)[:n]
        owners = self.companies[G.zipf_choice(rng, self.n_company, n, 0.4)]
        owners = np.where(owners == owned, self.companies[0], owners)
        share = np.array(OWNER_SHARES, dtype=object)[G.zipf_choice(rng, len(OWNER_SHARES), n, 0.3)]
        add(owners, owned, 2, np.full(n, "", dtype=object), share)

        frm_a, to_a = np.concatenate(frm), np.concatenate(to)
        typ_a, com_a, share_a = np.concatenate(typ), np.concatenate(com), np.concatenate(shares)
        assert frm_a.size == M, (frm_a.size, M)
        basis = np.array(["observed", "declared", "inferred", ""], dtype=object)[
            rng.choice(4, size=M, p=[0.15, 0.55, 0.15, 0.15])]
        confidence = np.full(M, "", dtype=object)
        explicit = rng.random(M) < 0.04
        confidence[explicit] = np.array(G.CONFIDENCES, dtype=object)[rng.integers(0, len(G.CONFIDENCES),
                                                                                  int(explicit.sum()))]
        hs_lookup = {c: G.HS.get(c, "") for c in G.set_list(com_a)}
        hs_code = np.array([hs_lookup[c] for c in com_a.tolist()], dtype=object)
        hs_code[rng.random(M) < 0.3] = ""
        year = np.array(["2023", "2024", "2025", ""], dtype=object)[rng.choice(4, size=M, p=[0.2, 0.3, 0.3, 0.2])]
        order = rng.permutation(M)
        self.rel = (frm_a[order], to_a[order], typ_a[order], com_a[order], hs_code[order], share_a[order],
                    basis[order], confidence[order], year[order])

    # ---------------------------------------------------------------- reference data
    def variant(self, stem: str, how: int, suffix: int) -> str:
        """A name as a list writes it: case, punctuation and legal form differ from the record."""
        text = stem.replace(*PUNCTUATION[how % len(PUNCTUATION)]) if how % len(PUNCTUATION) != 4 else stem
        text = text.upper() if how % 3 == 0 else text.lower() if how % 3 == 1 else text
        return text + G.RISK_SUFFIXES[suffix]

    def build_risk_list(self) -> list[list[str]]:
        rng = self.rng
        n = min(RISK_LIST_ROWS, max(40, self.N // 2))
        lists = ["UFLPA Entity List", "CBP Withhold Release Orders", "Sanctions screening export",
                 "Internal audit findings"]
        categories = ["forced_labour", "child_labour", "conflict_minerals"]
        targets = self.companies[rng.integers(0, self.n_company, n)].tolist()
        kinds = rng.choice(9, size=n, p=[0.20, 0.28, 0.12, 0.06, 0.05, 0.14, 0.04, 0.05, 0.06]).tolist()
        cats = rng.choice(3, size=n, p=[0.6, 0.3, 0.1]).tolist()
        suffix = rng.integers(0, len(G.RISK_SUFFIXES), n).tolist()
        how = rng.integers(0, 15, n).tolist()
        lst = rng.integers(0, len(lists), n).tolist()
        a = rng.integers(0, len(G.WORDS_A), n).tolist()
        b = rng.integers(0, len(G.WORDS_B), n).tolist()
        rows: list[list[str]] = []
        for i in range(n):
            slot = targets[i]
            stem = self.base_name[slot]
            name = self.variant(stem, how[i], suffix[i])
            k = kinds[i]
            row = self.risk_row(slot, i, k, lists[lst[i]], name, categories[cats[i]])
            country = self.country[slot]
            if k == 3:  # the entity's alias is on the list, or the list names the entity as an alias
                alias = self.aliases[slot].split(";")[0] if self.aliases[slot] else ""
                if alias:
                    row["name"] = self.variant(alias, how[i], suffix[i])
                else:
                    row["name"] = f"Former {stem} Holdings"
                    row["aliases"] = f"Old Name {i};{name}"
                row["country"] = country
            elif k == 5:  # unrelated names (what a screening list mostly holds)
                row["name"] = f"{G.WORDS_A[a[i]]} {G.WORDS_B[b[i]]} R{G.base36(i).rjust(4, '0')}" + \
                    G.RISK_SUFFIXES[suffix[i]]
                row["country"] = G.COUNTRIES[i % len(G.COUNTRIES)]
                if i % 4 == 0:
                    row["aliases"] = f"{G.WORDS_A[b[i] % len(G.WORDS_A)]} {G.WORDS_B[a[i] % len(G.WORDS_B)]} A{i}"
            elif k == 8:  # a smelter by CID (conflict minerals)
                smelter = int(self.smelters[(i * 7919) % self.n_smelter])
                row.update(name=self.name[smelter], category="conflict_minerals", cid=self.cid[smelter])
            rows.append([row[k2] for k2 in ("list", "name", "category", "country", "aliases", "lei", "duns", "cid")])
        return rows

    def country_risk_rows(self) -> list[list[str]]:
        """~100 rows: a commodity-free row per (country, category) of the riskier countries and
        commodity rows for what those countries export; scores fixed per position (no rng), so
        the table is the same for every size."""
        rows = []
        busy = G.COUNTRIES[:24]
        for i, country in enumerate(busy):
            rows.append([country, "forced_labour", f"{0.05 + 0.35 * ((i * 7) % 11) / 10:.2f}", "",
                         "Global Slavery Index (synthetic)"])
            if i % 2 == 0:
                rows.append([country, "child_labour", f"{0.1 + 0.3 * ((i * 5) % 7) / 6:.2f}", "",
                             "ILAB (synthetic)"])
        for country in G.SMELTER_COUNTRIES[:6] + G.MINE_COUNTRIES[:4]:
            rows.append([country, "conflict_minerals", "0.5", "", "CAHRA (synthetic)"])
        for j in range(COUNTRY_RISK_ROWS - 1 - len(rows)):  # what the busy countries export (ILAB-like)
            country, commodity = busy[j % 9], G.COMMODITIES[(j // 9 + 2 * (j % 9)) % HIGH_RISK_COMMODITIES]
            category = "forced_labour" if j % 3 else "child_labour"
            score = "0.65" if j % 5 == 4 else f"{0.8 + 0.05 * (j % 4):.2f}"
            rows.append([country, category, score, commodity, "ILAB goods list (synthetic)"])
        rows.append(["UK", "forced_labour", "0.1", "", "baseline (UK reads as GB)"])
        return rows

    def smelter_reference_rows(self) -> list[list[str]]:
        rng = self.rng
        rows = []
        in_graph = min(self.n_smelter, SMELTER_REFERENCE_ROWS * 9 // 10)
        present = np.zeros(self.n_smelter, dtype=np.bool_)
        present[rng.permutation(self.n_smelter)[:in_graph]] = True
        present &= rng.random(self.n_smelter) < 0.92
        status = rng.choice(4, size=self.n_smelter, p=[0.6, 0.15, 0.1, 0.15]).tolist()
        for j, slot in enumerate(self.smelters.tolist()):
            if present[j]:
                rows.append([self.cid[slot], G.STATUSES[status[j]], self.name[slot], self.metal_names[slot],
                             self.country[slot]])
        extra = max(50, SMELTER_REFERENCE_ROWS - len(rows) - 20)
        metals = rng.integers(0, 4, extra).tolist()
        countries = rng.integers(0, len(G.SMELTER_COUNTRIES), extra).tolist()
        statuses = rng.choice(3, size=extra, p=[0.8, 0.15, 0.05]).tolist()
        for i, cid in enumerate(self.cid_pool[self.n_smelter:self.n_smelter + extra]):
            rows.append([cid, G.STATUSES[statuses[i]], f"Reference-only smelter {cid}", G.METALS[metals[i]],
                         G.SMELTER_COUNTRIES[countries[i]]])
        for first in rows[:20:2]:  # duplicate CIDs (the first row wins)
            rows.append([first[0], "non-conformant" if first[1] != "non-conformant" else "conformant"] + first[2:])
        return rows

    # ---------------------------------------------------------------- writing
    def entity_columns(self) -> tuple[str, list[list[str]]]:
        kinds = np.array(["company", "facility", "mine", "smelter"], dtype=object)[self.kind]
        header = "id,name,kind,country,sector,commodities,aliases,lei,duns,cid,raw_material"
        cols = [self.ids[: self.N], [G.quote(n) for n in self.name], kinds.tolist(), self.country.tolist(),
                self.sector.tolist(), self.commodities.tolist(), [G.quote(a) for a in self.aliases.tolist()],
                self.lei.tolist(), self.duns.tolist(), self.cid.tolist(), self.raw_material.tolist()]
        return header, cols
