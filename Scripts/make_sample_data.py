#!/usr/bin/env python3
"""Generate tierscan's shipped sample data (SampleData/) deterministically.

Every company, facility, mine and smelter name below is INVENTED for the fictional buyer
"Northwind Telecom plc". Countries, commodities, HS codes and the public sources cited in
country-risk.csv are real. Smelter ids use the unassigned range CID900000+ (RMI's real ids
stop far below that), so no real smelter is ever given a status here.

Usage:  python3 Scripts/make_sample_data.py            # writes SampleData/ and prints a summary
        python3 Scripts/make_sample_data.py --expect   # also prints reference exposures (SPEC §3)

Requires openpyxl (pip install openpyxl). Output is byte-identical from run to run: the
workbooks are re-zipped with fixed timestamps.
"""
import csv
import datetime
import hashlib
import io
import os
import re
import shutil
import sys
import zipfile

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "SampleData")
YEARS = (2024, 2025)
BOTH = YEARS

# ---------------------------------------------------------------------------------------------
# Identifiers
# ---------------------------------------------------------------------------------------------


def _lei_number(text):
    return int("".join(str(int(ch, 36)) for ch in text))


def make_lei(lou, key):
    """ISO 17442: 4-char LOU prefix + '00' + 12 chars derived from key + 2 check digits."""
    digest = hashlib.sha256(key.encode()).hexdigest().upper()
    body = (lou + "00" + digest[:12])
    assert len(body) == 18
    check = 98 - _lei_number(body + "00") % 97
    lei = body + "%02d" % check
    assert is_valid_lei(lei), lei
    return lei


def is_valid_lei(value):
    return bool(re.fullmatch(r"[0-9A-Z]{18}[0-9]{2}", value)) and _lei_number(value) % 97 == 1


def make_duns(key):
    return "%09d" % (int(hashlib.sha256(("duns:" + key).encode()).hexdigest(), 16) % 10**9)


# ---------------------------------------------------------------------------------------------
# Entity registry (one source of truth for names/countries, so CSV, XML and CMRT agree)
# ---------------------------------------------------------------------------------------------

ENTITIES = {}
ORDER = []


def ent(eid, name, kind="company", country="", sector="", commodities=(), lei="", duns="", cid="",
        aliases=(), raw=False, region="", source="supplier master", years=BOTH, csv_row=True):
    assert eid not in ENTITIES, eid
    ENTITIES[eid] = dict(id=eid, name=name, kind=kind, country=country, sector=sector,
                         commodities=list(commodities), lei=lei, duns=duns, cid=cid,
                         aliases=list(aliases), raw=raw, region=region, source=source,
                         years=years, csv=csv_row)
    ORDER.append(eid)


def E(eid):
    return ENTITIES[eid]


# Focus and tier 1 ---------------------------------------------------------------------------
ent("NWT", "Northwind Telecom plc", country="GB", sector="telecommunications",
    lei=make_lei("2138", "NWT"), region="England", source="own company")
ent("BWN", "Brightwater Network Systems Ltd", country="GB", sector="network equipment",
    commodities=["network equipment"], lei=make_lei("2138", "BWN"), region="England")
ent("BWG", "Brightwater Group Holdings plc", country="GB", sector="holding company",
    lei=make_lei("2138", "BWG"), region="England", source="Companies House extract (sample)")
ent("KMD", "Kestrel Mobile Devices Ltd", country="GB", sector="consumer electronics",
    commodities=["smartphones"], lei=make_lei("2138", "KMD"), region="England")
ent("GWW", "Greyfell Workwear Ltd", country="GB", sector="apparel", commodities=["uniforms"],
    duns=make_duns("GWW"), region="Scotland")
ent("SCE", "Solcrest Energy Solutions Ltd", country="GB", sector="renewable energy",
    commodities=["solar pv systems"], duns=make_duns("SCE"), region="England")
ent("ACF", "Aldgate Cable & Fibre Ltd", country="GB", sector="cables", commodities=["fibre optic cable"],
    region="England")
ent("PFS", "Pemberton Facilities Services Ltd", country="GB", sector="facilities services",
    aliases=["Pemberton FS"], region="Wales")

# Network equipment and handsets -------------------------------------------------------------
ent("EMS-SZ", "Shenzhen Bluefinch Electronics Manufacturing Co., Ltd.", country="CN",
    sector="electronics manufacturing services", commodities=["electronics"],
    lei=make_lei("3003", "EMS-SZ"), aliases=["Bluefinch EMS"], region="Guangdong")
ent("EMS-SZ-F1", "Bluefinch Longhua Plant 2", kind="facility", country="CN", region="Guangdong", csv_row=False)
ent("EMS-PEN", "Penang Kinta Electronics Sdn. Bhd.", country="MY",
    sector="electronics manufacturing services", commodities=["electronics"], duns=make_duns("EMS-PEN"),
    region="Penang")
ent("EMS-PEN-F1", "Kinta Bayan Lepas Plant 1", kind="facility", country="MY", region="Penang")
ent("EMS-GDL", "Manufacturas Electrónicas del Bajío S.A. de C.V.", country="MX",
    sector="electronics manufacturing services", commodities=["electronics"], region="Jalisco")
ent("EMS-GDL-F1", "Planta El Salto", kind="facility", country="MX", region="Jalisco")
ent("EMS-HN", "Bac Ninh Northstar Electronics Co., Ltd.", country="VN",
    sector="electronics manufacturing services", commodities=["electronics"], region="Bac Ninh")
ent("EMS-HN-F1", "Northstar Yen Phong Plant", kind="facility", country="VN", region="Bac Ninh")
ent("BWN-F1", "Brightwater Swindon Integration Centre", kind="facility", country="GB", region="England")
ent("PCB-GZ", "Guangzhou Redleaf Circuit Technology Co., Ltd.", country="CN",
    sector="printed circuit boards", commodities=["printed circuit boards"],
    lei=make_lei("3003", "PCB-GZ"), region="Guangdong")
ent("LAM-CN", "Jiangmen Tidewater Laminates Co., Ltd.", country="CN", sector="laminates", region="Guangdong",
    csv_row=False)
ent("CAP", "Suzhou Amberline Capacitor Co., Ltd.", country="CN", sector="passive components",
    commodities=["tantalum capacitors"], lei=make_lei("3003", "CAP"), region="Jiangsu")
ent("SOLD", "Klang Valley Solder Alloys Sdn. Bhd.", country="MY", sector="solder materials",
    commodities=["solder"], region="Selangor")
ent("CONN", "Dongguan Silverpine Connector Co., Ltd.", country="CN", sector="connectors",
    commodities=["connectors"], region="Guangdong")
ent("TUNG", "Xiamen Grayrock Tungsten Components Co., Ltd.", country="CN", sector="tungsten components",
    commodities=["tungsten counterweights"], region="Fujian")
ent("OWN-STQ", "Stonequay Industrial Investment Group Co., Ltd.", country="CN", sector="investment holding",
    lei=make_lei("3003", "OWN-STQ"), source="KYC screening (sample)")
ent("OWN-CDV", "Cindervale Overseas Holdings Limited", country="HK", sector="investment holding",
    source="KYC screening (sample)")
ent("OWN-RLE", "Guangzhou Redleaf Employee Shareholding Platform (Limited Partnership)", country="CN",
    sector="employee shareholding", source="KYC screening (sample)")

# Smelters (fictional names; CIDs in the unassigned CID900000+ range) -------------------------
SMELTERS = [
    # cid, name, metal, country, rmi-country-name, city, status2024, status2025
    ("CID900311", "PT Selat Gelam Timah Smelting", "tin", "ID", "INDONESIA", "Pangkalpinang", "conformant", "conformant"),
    ("CID900327", "Gejiu Redhill Tin Industry Co., Ltd.", "tin", "CN", "CHINA", "Gejiu", "conformant", "conformant"),
    ("CID900358", "Fundición Altiplano Sur S.A.", "tin", "BO", "BOLIVIA (PLURINATIONAL STATE OF)", "Oruro",
     "non-conformant", "non-conformant"),
    ("CID900415", "Ningxia Eastmoor Tantalum Co., Ltd.", "tantalum", "CN", "CHINA", "Shizuishan", "conformant", "conformant"),
    ("CID900431", "Irtysh Plain Rare Metals JSC", "tantalum", "KZ", "KAZAKHSTAN", "Oskemen", "conformant", "conformant"),
    ("CID900516", "Ganzhou Bluestone Tungsten Smelting Co., Ltd.", "tungsten", "CN", "CHINA", "Ganzhou", "active", "conformant"),
    ("CID900532", "Thai Nguyen Redriver Tungsten Co., Ltd.", "tungsten", "VN", "VIET NAM", "Thai Nguyen", "conformant", "conformant"),
    ("CID900611", "Helvetic Alpine Gold Refinery SA", "gold", "CH", "SWITZERLAND", "Mendrisio", "conformant", "conformant"),
    ("CID900627", "Refinería Andina Cumbre S.A.C.", "gold", "PE", "PERU", "Arequipa", "active", "active"),
    # Reported in a CMRT but absent from every status reference -> status `unknown`.
    ("CID900643", "PT Mas Murni Refinery", "gold", "ID", "INDONESIA", "Surabaya", None, None),
    # In the reference only (not in the chain), as real reference lists are much larger than a chain.
    ("CID900702", "Nordic Fjell Tin Recycling AS", "tin", "NO", "NORWAY", "Mo i Rana", "conformant", "conformant"),
    ("CID900719", "Ohio Valley Tantalum Reclaim LLC", "tantalum", "US", "UNITED STATES OF AMERICA", "Marietta",
     "active", "conformant"),
]
SMELTER = {s[0]: s for s in SMELTERS}
for cid, name, metal, country, _, _, _, _ in SMELTERS:
    in_chain = cid not in ("CID900702", "CID900719")
    ent(cid, name, kind="smelter", country=country, sector="smelting and refining", commodities=[metal],
        cid=cid, source="smelter due diligence", csv_row=in_chain and cid != "CID900643")

# Mines and their operators -------------------------------------------------------------------
MINES = [
    ("MINE-CD-TA", "Mwenda Ridge Coltan Site", "CD", "coltan", "South Kivu",
     "OP-CD-1", "Mwenda Ridge Artisanal Miners Cooperative"),
    ("MINE-RW-TA", "Karamba Hill Coltan Mine", "RW", "coltan", "Western Province",
     "OP-RW-1", "Karamba Minerals Ltd"),
    ("MINE-CD-SN", "Tshilobo Plateau Cassiterite Site", "CD", "cassiterite", "Maniema",
     "OP-CD-2", "Tshilobo Mining SARL"),
    ("MINE-BO-SN", "Cerro Quimsa Tin Mine", "BO", "cassiterite", "Potosí",
     "OP-BO-1", "Cooperativa Minera Quimsa Ltda."),
    ("MINE-ID-SN", "Bukit Gelam Tin Mine", "ID", "cassiterite", "Bangka Belitung",
     "OP-ID-1", "PT Gelam Tambang Nusantara"),
    ("MINE-CN-W", "Qinghe Hollow Tungsten Mine", "CN", "wolframite", "Jiangxi",
     "OP-CN-W", "Qinghe Tungsten Mining Co., Ltd."),
    ("MINE-VN-W", "Nui Hong Ridge Tungsten Mine", "VN", "wolframite", "Thai Nguyen",
     "OP-VN-W", "Nui Hong Mining JSC"),
    ("MINE-PE-AU", "Mina Ccollpa Gold Mine", "PE", "gold", "Puno",
     "OP-PE-1", "Minera Ccollpa S.A.C."),
]
for mid, name, country, commodity, region, opid, opname in MINES:
    ent(mid, name, kind="mine", country=country, sector="mining", commodities=[commodity], raw=True,
        region=region, source="smelter due diligence")
    ent(opid, opname, country=country, sector="mining", commodities=[commodity], region=region,
        source="smelter due diligence")
ent("MINE-CN-Q", "Heishan Quartzite Quarry", kind="mine", country="CN", sector="mining",
    commodities=["quartz"], raw=True, region="Yunnan", source="supplier disclosure")

# Uniforms -------------------------------------------------------------------------------------
ent("GAR-BD", "Savar Stitchline Apparel Ltd.", country="BD", sector="garment manufacturing",
    commodities=["garments"], duns=make_duns("GAR-BD"), region="Dhaka")
ent("GAR-BD-F1", "Savar Stitchline Ashulia Unit 3", kind="facility", country="BD", region="Dhaka", csv_row=False)
ent("GAR-BD2", "Padma Stitchworks Ltd.", country="BD", sector="garment manufacturing",
    commodities=["garments"], region="Dhaka", years=(2024,))
ent("GAR-BD2-F1", "Padma Stitchworks Gazipur Factory", kind="facility", country="BD", region="Dhaka",
    years=(2024,))
ent("GAR-IN", "Tiruppur Marigold Knitwear Pvt. Ltd.", country="IN", sector="garment manufacturing",
    commodities=["garments"], region="Tamil Nadu")
ent("EMB-IN", "Tiruppur Threadcraft Embroidery Works", country="IN", sector="embroidery",
    region="Tamil Nadu")
ent("FAB-IN", "LOTUSBAY TEXTILE CO LTD", country="IN", sector="spinning and knitting",
    commodities=["cotton fabric"], region="Tamil Nadu")
ent("GIN-IN", "Rajkot Whitefield Cotton Ginning Pvt. Ltd.", country="IN", sector="cotton ginning",
    commodities=["cotton"], region="Gujarat")
ent("FARM-IN", "Saurashtra Plains Cotton Growers Cooperative", country="IN", sector="agriculture",
    commodities=["cotton"], raw=True, region="Gujarat")
ent("GAR-TR", "Denizli Yelkovan Konfeksiyon A.Ş.", country="TR", sector="garment manufacturing",
    commodities=["garments"], region="Denizli", years=(2025,))
ent("SPIN-TR", "Kahramanmaraş Gökbulut İplik Sanayi A.Ş.", country="TR", sector="spinning and weaving",
    commodities=["cotton fabric"], region="Kahramanmaraş", years=(2025,))
ent("GIN-TR", "Adana Beyazaltın Çırçır Ltd. Şti.", country="TR", sector="cotton ginning",
    commodities=["cotton"], region="Adana", years=(2025,))
ent("FARM-TR", "Çukurova Green Cotton Farms Cooperative", country="TR", sector="agriculture",
    commodities=["cotton"], raw=True, region="Adana", years=(2025,))
ent("GIN-TM", "Mary Oasis State Cotton Ginnery", country="TM", sector="cotton ginning",
    commodities=["cotton"], region="Mary", years=(2025,))
ent("FARM-TM", "Murgap Valley Cotton Farmers Association", country="TM", sector="agriculture",
    commodities=["cotton"], raw=True, region="Mary", years=(2025,))
ent("MILL-CN", "Wuxi Jadeloom Textile Co., Ltd.", country="CN", sector="spinning and weaving", region="Jiangsu",
    csv_row=False)
ent("MILL-CN-F1", "Jadeloom Spinning Plant", kind="facility", country="CN", region="Jiangsu", csv_row=False)
ent("GIN-XJ", "Tarimvale Cotton Ginning Co., Ltd.", country="CN", sector="cotton ginning",
    region="Xinjiang Uygur Autonomous Region", source="third-party due diligence database (sample)")
ent("GIN-XJ-F1", "Tarimvale Gin Plant No. 2", kind="facility", country="CN",
    region="Xinjiang Uygur Autonomous Region", csv_row=False)
ent("FARM-XJ", "Tarimvale Farmers Cotton Cooperative", country="CN", sector="agriculture",
    commodities=["cotton"], raw=True, region="Xinjiang Uygur Autonomous Region",
    source="third-party due diligence database (sample)")
ent("SPIN-BD", "Gazipur Brightyarn Spinning Mills Ltd.", country="BD", sector="spinning", region="Dhaka",
    csv_row=False)
ent("GIN-UZ", "Fergana Bloom Cotton Cluster LLC", country="UZ", sector="cotton ginning", region="Fergana",
    csv_row=False)
ent("FARM-UZ", "Fergana Bloom Cluster Farms", country="UZ", sector="agriculture", commodities=["cotton"],
    raw=True, region="Fergana", source="third-party due diligence database (sample)")

# Solar ----------------------------------------------------------------------------------------
ent("SCE-F1", "Solcrest Warrington Logistics Hub", kind="facility", country="GB", region="England", csv_row=False)
ent("MOD-VN", "Haiphong Sunward Module Co., Ltd.", country="VN", sector="pv module assembly", region="Hai Phong",
    csv_row=False)
ent("MOD-VN-F1", "Sunward Dinh Vu Module Plant", kind="facility", country="VN", region="Hai Phong", csv_row=False)
ent("CELL-CN", "Jiangsu Brightcell Photovoltaic Co., Ltd.", country="CN", sector="pv cells", region="Jiangsu",
    csv_row=False)
ent("CELL-MY", "Kuching Sunpeak Solar Cells Sdn. Bhd.", country="MY", sector="pv cells", region="Sarawak",
    csv_row=False)
ent("WAFER-CN", "Baotou Clearsky Wafer Co., Ltd.", country="CN", sector="silicon wafers",
    commodities=["silicon wafers"], region="Inner Mongolia", source="KYC screening (sample)")
ent("POLY-CN", "Shizuishan Pureflow Polysilicon Co., Ltd.", country="CN", sector="polysilicon",
    duns=make_duns("POLY-CN"), region="Ningxia", csv_row=False)
ent("MGSI-CN", "Yunnan Redstone Silicon Metal Co., Ltd.", country="CN", sector="metallurgical silicon",
    region="Yunnan", csv_row=False)
ent("CPL-HK", "Copperleaf PV Holdings Limited", country="HK", sector="investment holding",
    source="KYC screening (sample)")
ent("OWN-IME", "Ironmere Energy Group Co., Ltd.", country="CN", sector="energy",
    source="KYC screening (sample)")

# Cable and services ---------------------------------------------------------------------------
ent("FIB-CN", "Wuhan Clearline Optical Fibre Co., Ltd.", country="CN", sector="optical fibre",
    commodities=["optical fibre"], region="Hubei")
ent("SIL-CN", "Qinling Highpure Silica Co., Ltd.", country="CN", sector="chemicals",
    commodities=["high-purity silica"], region="Shaanxi")
ent("CU-GB", "Sheffield Copperway Wire Ltd", country="GB", sector="wire drawing", commodities=["copper wire"],
    region="England")
ent("CU-PE", "Cobre Altiplano S.A.C.", country="PE", sector="mining", commodities=["copper cathode"],
    raw=True, region="Arequipa")
ent("HGC", "Harrowgate Site Cleaning Ltd", country="GB", sector="cleaning services", region="England")
ent("SCS", "Sentinel Crew Staffing Ltd", country="GB", sector="labour supply", region="England")

# ---------------------------------------------------------------------------------------------
# Relationships (relationships.csv) and supplier list
# ---------------------------------------------------------------------------------------------

RELS = []


def rel(frm, to, typ="supplies", commodity="", hs="", share="", basis="", confidence="", source="",
        years=BOTH, contract=""):
    RELS.append(dict(frm=frm, to=to, type=typ, commodity=commodity, hs=hs, share=share, basis=basis,
                     confidence=confidence, source=source, years=years, contract=contract))


SUPPLIER_LIST = [
    # supplier, commodity, hs, spend 2024 (GBP), spend 2025 (GBP)
    ("BWN", "radio access equipment", "851761", 18450000, 19820000),
    ("BWN", "routers", "851762", 6210000, 5975000),
    ("KMD", "smartphones", "851713", 9870000, 11240000),
    ("GWW", "uniforms", "620520", 1320000, 1285000),
    ("SCE", "solar pv modules", "854143", 2480000, 3115000),
    ("ACF", "fibre optic cable", "854470", 4105000, 4390000),
    ("PFS", "facilities services", "", 2760000, 2810000),
]

# Network
rel("BWG", "BWN", "owns", share="100", basis="observed", source="Companies House PSC register (sample)")
rel("BWN", "BWN-F1", "operates", basis="observed", source="site visit 2024")
rel("EMS-SZ", "BWN", commodity="radio units", hs="851762", source="BWN supplier declaration")
rel("EMS-PEN", "BWN", commodity="routers", hs="851762", basis="observed",
    source="BWN social audit 2024 (sample)")
rel("EMS-GDL", "BWN", commodity="routers", hs="851762", source="BWN supplier declaration")
rel("EMS-PEN", "EMS-PEN-F1", "operates", basis="observed", source="BWN social audit 2024 (sample)")
rel("EMS-GDL", "EMS-GDL-F1", "operates", source="BWN supplier declaration")
rel("PCB-GZ", "BWN", commodity="printed circuit boards", hs="853400", source="BWN supplier declaration")
rel("PCB-GZ", "EMS-HN", commodity="printed circuit boards", hs="853400", source="KMD supplier declaration")
rel("CAP", "EMS-SZ", commodity="tantalum capacitors", hs="853221", source="BWN supplier declaration")
rel("CAP", "EMS-HN", commodity="tantalum capacitors", hs="853221", source="KMD supplier declaration")
rel("SOLD", "EMS-PEN", commodity="solder", hs="831130", source="BWN supplier declaration")
rel("SOLD", "EMS-SZ", commodity="solder", hs="831130", basis="inferred", confidence="0.6",
    source="customs import records (sample)")
rel("CONN", "EMS-PEN", commodity="connectors", hs="853669", source="BWN supplier declaration")
rel("TUNG", "EMS-HN", commodity="tungsten counterweights", hs="810199", source="KMD supplier declaration")
rel("EMS-HN", "KMD", commodity="smartphones", hs="851713", basis="observed", source="KMD factory audit 2025 (sample)")
rel("EMS-HN", "EMS-HN-F1", "operates", basis="observed", source="KMD factory audit 2025 (sample)")
# Mines -> smelters, operators -> mines
rel("MINE-CD-TA", "CID900415", commodity="coltan", hs="261590", basis="observed",
    source="smelter RMAP assessment summary (sample)")
rel("MINE-RW-TA", "CID900415", commodity="coltan", hs="261590", basis="inferred", confidence="0.4",
    source="trade statistics analysis (sample)")
rel("MINE-RW-TA", "CID900431", commodity="coltan", hs="261590", source="smelter RMAP assessment summary (sample)")
rel("MINE-CD-SN", "CID900327", commodity="cassiterite", hs="260900", basis="inferred",
    source="smelter RMAP assessment summary (sample)")
rel("MINE-BO-SN", "CID900358", commodity="cassiterite", hs="260900", source="smelter disclosure (sample)")
rel("MINE-ID-SN", "CID900311", commodity="cassiterite", hs="260900", basis="observed",
    source="smelter RMAP assessment summary (sample)")
rel("MINE-CN-W", "CID900516", commodity="wolframite", hs="261100", source="smelter RMAP assessment summary (sample)")
rel("MINE-VN-W", "CID900532", commodity="wolframite", hs="261100", source="smelter RMAP assessment summary (sample)")
rel("MINE-PE-AU", "CID900627", commodity="gold", hs="261690", source="smelter disclosure (sample)")
for mid, _, _, _, _, opid, _ in MINES:
    rel(opid, mid, "operates", source="smelter due diligence")
# Uniforms
rel("GAR-BD", "GWW", commodity="garments", hs="620520", source="GWW supplier declaration")
rel("GAR-BD2", "GWW", commodity="garments", hs="620520", source="GWW supplier declaration", years=(2024,))
rel("GAR-BD2", "GAR-BD2-F1", "operates", basis="observed", source="GWW internal audit 2024 (sample)", years=(2024,))
rel("SPIN-BD", "GAR-BD2", commodity="cotton yarn", hs="520512", source="GWW supplier declaration", years=(2024,))
rel("GAR-IN", "GWW", commodity="garments", hs="610510", source="GWW supplier declaration")
rel("EMB-IN", "GAR-IN", "subcontracts", commodity="embroidery", source="GWW supplier declaration")
rel("FAB-IN", "GAR-IN", commodity="cotton fabric", hs="600622", source="GWW supplier declaration")
rel("GIN-IN", "FAB-IN", commodity="cotton", hs="520100", source="GWW supplier declaration")
rel("FARM-IN", "GIN-IN", commodity="cotton", hs="520100", basis="inferred", source="traceability pilot (sample)")
rel("GAR-TR", "GWW", commodity="garments", hs="620342", source="GWW supplier declaration", years=(2025,))
rel("SPIN-TR", "GAR-TR", commodity="cotton fabric", hs="520932", source="GWW supplier declaration", years=(2025,))
rel("GIN-TR", "SPIN-TR", commodity="cotton", hs="520100", source="GWW supplier declaration", years=(2025,))
rel("GIN-TM", "SPIN-TR", commodity="cotton", hs="520100", basis="inferred", confidence="0.6",
    source="isotope testing of fibre samples (sample)", years=(2025,))
rel("FARM-TR", "GIN-TR", commodity="cotton", hs="520100", source="GWW supplier declaration", years=(2025,))
rel("FARM-TM", "GIN-TM", commodity="cotton", hs="520100", basis="inferred", source="traceability pilot (sample)",
    years=(2025,))
# Solar ownership chain (60% -> 50%)
rel("OWN-IME", "CPL-HK", "owns", share="60", source="corporate registry extract (sample)")
rel("CPL-HK", "WAFER-CN", "owns", share="50", source="corporate registry extract (sample)")
rel("MINE-CN-Q", "MGSI-CN", commodity="quartz", hs="250610", source="SCE supplier declaration")
# Cable
rel("FIB-CN", "ACF", commodity="optical fibre", hs="900110", source="ACF supplier declaration")
rel("SIL-CN", "FIB-CN", commodity="high-purity silica", hs="281122", source="ACF supplier declaration")
rel("MINE-CN-Q", "SIL-CN", commodity="quartz", hs="250610", basis="inferred", confidence="0.5",
    source="ACF supplier declaration")
rel("CU-GB", "ACF", commodity="copper wire", hs="740811", basis="observed", source="ACF site visit 2025")
rel("CU-PE", "CU-GB", commodity="copper cathode", hs="740311", source="ACF supplier declaration")
# Services
rel("HGC", "PFS", "subcontracts", commodity="cleaning services", source="PFS subcontractor register")
rel("SCS", "HGC", "subcontracts", commodity="labour supply", source="PFS subcontractor register")

# ---------------------------------------------------------------------------------------------
# XML disclosures (SPEC §2.7). Nodes: sup / fac / own / smel / ident.
# ---------------------------------------------------------------------------------------------


def sup(eid, commodities=(), children=(), basis="", confidence="", xml_id=None, with_name=True):
    return ("supplier", dict(eid=eid, xml_id=xml_id or eid, commodities=list(commodities),
                             children=list(children), basis=basis, confidence=confidence, with_name=with_name))


def fac(eid, kind=""):
    return ("facility", dict(eid=eid, kind=kind))


def own(eid, share, basis=""):
    return ("owner", dict(eid=eid, share=share, basis=basis))


def smel(cid):
    return ("smelter", dict(cid=cid))


def ident(scheme, value):
    return ("identifier", dict(scheme=scheme, value=value))


XML_DOCS = [
    dict(
        file="Brightwater-Network-Systems_sub-tier-disclosure.xml",
        discloser="BWN",
        comment="Brightwater Network Systems: sub-tier disclosure to Northwind Telecom (fictional sample data)",
        children=[
            # Brightwater's vendor id for Bluefinch; merges with EMS-SZ by LEI only.
            sup("EMS-SZ", xml_id="BW-V-10442", commodities=[("radio units", "851762")], children=[
                ident("lei", E("EMS-SZ")["lei"]),
                fac("EMS-SZ-F1"),
                sup("PCB-GZ", commodities=[("printed circuit boards", "853400")], children=[
                    ident("lei", E("PCB-GZ")["lei"]),
                    own("OWN-STQ", "30"),
                    own("OWN-CDV", "25"),
                    own("OWN-RLE", "45"),
                    sup("LAM-CN", commodities=[("copper-clad laminate", "741021")]),
                ]),
                sup("CONN", commodities=[("connectors", "853669")], children=[
                    smel("CID900611"),
                    smel("CID900627"),
                ]),
            ]),
        ],
    ),
    dict(
        file="Savar-Stitchline_supply-chain-disclosure.xml",
        discloser="GAR-BD",
        comment="Savar Stitchline Apparel: supply-chain disclosure to Greyfell Workwear (fictional sample data)",
        children=[
            fac("GAR-BD-F1"),
            sup("MILL-CN", commodities=[("cotton fabric", "520812")], children=[
                fac("MILL-CN-F1"),
                sup("GIN-XJ", commodities=[("cotton", "520100")], children=[
                    fac("GIN-XJ-F1"),
                    sup("FARM-XJ", commodities=[("cotton", "520100")], basis="inferred"),
                ]),
            ]),
            sup("SPIN-BD", commodities=[("cotton yarn", "520512")], children=[
                sup("GIN-UZ", commodities=[("cotton", "520100")], children=[
                    sup("FARM-UZ", commodities=[("cotton", "520100")], basis="observed", confidence="0.95"),
                ]),
            ]),
        ],
    ),
    dict(
        file="Solcrest-Energy_pv-supply-chain.xml",
        discloser="SCE",
        comment="Solcrest Energy Solutions: PV module supply chain to Northwind Telecom (fictional sample data)",
        children=[
            fac("SCE-F1"),
            sup("MOD-VN", commodities=[("solar pv modules", "854143")], basis="observed", children=[
                fac("MOD-VN-F1"),
                sup("CELL-CN", commodities=[("solar cells", "854142")], children=[
                    sup("WAFER-CN", commodities=[("silicon wafers", "381800")], children=[
                        sup("POLY-CN", commodities=[("polysilicon", "280461")], children=[
                            ident("duns", E("POLY-CN")["duns"]),
                            sup("MGSI-CN", commodities=[("metallurgical silicon", "280469")], children=[
                                fac("MINE-CN-Q", kind="mine"),
                            ]),
                        ]),
                    ]),
                ]),
                sup("CELL-MY", commodities=[("solar cells", "854142")], basis="declared", confidence="0.7"),
            ]),
        ],
    ),
]


def xml_escape(text):
    return (text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;"))


def xml_attrs(pairs):
    return "".join(' %s="%s"' % (k, xml_escape(str(v))) for k, v in pairs if v not in ("", None))


def render_xml(doc, year):
    lines = ['<?xml version="1.0" encoding="UTF-8"?>',
             "<!-- %s. All company names are invented. -->" % doc["comment"],
             '<disclosure xmlns="urn:tierscan:disclosure:1" reportingYear="%d">' % year]
    d = E(doc["discloser"])
    lines.append("  <discloser%s/>" % xml_attrs([("id", d["id"]), ("name", d["name"]), ("country", d["country"])]))

    def emit(node, depth):
        pad = "  " * depth
        kind, a = node
        if kind == "supplier":
            e = E(a["eid"])
            attrs = [("id", a["xml_id"]), ("name", e["name"]), ("country", e["country"]),
                     ("sector", e["sector"]), ("basis", a["basis"]), ("confidence", a["confidence"]),
                     ("region", "" if e["csv"] else e["region"])]  # extra attribute, kept (SPEC §1)
            inner = [("commodity", c) for c in a["commodities"]] + a["children"]
            lines.append("%s<supplier%s>" % (pad, xml_attrs(attrs)))
            for child in inner:
                if child[0] == "commodity":
                    lines.append('%s  <commodity%s/>' % (pad, xml_attrs([("name", child[1][0]), ("hsCode", child[1][1])])))
                else:
                    emit(child, depth + 1)
            lines.append("%s</supplier>" % pad)
        elif kind == "facility":
            e = E(a["eid"])
            lines.append("%s<facility%s/>" % (pad, xml_attrs([("id", e["id"]), ("name", e["name"]),
                                                              ("country", e["country"]), ("kind", a["kind"]),
                                                              ("region", "" if e["csv"] else e["region"])])))
        elif kind == "owner":
            e = E(a["eid"])
            lines.append("%s<owner%s/>" % (pad, xml_attrs([("id", e["id"]), ("name", e["name"]),
                                                           ("country", e["country"]), ("share", a["share"]),
                                                           ("basis", a["basis"])])))
        elif kind == "smelter":
            s = SMELTER[a["cid"]]
            lines.append("%s<smelter%s/>" % (pad, xml_attrs([("cid", s[0]), ("name", s[1]), ("metal", s[2]),
                                                             ("country", s[3])])))
        elif kind == "identifier":
            lines.append("%s<identifier%s/>" % (pad, xml_attrs([("scheme", a["scheme"]), ("value", a["value"])])))

    for child in doc["children"]:
        emit(child, 1)
    lines.append("</disclosure>")
    return "\n".join(lines) + "\n"


def xml_edges(doc, year, fname):
    """The edges a reader derives from `doc` (for the summary and reference exposures)."""
    out = []
    line = [3]  # running line numbers mirror render_xml

    def walk(node, enclosing):
        kind, a = node
        line[0] += 1
        if kind == "supplier":
            comms = a["commodities"] or [("", "")]
            for c, hs in comms:
                out.append(dict(frm=a["xml_id"], to=enclosing, type="supplies", commodity=c, hs=hs,
                                basis=a["basis"] or "declared", confidence=a["confidence"], share="",
                                file=fname, line=line[0]))
            line[0] += len(a["commodities"])
            for child in a["children"]:
                walk(child, a["xml_id"])
            line[0] += 1
        elif kind == "facility":
            out.append(dict(frm=enclosing, to=a["eid"], type="operates", commodity="", hs="", basis="declared",
                            confidence="", share="", file=fname, line=line[0]))
        elif kind == "owner":
            out.append(dict(frm=a["eid"], to=enclosing, type="owns", commodity="", hs="", basis="declared",
                            confidence="", share=a["share"], file=fname, line=line[0]))
        elif kind == "smelter":
            out.append(dict(frm=a["cid"], to=enclosing, type="supplies", commodity=SMELTER[a["cid"]][2], hs="",
                            basis="declared", confidence="", share="", file=fname, line=line[0]))

    line[0] = 4
    for child in doc["children"]:
        walk(child, doc["discloser"])
    return out


def xml_entities(doc):
    """Ids mentioned in `doc` (supplier ids as written, facilities, owners, smelters)."""
    ids = [doc["discloser"]]

    def walk(node):
        kind, a = node
        if kind == "supplier":
            ids.append(a["xml_id"])
            for child in a["children"]:
                walk(child)
        elif kind in ("facility", "owner"):
            ids.append(a["eid"])
        elif kind == "smelter":
            ids.append(a["cid"])
    for child in doc["children"]:
        walk(child)
    return ids

# ---------------------------------------------------------------------------------------------
# CMRT 6.4 workbooks (cell map: domain.md §1)
# ---------------------------------------------------------------------------------------------

REVISION = "Revision 6.4\nApril 26, 2024"
METALS_Q_ORDER = ("tantalum", "tin", "gold", "tungsten")  # Declaration question rows
COUNTRY_NAMES = {"CN": "CHINA", "ID": "INDONESIA", "BO": "BOLIVIA (PLURINATIONAL STATE OF)", "KZ": "KAZAKHSTAN",
                 "VN": "VIET NAM", "CH": "SWITZERLAND", "PE": "PERU", "CD": "CONGO, DEMOCRATIC REPUBLIC OF THE",
                 "RW": "RWANDA", "NO": "NORWAY", "US": "UNITED STATES OF AMERICA", "MY": "MALAYSIA", "GB":
                 "UNITED KINGDOM OF GREAT BRITAIN AND NORTHERN IRELAND"}
SMELTER_MINES = {  # smelter -> (mine names, mine country) as a supplier would type them in columns N/O
    "CID900311": ("Bukit Gelam Tin Mine", "INDONESIA"),
    "CID900327": ("Tshilobo Plateau Cassiterite Site; recycled", "CONGO, DEMOCRATIC REPUBLIC OF THE"),
    "CID900358": ("Cerro Quimsa Tin Mine", "BOLIVIA (PLURINATIONAL STATE OF)"),
    "CID900415": ("Mwenda Ridge Coltan Site; Karamba Hill Coltan Mine", "CONGO, DEMOCRATIC REPUBLIC OF THE; RWANDA"),
    "CID900431": ("Karamba Hill Coltan Mine", "RWANDA"),
    "CID900516": ("Qinghe Hollow Tungsten Mine", "CHINA"),
    "CID900532": ("Nui Hong Ridge Tungsten Mine", "VIET NAM"),
    "CID900611": ("recycled", "recycled"),
    "CID900627": ("Mina Ccollpa Gold Mine", "PERU"),
    "CID900643": ("Unknown", "Unknown"),
}

CMRTS = [
    dict(file="Klang-Valley-Solder-Alloys_RMI_CMRT_6.4.xlsx", company="SOLD",
         d8="KLANG VALLEY SOLDER ALLOYS SDN BHD", scope="A. Company", scope_desc=None,
         uid="202101034567", authority="SSM (Companies Commission of Malaysia)",
         address="Lot 12, Jalan Timah 3, Kawasan Perindustrian Meru, 41050 Klang, Selangor, Malaysia",
         contact=("Nurul Aisyah Rahman", "compliance@klangvalleysolder.example", "+60 3-0000 0101"),
         authorizer=("Tan Wei Ming", "Managing Director", "md@klangvalleysolder.example", "+60 3-0000 0100"),
         dates={2024: datetime.datetime(2024, 5, 20), 2025: datetime.datetime(2025, 3, 14)},
         metals=("tin",), q6={"tin": "Greater than 90%"}, q7={"tin": "Yes"},
         smelters=["CID900311", "CID900327", "CID900358"], products=[], years=BOTH,
         next_steps={"CID900358": "Supplier notified; exit from smelter planned by Q4 2025"}),
    dict(file="Suzhou-Amberline-Capacitor_RMI_CMRT_6.4.xlsx", company="CAP",
         d8="Suzhou Amberline Capacitor Co., Ltd.", scope="B. Product (or List of Products)", scope_desc=None,
         uid=E("CAP")["lei"], authority="LEI",
         address="No. 88 Jinfeng Road, Suzhou New District, Jiangsu, China",
         contact=("Zhou Min", "cmrt@amberline-capacitor.example", "+86 512 0000 0188"),
         authorizer=("Li Jun", "Quality Director", "quality@amberline-capacitor.example", "+86 512 0000 0100"),
         dates={2024: datetime.datetime(2024, 6, 3), 2025: datetime.datetime(2025, 4, 2)},
         metals=("tantalum", "tin"), q6={"tantalum": "100%", "tin": "Greater than 90%"},
         q7={"tantalum": "Yes", "tin": "Yes"},
         smelters=["CID900415", "CID900431", "CID900327"],
         products=[("AMB-T491B106K016", "Tantalum chip capacitor 10 uF 16 V case B", None),
                   ("AMB-T495D227M010", "Low-ESR tantalum capacitor 220 uF 10 V case D", None),
                   ("AMB-P20C475K035", "Polymer tantalum capacitor 4.7 uF 35 V", "Introduced 2024")],
         years=BOTH, next_steps={}),
    dict(file="Xiamen-Grayrock-Tungsten_RMI_CMRT_6.4.xlsx", company="TUNG",
         d8="Xiamen Grayrock Tungsten Components Co Ltd", scope="A. Company", scope_desc=None,
         uid="91350206MA8TG3K57Q", authority="Unified Social Credit Code (China)",
         address="No. 21 Haicang Industrial Road, Xiamen, Fujian, China",
         contact=("Chen Hao", "sustainability@grayrock-tungsten.example", "+86 592 0000 0321"),
         authorizer=("Wang Lei", "General Manager", "gm@grayrock-tungsten.example", "+86 592 0000 0300"),
         dates={2024: datetime.datetime(2024, 5, 8), 2025: datetime.datetime(2025, 5, 6)},
         metals=("tungsten",), q6={"tungsten": "100%"}, q7={"tungsten": "Yes"},
         smelters=["CID900516", "CID900532"], products=[], years=BOTH, next_steps={}),
    dict(file="Penang-Kinta-Electronics_RMI_CMRT_6.4.xlsx", company="EMS-PEN",
         d8="Penang Kinta Electronics Sdn. Bhd.", scope="C. User defined [Specify in 'Description of scope']",
         scope_desc="Router and switch assemblies built for Brightwater Network Systems Ltd",
         uid=E("EMS-PEN")["duns"], authority="DUNS",
         address="Plot 7, Bayan Lepas Free Industrial Zone Phase 4, 11900 Bayan Lepas, Penang, Malaysia",
         contact=("Arun Pillai", "conflict.minerals@penangkinta.example", "+60 4-000 0707"),
         authorizer=("Lim Siew Ling", "Director of Operations", "ops.director@penangkinta.example", "+60 4-000 0700"),
         dates={2025: datetime.datetime(2025, 4, 29)},
         metals=("tantalum", "tin", "gold", "tungsten"),
         q6={"tantalum": "Greater than 75%", "tin": "Greater than 75%", "gold": "Greater than 50%",
             "tungsten": "100%"},
         q7={"tantalum": "Yes", "tin": "Yes", "gold": "No", "tungsten": "Yes"},
         smelters=["CID900431", "CID900311", "CID900358", "CID900611", "CID900643", "CID900532"],
         products=[], years=(2025,),
         next_steps={"CID900358": "Escalated to solder supplier; removal requested",
                     "CID900643": "Smelter not in RMI database; identification requested"}),
]


def build_cmrt(doc, year):
    import openpyxl
    from openpyxl.styles import Alignment

    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    sheets = {name: wb.create_sheet(name) for name in
              ("Revision", "Instructions", "Definitions", "Declaration", "Smelter List", "Checker",
               "Product List", "Smelter Look-up", "L", "C", "SorP")}
    for hidden in ("L", "C", "SorP"):
        sheets[hidden].sheet_state = "hidden"

    rev = sheets["Revision"]
    rev["A1"] = "Revision"
    rev["A2"] = "6.4"
    rev["B2"] = "April 26, 2024"
    rev["C2"] = "Smelter list update; highlighting fixes (sample workbook laid out as RMI CMRT 6.4)"
    sheets["Instructions"]["A1"] = "Instructions (sample workbook; see the RMI template for the official text)"
    sheets["Definitions"]["A1"] = "Definitions"
    sheets["Checker"]["A1"] = "Checker"

    d = sheets["Declaration"]
    d["D2"] = "Conflict Minerals Reporting Template (CMRT)"
    d["J3"] = REVISION
    d["J3"].alignment = Alignment(wrap_text=True)
    d["D3"] = "English"
    labels = {7: "Company Information", 8: "Company Name (*):", 9: "Declaration Scope or Class (*):",
              10: "Description of Scope (*):", 12: "Company Unique ID:", 13: "Company Unique ID Authority:",
              14: "Address:", 15: "Contact Name (*):", 16: "Email – Contact (*):", 17: "Phone – Contact (*):",
              18: "Authorizer (*):", 19: "Title - Authorizer:", 20: "Email - Authorizer (*):",
              21: "Phone - Authorizer:", 22: "Effective Date (*):"}
    for row, text in labels.items():
        d.cell(row=row, column=2, value=text)
    for merged in ("D8:J8", "D9:G9", "D10:J10", "D12:J12", "D13:J13", "D14:J14", "D15:J15", "D16:J16",
                   "D17:J17", "D18:J18", "D19:J19", "D20:J20", "D21:J21", "D22:E22"):
        d.merge_cells(merged)
    d["D8"] = doc["d8"]
    d["D9"] = doc["scope"]
    d["D10"] = doc["scope_desc"]
    d["D12"] = doc["uid"]
    d["D13"] = doc["authority"]
    d["D14"] = doc["address"]
    d["D15"], d["D16"], d["D17"] = doc["contact"]
    d["D18"], d["D19"], d["D20"], d["D21"] = doc["authorizer"]
    d["D22"] = doc["dates"][year]
    d["D22"].number_format = "[$-409]d\\-mmm\\-yyyy;@"

    questions = ["1) Is any 3TG intentionally added or used in the product(s) or in the production process? (*)",
                 "2) Does any 3TG remain in the product(s)? (*)",
                 "3) Do any of the smelters in your supply chain source the 3TG from the covered countries? (*)",
                 "4) Do any of the smelters in your supply chain source the 3TG from CAHRAs? (*)",
                 "5) Does 100 percent of the 3TG (necessary to the functionality or production of your products) "
                 "originate from recycled or scrap sources? (*)",
                 "6) What percentage of relevant suppliers have provided a response to your supply chain survey? (*)",
                 "7) Have you identified all of the smelters supplying the 3TG to your supply chain? (*)",
                 "8) Has all applicable smelter information received by your company been reported in this "
                 "declaration? (*)"]
    d["B24"] = "Answer the following questions 1 - 8 based on the declaration scope indicated above"
    smelter_metals = {SMELTER[c][2] for c in doc["smelters"]}
    covered = {"CD", "RW"}
    for q in range(8):
        header = 25 + 6 * q
        d.cell(row=header, column=2, value=questions[q])
        d.cell(row=header, column=4, value="Answer")
        d.cell(row=header, column=7, value="Comments")
        for i, metal in enumerate(METALS_Q_ORDER):
            row = header + 1 + i
            d.cell(row=row, column=3, value=metal.capitalize())
            used = metal in doc["metals"]
            if q == 0:
                answer = "Yes" if used else "No"
            elif not used:
                answer = None
            elif q == 1:
                answer = "Yes"
            elif q in (2, 3):  # covered countries / CAHRAs: a listed smelter buys from a CD or RW mine
                answer = "Yes" if any(SMELTER[c][2] == metal and r["to"] == c and E(r["frm"])["country"] in covered
                                      for c in doc["smelters"] for r in RELS) else "No"
            elif q == 4:
                answer = "No"
            elif q == 5:
                answer = doc["q6"][metal]
            elif q == 6:
                answer = doc["q7"][metal]
            else:
                answer = "Yes"
            assert q != 0 or (answer == "Yes") == (metal in smelter_metals), (doc["file"], metal)
            d.cell(row=row, column=4, value=answer)
    company_q = {75: ("A. Have you established a responsible minerals sourcing policy? (*)", "Yes"),
                 77: ("B. Is your responsible minerals sourcing policy publicly available on your website? (*)", "Yes"),
                 79: ("C. Do you require your direct suppliers to source the 3TG from smelters whose due diligence "
                      "practices have been validated by an independent third party audit program? (*)",
                      "Yes" if doc["company"] != "SOLD" else "No"),
                 81: ("D. Have you implemented due diligence measures for responsible sourcing? (*)", "Yes"),
                 83: ("E. Does your company conduct Conflict Minerals survey(s) of your relevant supplier(s)? (*)",
                      "Yes, in conformance with IPC1755 (e.g., CMRT)"),
                 85: ("F. Do you review due diligence information received from your suppliers against your "
                      "company's expectations? (*)", "Yes"),
                 87: ("G. Does your review process include corrective action management? (*)",
                      "Yes" if doc["company"] in ("CAP", "EMS-PEN") else "No"),
                 89: ("H. Is your company required to file an annual conflict minerals disclosure? (*)", "No")}
    d["B74"], d["D74"], d["G74"] = "Question", "Answer", "Comments"
    for row, (text, answer) in company_q.items():
        d.cell(row=row, column=2, value=text)
        d.cell(row=row, column=4, value=answer)
    d["G77"] = "https://www.%s/responsible-minerals-policy" % doc["contact"][1].split("@")[1]

    s = sheets["Smelter List"]
    s["Q3"] = REVISION
    headers = ["Smelter Identification Number Input Column", "Metal (*)", "Smelter Look-up (*)", "Smelter Name (1)",
               "Smelter Country (*)", "Smelter Identification", "Source of Smelter Identification Number",
               "Smelter Street ", "Smelter City", "Smelter Facility Location: State / Province",
               "Smelter Contact Name", "Smelter Contact Email", "Proposed next steps",
               'Name of Mine(s) or if recycled or scrap sourced, enter "recycled" or "scrap"',
               'Location (Country) of Mine(s) or if recycled or scrap sourced, enter "recycled" or "scrap"',
               "Does 100% of the smelter’s feedstock originate from recycled or scrap sources?", "Comments",
               "Standard Smelter Name", "Country Code", "State / Province Code"]
    for col, text in enumerate(headers, start=1):
        s.cell(row=4, column=col, value=text)
    order = {"tantalum": 0, "tin": 1, "tungsten": 2, "gold": 3}  # Smelter List dropdown order
    rows = sorted(doc["smelters"], key=lambda c: (order[SMELTER[c][2]], c))
    for i, cid in enumerate(rows):
        r = 5 + i
        cid_, name, metal, iso, cname, city, _, _ = SMELTER[cid]
        mines, mine_country = SMELTER_MINES[cid]
        values = [cid, metal.capitalize(), name, None, cname, cid, "RMI", None, city, None, None, None,
                  doc["next_steps"].get(cid), mines, mine_country,
                  "Yes" if mines == "recycled" else ("Unknown" if mines == "Unknown" else "No"),
                  None, name, iso, None]
        for col, v in enumerate(values, start=1):
            s.cell(row=r, column=col, value=v)

    p = sheets["Product List"]
    p["B5"], p["C5"], p["D5"] = "Manufacturer’s Product Number (*)", "Manufacturer’s Product Name", "Comments"
    for i, (num, pname, comment) in enumerate(doc["products"]):
        p.cell(row=6 + i, column=2, value=num)
        p.cell(row=6 + i, column=3, value=pname)
        p.cell(row=6 + i, column=4, value=comment)

    lk = sheets["Smelter Look-up"]
    for col, text in enumerate(["Metal", "Smelter Look-up", "Standard Smelter Name", "Smelter Country",
                                "Smelter ID", "Source of Smelter ID", "Smelter Street", "Smelter City",
                                "Smelter State / Province"], start=1):
        lk.cell(row=4, column=col, value=text)
    for i, sm in enumerate(s_ for s_ in SMELTERS if s_[0] != "CID900643"):
        for col, v in enumerate([sm[2].capitalize(), sm[1], sm[1], sm[4], sm[0], "RMI", None, sm[5], None],
                                start=1):
            lk.cell(row=5 + i, column=col, value=v)

    c = sheets["C"]
    c["A1"], c["B1"] = "COUNTRY CODE LIST", "FULL NAME"
    for i, code in enumerate(sorted(COUNTRY_NAMES)):
        c.cell(row=2 + i, column=1, value=code)
        c.cell(row=2 + i, column=2, value=COUNTRY_NAMES[code])
    sheets["L"]["A1"] = "English"
    sheets["SorP"]["A1"] = "STATE / PROVINCE CODE LIST"

    fixed = datetime.datetime(2025, 1, 1, 0, 0, 0)
    wb.properties.creator = "tierscan sample data generator"
    wb.properties.created = fixed
    buf = io.BytesIO()
    wb.save(buf)
    return deterministic_zip(buf.getvalue())


def deterministic_zip(data):
    """Re-zip with fixed timestamps and a fixed docProps/core.xml `modified` date."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            content = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                content = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)",
                                 rb"\g<1>2025-01-01T00:00:00Z\g<2>", content)
            zi = zipfile.ZipInfo(info.filename, date_time=(2025, 1, 1, 0, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o644 << 16
            dst.writestr(zi, content)
    return out.getvalue()


def cmrt_edges(doc, fname):
    order = {"tantalum": 0, "tin": 1, "tungsten": 2, "gold": 3}
    rows = sorted(doc["smelters"], key=lambda c: (order[SMELTER[c][2]], c))
    return [dict(frm=cid, to=doc["company"], type="supplies", commodity=SMELTER[cid][2], hs="", basis="declared",
                 confidence="", share="", file=fname, line=5 + i) for i, cid in enumerate(rows)]

# ---------------------------------------------------------------------------------------------
# Reference data
# ---------------------------------------------------------------------------------------------

RISK_LIST = [
    # list, name, category, country, aliases, lei, duns, cid, authority, listed_on, reference, years
    ("Sample WRO list", "Tarimvale Cotton Ginning Co., Ltd.", "forced_labour", "CN",
     "Tarimvale Ginning;塔里木谷棉业轧花有限公司", "", "", "", "Sample customs authority (fictional)", "2023-06-14",
     "SWRO-2023-011: cotton ginned with state-imposed labour transfer (sample finding)", BOTH),
    ("Sample WRO list", "Stonequay Industrial Investment Group Co., Ltd.", "forced_labour", "CN",
     "Stonequay Group", E("OWN-STQ")["lei"], "", "", "Sample customs authority (fictional)", "2024-02-20",
     "SWRO-2024-003 (sample finding)", BOTH),
    ("Sample WRO list", "Cindervale Overseas Holdings Ltd", "forced_labour", "HK", "", "", "", "",
     "Sample customs authority (fictional)", "2024-02-20", "SWRO-2024-004 (sample finding)", BOTH),
    ("Sample WRO list", "Ironmere Energy Group Co Ltd", "forced_labour", "CN", "Ironmere Group", "", "", "",
     "Sample customs authority (fictional)", "2024-03-05", "SWRO-2024-009 (sample finding)", BOTH),
    ("Sample WRO list", "Northgate Deepwater Fishing Co.", "forced_labour", "CN", "", "", "", "",
     "Sample customs authority (fictional)", "2022-10-01", "SWRO-2022-002 (sample finding)", BOTH),
    ("Sample WRO list", "Bluegrove Tomato Processing Co., Ltd.", "forced_labour", "CN", "", "", "", "",
     "Sample customs authority (fictional)", "2023-01-17", "SWRO-2023-001 (sample finding)", BOTH),
    # A namesake in another country: the name rules must NOT match the Bangladeshi supplier.
    ("Sample WRO list", "Savar Stitchline Apparel Ltd.", "forced_labour", "IN", "", "", "", "",
     "Sample customs authority (fictional)", "2024-11-08", "SWRO-2024-021 (sample finding)", (2025,)),
    ("Internal Audit Findings 2024", "Padma Stitchworks Ltd.", "forced_labour", "BD", "", "", "", "",
     "Northwind Telecom internal audit", "2024-04-22",
     "IAF-2024-007: recruitment fees charged to workers, passports retained (sample finding)", (2024,)),
    ("Internal Audit Findings 2024", "Padma Stitchworks Ltd.", "forced_labour", "BD", "", "", "", "",
     "Northwind Telecom internal audit", "2024-04-22",
     "IAF-2024-007: closed 2024-12-31, fees repaid, supplier exited (sample finding)", (2025,)),
    ("Internal Audit Findings 2025", "Lotusbay Textile Co., Ltd.", "child_labour", "", "", "", "", "",
     "Northwind Telecom internal audit", "2025-02-11",
     "IAF-2025-031: workers under 15 found in an unannounced audit (sample finding)", (2025,)),
]

ILAB = {2024: "US DOL ILAB List of Goods Produced by Child Labor or Forced Labor 2022",
        2025: "US DOL ILAB List of Goods Produced by Child Labor or Forced Labor 2024"}
SEC = "SEC Rule 13p-1 / Dodd-Frank s.1502"
COUNTRY_RISK = [
    # country, category, score, commodity, source (a format string; {ilab} is the edition current that year)
    ("CN", "forced_labour", "0.7", "cotton", "{ilab}: cotton, China, forced labour"),
    ("TM", "forced_labour", "0.7", "cotton", "{ilab}: cotton, Turkmenistan, forced labour"),
    ("CN", "forced_labour", "0.7", "polysilicon", "{ilab}: polysilicon, China, forced labour"),
    ("BD", "forced_labour", "0.7", "garments", "{ilab}: garments, Bangladesh, forced labour"),
    ("BD", "child_labour", "0.7", "garments", "{ilab}: garments, Bangladesh, child labour"),
    ("IN", "child_labour", "0.7", "garments", "{ilab}: garments, India, child labour"),
    ("IN", "forced_labour", "0.7", "garments", "{ilab}: garments, India, forced labour"),
    ("MY", "forced_labour", "0.7", "electronics", "{ilab}: electronics, Malaysia, forced labour"),
    ("CD", "child_labour", "0.7", "coltan", "{ilab}: coltan (tantalum ore), DR Congo, child labour"),
    ("CD", "forced_labour", "0.7", "coltan", "{ilab}: coltan (tantalum ore), DR Congo, forced labour"),
    ("CD", "child_labour", "0.7", "cassiterite", "{ilab}: tin ore (cassiterite), DR Congo, child labour"),
    ("CD", "forced_labour", "0.7", "cassiterite", "{ilab}: tin ore (cassiterite), DR Congo, forced labour"),
    ("CD", "child_labour", "0.7", "wolframite", "{ilab}: wolframite (tungsten ore), DR Congo, child labour"),
    ("CD", "forced_labour", "0.7", "wolframite", "{ilab}: wolframite (tungsten ore), DR Congo, forced labour"),
    ("CD", "child_labour", "0.7", "gold", "{ilab}: gold, DR Congo, child labour"),
    ("CD", "forced_labour", "0.7", "gold", "{ilab}: gold, DR Congo, forced labour"),
    ("CD", "conflict_minerals", "0.8", "coltan", SEC + ": DR Congo is a covered country"),
    ("CD", "conflict_minerals", "0.8", "cassiterite", SEC + ": DR Congo is a covered country"),
    ("RW", "conflict_minerals", "0.6", "coltan", SEC + ": Rwanda is a covered (adjoining) country"),
    ("CI", "child_labour", "0.7", "cocoa", "{ilab}: cocoa, Côte d'Ivoire, child labour"),
    ("GH", "child_labour", "0.7", "cocoa", "{ilab}: cocoa, Ghana, child labour"),
    ("KP", "forced_labour", "0.9", "",
     "Walk Free Global Slavery Index 2023: North Korea, 104.6 per 1,000 people (rank 1 of 160)"),
]

# ---------------------------------------------------------------------------------------------
# Assessments and audit findings (2025 only; docs/formats.md "Assessments", "Audit findings").
# Invented audits of invented suppliers; the audit firm is fictional. No free text, no names of
# people: tierscan would not import them anyway.
# ---------------------------------------------------------------------------------------------

AUDITOR = "Harbourline Social Compliance Ltd (fictional)"
ASSESSMENTS = [
    # assessment_id, supplier_id, site_id, scheme, type, date, valid_until, announcement, result, scale, zero_tolerance
    ("SMETA-BD-24-0310", "GAR-BD", "GAR-BD-F1", "smeta-6.1", "initial", "2024-03-10", "2025-03-10", "semi-announced",
     "", "", "false"),
    ("SMETA-BD-25-0412", "GAR-BD", "GAR-BD-F1", "smeta-6.1", "initial", "2025-04-12", "2026-04-12", "semi-announced",
     "", "", "true"),
    ("SAQ-PFS-23-0502", "PFS", "", "sedex-saq", "saq", "2023-05-02", "2024-05-02", "", "", "", ""),
    ("RBA-MY-25-0220", "EMS-PEN", "EMS-PEN-F1", "rba-vap", "initial", "2025-02-20", "2027-02-20", "announced",
     "148", "rba-score", "true"),
    ("INT-BWN-25-0915", "BWN", "", "internal", "desktop", "2025-09-15", "2026-09-15", "announced", "", "", "false"),
    ("SMETA-GWW-25-0120", "GWW", "", "smeta-6.1", "initial", "2025-01-20", "2027-01-20", "unannounced", "", "",
     "false"),
]
AUDIT_FINDINGS = [
    # finding_id, assessment_id, code_ref, category, ilo_indicators, severity_raw, status, raised, due, closed,
    # verification, remedy
    ("BD24-05", "SMETA-BD-24-0310", "ETI 5", "wages", "", "Major", "verified", "", "2024-05-10", "2024-06-20",
     "desktop", "back_pay"),
    ("BD25-01", "SMETA-BD-25-0412", "ETI 1", "forced_labour", "debt_bondage;retention_of_identity_documents",
     "Business Critical", "open", "", "2025-05-12", "", "", ""),
    ("BD25-05", "SMETA-BD-25-0412", "ETI 5", "wages", "withholding_of_wages", "Major", "verified", "", "2025-06-12",
     "2025-07-30", "follow-up-audit", "back_pay"),
    ("PEN25-A1", "RBA-MY-25-0220", "A1", "forced_labour", "debt_bondage", "Priority", "in_progress", "",
     "2025-05-21", "", "", ""),
    ("PEN25-B2", "RBA-MY-25-0220", "B2", "health_safety", "", "Major", "verified", "", "2025-05-21", "2025-06-30",
     "closure-audit", ""),
    ("PEN25-A3", "RBA-MY-25-0220", "A3", "working_hours", "excessive_overtime", "Minor", "open", "", "2025-08-20", "",
     "", ""),
]
AUDIT_YEARS = (2025,)

# ---------------------------------------------------------------------------------------------
# Writers
# ---------------------------------------------------------------------------------------------


def write_csv(path, header, rows):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        for row in rows:
            w.writerow(row)


def write_text(path, text, binary=False):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(text if binary else text.encode("utf-8"))


def year_ids(year):
    return [eid for eid in ORDER if year in ENTITIES[eid]["years"]]


def write_year(year):
    base = os.path.join(ROOT, str(year))
    ents = [E(eid) for eid in year_ids(year) if E(eid)["csv"]]
    write_csv(os.path.join(base, "entities.csv"),
              ["id", "name", "kind", "country", "sector", "commodities", "lei", "duns", "vat", "cid", "aliases",
               "raw_material", "region", "data_source"],
              [[e["id"], e["name"], e["kind"], e["country"], e["sector"], ";".join(e["commodities"]), e["lei"],
                e["duns"], "", e["cid"], ";".join(e["aliases"]), "true" if e["raw"] else "false", e["region"],
                e["source"]] for e in ents])
    write_csv(os.path.join(base, "relationships.csv"),
              ["from", "to", "type", "commodity", "hs_code", "share", "basis", "confidence", "reporting_year",
               "source"],
              [[r["frm"], r["to"], r["type"], r["commodity"], r["hs"], r["share"], r["basis"], r["confidence"],
                year, r["source"]] for r in RELS if year in r["years"]])
    write_csv(os.path.join(base, "supplier-list.csv"),
              ["buyer_id", "supplier_id", "supplier_name", "supplier_country", "supplier_kind", "commodity",
               "hs_code", "spend", "tier", "basis", "lei", "duns", "cid"],
              [["NWT", sid, E(sid)["name"], E(sid)["country"], E(sid)["kind"], comm, hs,
                "%d.00" % (s24 if year == 2024 else s25), "1", "observed", E(sid)["lei"], E(sid)["duns"], ""]
               for sid, comm, hs, s24, s25 in SUPPLIER_LIST])
    for doc in XML_DOCS:
        write_text(os.path.join(base, "xml", doc["file"]), render_xml(doc, year))
    for doc in CMRTS:
        if year in doc["years"]:
            write_text(os.path.join(base, "cmrt", doc["file"]), build_cmrt(doc, year), binary=True)
    if year in AUDIT_YEARS:
        audits = os.path.join(base, "audits")
        write_csv(os.path.join(audits, "assessments.csv"),
                  ["assessment_id", "supplier_id", "site_id", "scheme", "assessment_type", "date", "valid_until",
                   "announcement", "overall_result", "result_scale", "zero_tolerance", "auditor"],
                  [list(a) + [AUDITOR] for a in ASSESSMENTS])
        write_csv(os.path.join(audits, "findings.csv"),
                  ["finding_id", "assessment_id", "code_ref", "category", "ilo_indicators", "severity_raw", "status",
                   "raised_date", "due_date", "closed_date", "verification", "remedy"],
                  [list(f) for f in AUDIT_FINDINGS])
    ref = os.path.join(base, "reference")
    write_csv(os.path.join(ref, "risk-list.csv"),
              ["list", "name", "category", "country", "aliases", "lei", "duns", "cid", "authority", "listed_on",
               "reference"],
              [list(r[:11]) for r in RISK_LIST if year in r[11]])
    write_csv(os.path.join(ref, "country-risk.csv"), ["country", "category", "score", "commodity", "source"],
              [[c, cat, s, comm, src.format(ilab=ILAB[year])] for c, cat, s, comm, src in COUNTRY_RISK])
    write_csv(os.path.join(ref, "smelter-reference.csv"), ["cid", "status", "name", "metal", "country"],
              [[s[0], s[6] if year == 2024 else s[7], s[1], s[2], s[3]] for s in SMELTERS if s[6]])

# ---------------------------------------------------------------------------------------------
# Broken inputs for `tierscan validate` (each problem on a documented line; see docs/sample-data.md)
# ---------------------------------------------------------------------------------------------

VALID_LEI = make_lei("2138", "BRK-LEI")
BAD_LEI = VALID_LEI[:18] + "%02d" % ((int(VALID_LEI[18:]) + 1) % 100)
assert not is_valid_lei(BAD_LEI)

BROKEN = [
    # file, content (str or bytes), [(line, severity, rule, problem)]
    (".hidden-notes.csv", "id,name\nHID-1,Hidden Sample Ltd\n",
     [("-", "info", "skipped-file", "dotfile, skipped without reading")]),
    ("00-base-entities.csv",
     "id,name,kind,country\nBRK-A,Broken Sample Alpha Ltd,company,GB\nBRK-B,Broken Sample Beta Co Ltd,company,CN\n"
     "BRK-C,Broken Sample Gamma Holdings Ltd,company,HK\n",
     [("-", "none", "-", "valid: defines BRK-A, BRK-B, BRK-C used by the relationship files below")]),
    ("01-ragged-row.csv",
     "id,name,country\nRAG-1,Ragged Sample One Ltd,GB\nRAG-2,Ragged Sample Two Ltd,GB,unexpected extra field\n"
     "RAG-3,Ragged Sample Three Ltd,GB\n",
     [(3, "error", "ragged-row", "4 fields where the header has 3; the row is rejected")]),
    ("02-unterminated-quote.csv",
     'id,name,country\nUQ-1,Quote Sample One Ltd,GB\nUQ-2,"Quote Sample Two Ltd,GB\nUQ-3,Quote Sample Three Ltd,GB\n',
     [(3, "error", "unterminated-quote", "quoted field opened on line 3 never closes; the rest of the file is "
                                          "inside it")]),
    ("03-invalid-utf8.csv",
     b"id,name,country\nU8-1,Valid Sample Ltd,GB\nU8-2,Caf\xe9 Sample Ltd,FR\nU8-3,Another Valid Sample Ltd,FR\n",
     [(3, "error", "invalid-utf8", "byte 0xE9 (Latin-1 'é') is not UTF-8")]),
    ("04-unknown-relationship-type.csv",
     "from,to,type,commodity\nBRK-B,BRK-A,supplies,widgets\nBRK-B,BRK-A,sells_to,widgets\n",
     [(3, "error", "unknown-relationship-type", "type `sells_to` is not supplies/subcontracts/owns/operates")]),
    ("05-owns-share-150.csv",
     "from,to,type,share\nBRK-C,BRK-B,owns,60\nBRK-C,BRK-A,owns,150\n",
     [(3, "error", "share-out-of-range", "share 150 is outside 0 < share <= 100")]),
    ("06-invalid-lei.csv",
     "id,name,country,lei\nLEI-OK,Valid LEI Sample Ltd,GB,%s\nLEI-BAD,Invalid LEI Sample Ltd,GB,%s\n"
     % (VALID_LEI, BAD_LEI),
     [(3, "warning", "invalid-lei", "check digits of %s fail ISO 17442 (mod 97); entity kept, LEI dropped"
       % BAD_LEI)]),
    ("07-country-uk.csv", "id,name,country\nUKC-1,Country UK Sample Ltd,UK\n",
     [(2, "warning", "country-repaired", "`UK` read as `GB`")]),
    ("08-country-xx.csv", "id,name,country\nXXC-1,Country XX Sample Ltd,XX\n",
     [(2, "warning", "unassigned-country", "`XX` is not an assigned ISO 3166-1 code; country dropped")]),
    ("09-duplicate-id-conflicting-country.csv",
     "id,name,country\nDUP-1,Duplicate Sample Electronics Co Ltd,CN\nDUP-1,Duplicate Sample Electronics Co Ltd,VN\n",
     [(3, "warning", "merge-conflict", "same id DUP-1 with country VN vs CN (line 2); the first (CN) wins")]),
    ("10-unknown-endpoint.csv", "from,to,type,commodity\nGHOST-99,BRK-A,supplies,widgets\n",
     [(2, "warning", "unknown-entity", "GHOST-99 has no entity in any input; a placeholder is created")]),
    ("11-formula-id.csv",
     'id,name,country\n"=HYPERLINK(""http://example.invalid/x"",""click"")",Formula Id Sample Ltd,GB\n',
     [(2, "warning", "formula-like-id", "id starts with `=`; kept, and neutralised with a leading ' in CSV output")]),
    ("12-malformed.xml",
     '<?xml version="1.0" encoding="UTF-8"?>\n<disclosure xmlns="urn:tierscan:disclosure:1" reportingYear="2025">\n'
     '  <discloser id="BRK-A" name="Broken Sample Alpha Ltd" country="GB"/>\n'
     '  <supplier id="BRK-B" name="Broken Sample Beta Co Ltd" country="CN">\n'
     '    <commodity name="widgets" hsCode="847330"/>\n  </suplier>\n</disclosure>\n',
     [(6, "error", "malformed-xml", "end tag `suplier` does not match start tag `supplier` (line 4)")]),
    ("13-doctype.xml",
     '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE disclosure [\n'
     '  <!ENTITY xxe SYSTEM "file:///etc/hostname">\n]>\n'
     '<disclosure xmlns="urn:tierscan:disclosure:1" reportingYear="2025">\n'
     '  <discloser id="BRK-A" name="&xxe;" country="GB"/>\n</disclosure>\n',
     [(2, "error", "doctype", "document type declaration refused (XXE / entity expansion); nothing read")]),
    ("14-unrecognised-header.csv", "vendor,address,phone\nAcme Sample Vendor,1 Sample Street,000\n",
     [(1, "error", "unrecognised-header", "header matches no input kind of SPEC §2")]),
    ("15-risk-list-unknown-category.csv",
     "list,name,category,country\nSample WRO list,Broken Sample Beta Co Ltd,sanctions,CN\n",
     [(2, "warning", "unknown-category", "category `sanctions` is not in the config; row not used")]),
    ("16-shares-over-100.csv", "from,to,type,share\nBRK-B,BRK-A,owns,60\nBRK-C,BRK-A,owns,55\n",
     [(3, "warning", "shares-over-100", "shares held in BRK-A sum to 115 (60 + 55)")]),
    ("~$entities.csv", b"\x0bSample User" + b" " * 43 + b"\x00" * 110,
     [("-", "info", "skipped-file", "Excel lock file (`~$` prefix), skipped without reading")]),
]


def write_broken():
    base = os.path.join(ROOT, "broken")
    for name, content, _ in BROKEN:
        write_text(os.path.join(base, name), content, binary=isinstance(content, bytes))

# ---------------------------------------------------------------------------------------------
# Summary: the graph a reader should build, tiers, coverage and reference exposures (SPEC §3)
# ---------------------------------------------------------------------------------------------

import unicodedata  # noqa: E402

LEGAL = set("ltd limited co company inc incorporated corp corporation llc llp lp plc gmbh ag kg sa sas sarl bv nv "
            "pte pty srl spa oy ab as jsc ooo kk sdn bhd".split())


def normalise(name):
    folded = unicodedata.normalize("NFKD", name.casefold())
    out = []
    for ch in folded:
        if ch in ".'":
            continue
        cat = unicodedata.category(ch)
        if cat in ("Mn", "Mc", "Me"):
            continue
        out.append(ch if cat[0] == "L" or cat == "Nd" else " ")
    words = "".join(out).split()
    while words and words[-1] in LEGAL:
        words.pop()
    return " ".join(words)


def year_graph(year):
    alias = {"BW-V-10442": "EMS-SZ"}  # LEI merge
    ids = set(year_ids(year))
    edges = []
    for sid, comm, hs, _, _ in SUPPLIER_LIST:
        edges.append(dict(frm=sid, to="NWT", type="supplies", commodity=comm, hs=hs, basis="observed",
                          confidence="", share="", file="supplier-list.csv", line=0))
    line = 1
    for r in RELS:
        if year in r["years"]:
            line += 1
            edges.append(dict(r, basis=r["basis"] or "declared", file="relationships.csv", line=line))
    for doc in XML_DOCS:
        edges += xml_edges(doc, year, "xml/" + doc["file"])
    for doc in CMRTS:
        if year in doc["years"]:
            edges += cmrt_edges(doc, "cmrt/" + doc["file"])
    for e in edges:
        e["frm"] = alias.get(e["frm"], e["frm"])
        e["to"] = alias.get(e["to"], e["to"])
        assert e["frm"] in ids and e["to"] in ids, (year, e)
    present = {e["id"] for e in (E(v) for v in ids) if e["csv"]} | {sid for sid, *_ in SUPPLIER_LIST}
    for e in edges:
        present |= {e["frm"], e["to"]}
    for doc in XML_DOCS:
        present |= {alias.get(v, v) for v in xml_entities(doc)}
    return sorted(present), edges


def tiers(ids, edges):
    up = {}
    for e in edges:
        if e["type"] in ("supplies", "subcontracts"):
            up.setdefault(e["to"], []).append(e["frm"])
    tier = {"NWT": 0}
    frontier = ["NWT"]
    while frontier:
        nxt = []
        for v in frontier:
            for u in sorted(up.get(v, [])):
                if u not in tier:
                    tier[u] = tier[v] + 1
                    nxt.append(u)
        frontier = nxt
    changed = True
    while changed:
        changed = False
        for e in edges:
            if e["type"] == "operates" and e["frm"] in tier:
                t = tier[e["frm"]]
                if tier.get(e["to"], 1 << 30) > t:
                    tier[e["to"]] = t
                    changed = True
    unmapped = sorted(v for v, t in tier.items() if t >= 1 and v not in up and E(v)["kind"] not in ("smelter", "mine")
                      and not E(v)["raw"])
    return tier, unmapped


def inherent(year, ids, edges):
    r0 = {}  # (id, cat) -> (score, rule)

    def put(v, cat, score, rule):
        if score > r0.get((v, cat), (0, ""))[0]:
            r0[(v, cat)] = (score, rule)
    for row in RISK_LIST:
        if year not in row[11]:
            continue
        lst, name, cat, country, aliases, lei = row[:6]
        names = {normalise(name)} | {normalise(a) for a in aliases.split(";") if a}
        for v in ids:
            e = E(v)
            if lei and e["lei"] == lei:
                put(v, cat, 1.0, "identifier")
                continue
            if lei and e["lei"] and e["lei"] != lei:
                continue
            if normalise(e["name"]) in names or any(normalise(a) in names for a in e["aliases"]):
                if country and e["country"]:
                    if country == e["country"]:
                        put(v, cat, 1.0, "name-country")
                else:
                    put(v, cat, 0.7, "name-only")
    supplied = {}
    for e in edges:
        if e["type"] == "supplies" and e["commodity"]:
            supplied.setdefault(e["frm"], set()).add(e["commodity"])
    for country, cat, score, comm, _ in COUNTRY_RISK:
        for v in ids:
            e = E(v)
            if e["country"] == country and (not comm or comm in e["commodities"] or comm in supplied.get(v, ())):
                put(v, cat, float(score), "country-commodity")
    status = {s[0]: (s[6] if year == 2024 else s[7]) for s in SMELTERS if s[6]}
    scores = {"conformant": 0.0, "active": 0.3, "non-conformant": 1.0}
    for v in ids:
        if E(v)["kind"] == "smelter":
            put(v, "conflict_minerals", scores.get(status.get(v), 0.6), "smelter-status:%s" % status.get(v, "unknown"))
    # aggregate ownership
    for cat in ("forced_labour", "child_labour", "conflict_minerals"):
        listed = {v for (v, c), (s, rule) in r0.items() if c == cat and rule in ("identifier", "name-country")}
        changed = True
        while changed:
            changed = False
            held = {}
            for e in edges:
                if e["type"] == "owns" and e["frm"] in listed:
                    held.setdefault(e["to"], {})
                    held[e["to"]][e["frm"]] = max(held[e["to"]].get(e["frm"], 0), float(e["share"]))
            for v, owners in sorted(held.items()):
                if v not in listed and sum(owners.values()) >= 50:
                    listed.add(v)
                    put(v, cat, 1.0, "ownership-aggregate")
                    changed = True
    return r0


def propagate(r0, ids, edges, cat):
    conf = {"observed": 1.0, "declared": 0.9, "inferred": 0.5}
    moves = []  # (source, target, t, edge)
    for e in edges:
        c = float(e["confidence"]) if e["confidence"] else conf[e["basis"]]
        t = c * 0.85
        if e["type"] in ("supplies", "subcontracts"):
            moves.append((e["frm"], e["to"], t, e))
        elif e["type"] == "operates":
            moves.append((e["to"], e["frm"], t, e))
        elif e["type"] == "owns" and float(e["share"]) >= 50:
            moves.append((e["to"], e["frm"], t, e))
    best = {v: (r0.get((v, cat), (0, ""))[0], [v]) for v in ids}
    for _ in range(10):
        nxt = dict(best)
        for u, v, t, e in moves:
            s = best[u][0] * t
            if s > nxt[v][0] + 1e-12:
                nxt[v] = (s, best[u][1] + [v])
        best = nxt
    return best


def level(score):
    for name, th in (("critical", 0.8), ("high", 0.6), ("medium", 0.35)):
        if score >= th - 1e-12:
            return name
    return "low" if score > 0 else "none"


def summary(expect):
    for year in YEARS:
        ids, edges = year_graph(year)
        tier, unmapped = tiers(ids, edges)
        kinds = {}
        for v in ids:
            kinds[E(v)["kind"]] = kinds.get(E(v)["kind"], 0) + 1
        types = {}
        for e in edges:
            types[e["type"]] = types.get(e["type"], 0) + 1
        print("== %d: %d entities %s, %d edges %s" % (year, len(ids), sorted(kinds.items()), len(edges),
                                                       sorted(types.items())))
        by_tier = {}
        for v, t in tier.items():
            by_tier.setdefault(t, []).append(v)
        print("   tiers: %s" % ", ".join("%d:%d" % (t, len(vs)) for t, vs in sorted(by_tier.items())))
        print("   unmapped: %s" % ", ".join("%s(t%d)" % (v, tier[v]) for v in unmapped))
        print("   no tier: %s" % ", ".join(v for v in ids if v not in tier))
        if not expect:
            continue
        r0 = inherent(year, ids, edges)
        for (v, c), (s, rule) in sorted(r0.items()):
            if s > 0:
                print("   r0 %-10s %-17s %.2f %s" % (v, c, s, rule))
        for cat in ("forced_labour", "child_labour", "conflict_minerals"):
            best = propagate(r0, ids, edges, cat)
            for v in sorted(best, key=lambda v: (tier.get(v, 99), v)):
                s, path = best[v]
                if v in tier and s > 0 and (tier[v] <= 2 or v in ("GIN-XJ", "POLY-CN", "FAB-IN", "WAFER-CN")):
                    print("   %-17s t%d %-10s %.4f %-8s %s" % (cat, tier[v], v, s, level(s), " -> ".join(path)))


# ---------------------------------------------------------------------------------------------
# Self-check of the written files (runs after every generation)
# ---------------------------------------------------------------------------------------------

NS = "{urn:tierscan:disclosure:1}"


def check_year(year):
    import xml.etree.ElementTree as ET
    import xml.parsers.expat
    import openpyxl

    base = os.path.join(ROOT, str(year))
    names = {}
    for rel_path in ("entities.csv", "relationships.csv", "supplier-list.csv", "reference/risk-list.csv",
                     "reference/country-risk.csv", "reference/smelter-reference.csv"):
        with open(os.path.join(base, rel_path), encoding="utf-8", newline="") as f:
            rows = list(csv.reader(f))
        assert all(len(r) == len(rows[0]) for r in rows), rel_path
        header = rows[0]
        for r in rows[1:]:
            rec = dict(zip(header, r))
            for key in ("lei",):
                if rec.get(key):
                    assert is_valid_lei(rec[key]), (rel_path, rec)
            for key in ("duns",):
                if rec.get(key):
                    assert re.fullmatch(r"[0-9]{9}", rec[key]), (rel_path, rec)
            if rec.get("cid"):
                assert re.fullmatch(r"CID[0-9]{6}", rec["cid"]), (rel_path, rec)
            if rel_path == "entities.csv":
                assert rec["id"] not in names, rec["id"]
                names[rec["id"]] = (rec["name"], rec["country"])
            if rel_path == "supplier-list.csv":
                assert names[rec["supplier_id"]] == (rec["supplier_name"], rec["supplier_country"]), rec
    # Audits: every supplier and site exists this year, every finding's assessment exists.
    if year in AUDIT_YEARS:
        ids = set(year_ids(year))
        for a in ASSESSMENTS:
            assert a[1] in ids and (not a[2] or a[2] in ids), a
        assert all(f[1] in {a[0] for a in ASSESSMENTS} for f in AUDIT_FINDINGS)
    # XML: well-formed, namespace, and every element's line as xml_edges() assumes.
    for doc in XML_DOCS:
        path = os.path.join(base, "xml", doc["file"])
        root = ET.parse(path).getroot()
        assert root.tag == NS + "disclosure" and root.get("reportingYear") == str(year)
        depth = max(len(p.split("/")) for p in _paths(root))
        assert depth >= 4, (doc["file"], depth)  # discloser + >= 3 nested supplier tiers
        lines = {}
        parser = xml.parsers.expat.ParserCreate(namespace_separator=" ")

        def start(tag, attrs, parser=parser):
            key = attrs.get("id") or attrs.get("cid")
            if key and tag.endswith(("supplier", "owner", "smelter", "facility")):
                lines.setdefault(key, []).append(parser.CurrentLineNumber)
        parser.StartElementHandler = start
        with open(path, "rb") as f:
            parser.ParseFile(f)
        for e in xml_edges(doc, year, doc["file"]):
            key = {"supplies": e["frm"], "owns": e["frm"], "operates": e["to"]}[e["type"]]
            assert e["line"] in lines[key], (doc["file"], e, lines[key])
    # CMRT: sheet names and cells where domain.md §1 says.
    for doc in CMRTS:
        if year not in doc["years"]:
            continue
        wb = openpyxl.load_workbook(os.path.join(base, "cmrt", doc["file"]))
        assert wb.sheetnames == ["Revision", "Instructions", "Definitions", "Declaration", "Smelter List",
                                 "Checker", "Product List", "Smelter Look-up", "L", "C", "SorP"], wb.sheetnames
        d = wb["Declaration"]
        assert d["J3"].value == REVISION and wb["Smelter List"]["Q3"].value == REVISION
        assert normalise(d["D8"].value) == normalise(E(doc["company"])["name"]), d["D8"].value
        assert d["D9"].value.startswith(("A. ", "B. ", "C. "))
        assert isinstance(d["D22"].value, datetime.datetime)
        for i, metal in enumerate(METALS_Q_ORDER):
            assert d.cell(row=26 + i, column=4).value == ("Yes" if metal in doc["metals"] else "No")
        for row in range(75, 90, 2):
            assert d.cell(row=row, column=4).value, row
        s = wb["Smelter List"]
        got = []
        r = 5
        while s.cell(row=r, column=2).value:
            got.append((s.cell(row=r, column=2).value.lower(), s.cell(row=r, column=6).value))
            r += 1
        want = [(e["commodity"], e["frm"]) for e in cmrt_edges(doc, "")]
        assert got == want, (got, want)
        p = wb["Product List"]
        assert [p.cell(row=6 + i, column=2).value for i in range(len(doc["products"]))] == \
            [x[0] for x in doc["products"]]
        if doc["authority"] == "LEI":
            assert is_valid_lei(d["D12"].value) and d["D12"].value == E(doc["company"])["lei"]


def _paths(elem, prefix=""):
    here = prefix + "/" + elem.tag.split("}")[1]
    kids = [c for c in elem if c.tag in (NS + "supplier",)]
    if not kids:
        return [here]
    out = []
    for c in kids:
        out += _paths(c, here)
    return out


def check_broken():
    base = os.path.join(ROOT, "broken")
    assert sorted(os.listdir(base)) == sorted(b[0] for b in BROKEN)


def main():
    for sub in ("2024", "2025", "broken"):
        shutil.rmtree(os.path.join(ROOT, sub), ignore_errors=True)
    for year in YEARS:
        write_year(year)
    write_broken()
    for year in YEARS:
        check_year(year)
    check_broken()
    summary("--expect" in sys.argv)


if __name__ == "__main__":
    main()
