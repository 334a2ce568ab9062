#!/usr/bin/python3
"""Police-registered offences in Borlänge per year and model crime type, from the shared data.

Reads the police register extract (municipality × year × month × crime code) and the
police crime-code hierarchy, maps each crime code to one of the model's nine crime types
(engine/model/crime_type.hpp) with the table CATEGORY_TYPE below, and writes, for Borlänge
(kommunkod 2081) and 2022–2025, one row per year and type:

    year,crime_type,registered

Years are the registration year (`ar`, the police's Inskrivningsdatum), as in the source,
not the offence year. Codes not in the table (fraud, traffic, sexual offences, …) are not
counted. It prints the table and the 2023–2025 means next to the calibration targets in
tools/calibrate.py.

    /usr/bin/python3 tools/registered_counts.py [CRIMES_CSV [HIERARCHY_CSV]] [-o OUT]

CRIMES_CSV defaults to ../shared/data/dalarna_crime_reported.csv and HIERARCHY_CSV to
../shared/data/crime_code_hierarchy.csv, relative to the repository root; OUT to
configs/data/borlange_registered_by_type.csv.
"""
import argparse
import collections
import csv
import pathlib
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data"
KOMMUNKOD = "2081"  # Borlänge
YEARS = (2022, 2023, 2024, 2025)
TYPES = ("burglary", "vehicle_theft", "bicycle_theft", "other_theft", "shop_theft",
         "vandalism", "robbery", "assault", "drugs")  # order of kCrimeTypeNames
# tools/calibrate.py TARGETS (2023–2025 averages).
TARGETS = {
    "burglary": 394, "vehicle_theft": 248, "bicycle_theft": 353, "other_theft": 416,
    "shop_theft": 385, "vandalism": 587, "robbery": 27, "assault": 843, "drugs": 730,
}

# Mapping: police category level 4 (`kat4` in crime_code_hierarchy.csv; every kat4 name
# lies under one kat2/kat3, checked below) → model type. A code is counted under the type
# of its kat4; kat4s not listed are not counted. Codes in brackets are the 2023–2025
# Borlänge codes of each kat4 with offences. This is the mapping behind the calibration
# targets: its exact 2023–2025 means differ from them by less than one offence a year,
# because the targets were summed from separately rounded sub-category means (e.g.
# assault = misshandel 529 + grov misshandel 37 + olaga hot 277 = 843; exact 842.0).
CATEGORY_TYPE = {
    # kat2 "Tillgreppsbrott (exkl i butik)", kat3 "Inbrott": all burglary (inbrottsstöld).
    # Dwellings incl. attempts [857 874 9801 9802 9831 9832]:
    "Bostadsinbrott": "burglary",
    # Schools, sports halls, offices, shops, garages, building sites … [811–823 886]:
    "Inbrott i verksamhetslokal": "burglary",
    # Cellars/attics (825), holiday homes (826), other (830):
    "Inbrott övrigt": "burglary",
    # kat3 "Tillgrepp av fortskaffningsmedel" and "Stöld": motor vehicles.
    "Bilstöld": "vehicle_theft",                                # cars, incl. attempts [801 802]
    "Stöld ur eller från motordrivet fordon": "vehicle_theft",  # theft from vehicles [9827 9828]
    "Stöld av moped eller motorcykel": "vehicle_theft",         # [803 804]
    # Other motor vehicles (806, 9803), but also non-motorised "other" conveyances (809, 9834;
    # about 40 a year): kept whole to match the calibration.
    "Övriga tillgrepp av fortskaffningsmedel": "vehicle_theft",
    "Stöld av drivmedel": "vehicle_theft",                      # fuel from tanks [9823 9825]
    # Not counted: boats (Stöld av båt, Stöld ur eller från båt) and commercial goods transport
    # (Stöld ur eller från yrkesmässig transport eller godsbefordran).
    # Bicycles.
    "Cykelstöld": "bicycle_theft",        # bicycles, e-bikes, e-scooters [9829 9830 9833]
    "Stöld från cykel": "bicycle_theft",  # [841]
    # kat3 "Stöld" (without break-in) and "Övriga tillgreppsbrott". Annan stöld utan inbrott:
    # theft in schools, sports halls, restaurants, offices, building sites, "annan stöld" (880),
    # and also from dwellings (858, 859; about 46 a year) and cellars (860; about 10 a year).
    "Annan stöld utan inbrott": "other_theft",
    "Fickstöld": "other_theft",               # pickpocketing [9817 9818]
    "Väskryckning": "other_theft",            # bag snatching [9819 9820]
    "Övriga tillgreppsbrott": "other_theft",  # egenmäktigt förfarande etc. (BrB 8 kap., 875)
    # kat2 "Tillgrepp i butik".
    "Tillgrepp i butik": "shop_theft",  # [853]
    # kat2 "Skadegörelsebrott": all of it. Mordbrand (1301, kat2 "Övriga BrB-brott",
    # ~6 a year) and allmänfarlig vårdslöshet (1302) are not counted.
    "Skadegörelse på motorfordon, ej brand": "vandalism",              # [1201]
    "Skadegörelse mot offentlig verksamhet, ej klotter": "vandalism",  # [1205]
    "Klotter mot kollektivtrafik": "vandalism",                        # graffiti [1208]
    "Övrigt klotter": "vandalism",                                     # graffiti [1209]
    "Brand, ej på motorfordon": "vandalism",                           # arson as damage [1210]
    "Bilbrand": "vandalism",                                           # car fires [1211]
    "Annan skadegörelse": "vandalism",                                 # [1212]
    # kat3 "Rån": robbery of persons and "other" robbery; shop robbery (Butiksrån, 870,
    # ~5 a year) is a business robbery and is not counted.
    "Personrån": "robbery",  # all personrån, indoors and outdoors [892 9806–9813]
    "Annat rån": "robbery",  # övrigt rån [855 856]
    # kat3 "Misshandel, ej grov", "Grov misshandel", "Olaga hot": all of them. The police
    # codes do not give the place as public/private: misshandel is coded indoors/outdoors
    # and by relation to the victim, olaga hot by relation and internet; all are counted,
    # including domestic and internet threats. Not counted: homicide, violence against
    # officials, olaga tvång, grov fridskränkning, rape, ofredande.
    "Misshandel, ej grov": "assault",
    "Grov misshandel": "assault",
    "Olaga hot, mot individ": "assault",
    "Olaga hot, mot grupp": "assault",
    # kat2 "Narkotikabrott": possession, use and supply of narcotics and doping substances.
    # Not counted: production (Framställning av narkotika, 5004, ~2 a year) and smuggling
    # (Narkotikasmuggling, 4047, none in Borlänge 2022–2025): neither is street-level.
    # Drugged driving (Drograttfylleri, 3070) is a traffic offence and not counted.
    "Innehav": "drugs",                                   # narkotikastrafflagen, innehav [5010]
    "Bruk": "drugs",                                      # narkotikastrafflagen, bruk [5011]
    "Överlåtelse av narkotika": "drugs",                  # supply/dealing [5005]
    "Innehav och bruk av dopningsmedel": "drugs",         # [5015 5016]
    "Framställning och överlåtelse": "drugs",             # doping supply [5014]
}


def code_types(hierarchy_csv):
    """brottskod → model type, for the codes whose kat4 is in CATEGORY_TYPE."""
    kat4_parents = collections.defaultdict(set)
    types = {}
    with open(hierarchy_csv, newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            kat4_parents[row["kat4"]].add((row["kat2"], row["kat3"]))
            if row["kat4"] in CATEGORY_TYPE:
                types[row["brottskod"]] = CATEGORY_TYPE[row["kat4"]]
    for kat4 in CATEGORY_TYPE:
        if kat4 not in kat4_parents:
            sys.exit(f"kat4 {kat4!r} is not in {hierarchy_csv}")
        if len(kat4_parents[kat4]) != 1:
            sys.exit(f"kat4 {kat4!r} lies under several categories: {kat4_parents[kat4]}")
    return types


def count(crimes_csv, types):
    counts = {(y, t): 0 for y in YEARS for t in TYPES}
    with open(crimes_csv, newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            if row["kommunkod"] != KOMMUNKOD:
                continue
            year, kind = int(row["ar"]), types.get(row["brottskod"])
            if kind is not None and year in YEARS:
                counts[(year, kind)] += int(row["antal_brott"])
    return counts


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("crimes", nargs="?", default=DATA / "dalarna_crime_reported.csv",
                    type=pathlib.Path, help="dalarna_crime_reported.csv")
    ap.add_argument("hierarchy", nargs="?", default=DATA / "crime_code_hierarchy.csv",
                    type=pathlib.Path, help="crime_code_hierarchy.csv")
    ap.add_argument("-o", "--out", type=pathlib.Path,
                    default=ROOT / "configs" / "data" / "borlange_registered_by_type.csv")
    args = ap.parse_args()

    counts = count(args.crimes, code_types(args.hierarchy))
    with open(args.out, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["year", "crime_type", "registered"])
        for y in YEARS:
            for t in TYPES:
                w.writerow([y, t, counts[(y, t)]])

    print(f"Borlänge, police-registered offences by registration year ({args.out})")
    print(f"{'type':15s}" + "".join(f"{y:>7d}" for y in YEARS)
          + f"{'2023-25':>9s}{'target':>8s}{'diff':>7s}")
    for t in TYPES:
        mean = sum(counts[(y, t)] for y in YEARS[1:]) / 3
        print(f"{t:15s}" + "".join(f"{counts[(y, t)]:7d}" for y in YEARS)
              + f"{mean:9.2f}{TARGETS[t]:8d}{mean - TARGETS[t]:+7.2f}")
    print(f"{'total':15s}" + "".join(f"{sum(counts[(y, t)] for t in TYPES):7d}" for y in YEARS))
    print("diff: exact mean − target; the targets are sums of separately rounded sub-category "
          "means, so |diff| < 1 is rounding.")


if __name__ == "__main__":
    main()
