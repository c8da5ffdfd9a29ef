"""Template rows for the city itself: districts, statistics, needs, committees and ties."""

import random
from decimal import Decimal

from sozialgraph.graph.demo.builder.cast import COMMITTEES, DISTRICTS, District
from sozialgraph.graph.demo.builder.network import seats, ties
from sozialgraph.graph.demo.builder.records import Row, day, label, labels

STATISTICS_YEARS = (2024, 2025)
AGE_BANDS = ("population-age-0-2", "population-age-3-5", "population-age-6-9",
             "population-age-10-13", "population-age-14-17", "population-age-18-24",
             "population-age-25-44", "population-age-45-64", "population-age-65-79",
             "population-age-80-plus")  # fmt: skip
#: Share of residents per age band, by district profile (each row sums to 1).
AGE_SHARES = {
    "students": (0.015, 0.018, 0.022, 0.022, 0.022, 0.30, 0.30, 0.16, 0.10, 0.041),
    "mixed": (0.026, 0.026, 0.035, 0.035, 0.036, 0.12, 0.26, 0.25, 0.15, 0.062),
    "families": (0.036, 0.036, 0.048, 0.046, 0.046, 0.08, 0.28, 0.25, 0.13, 0.048),
    "older": (0.022, 0.022, 0.03, 0.032, 0.034, 0.07, 0.20, 0.28, 0.20, 0.11),
    "estate": (0.034, 0.034, 0.045, 0.045, 0.046, 0.10, 0.25, 0.22, 0.15, 0.076),
}
#: SGB II rate, child poverty rate, unemployment rate (percent), student share, by profile.
SOCIAL = {"students": (6.5, 12.0, 4.9, 0.35), "mixed": (8.2, 14.5, 5.6, 0.12),
          "families": (4.9, 7.5, 3.4, 0.05), "older": (3.8, 6.0, 3.1, 0.04),
          "estate": (18.5, 31.0, 9.8, 0.06)}  # fmt: skip


def district_rows() -> list[Row]:
    rows = []
    for d in DISTRICTS:
        south, west = d.latitude - 0.004, d.longitude - 0.006
        ring = [(west, south), (west + 0.012, south), (west + 0.012, south + 0.008),
                (west, south + 0.008), (west, south)]  # fmt: skip
        polygon = ", ".join(f"{x:.4f} {y:.4f}" for x, y in ring)
        rows.append({
            "id": d.id, "name": d.name, "code": d.code, "geometry": f"POLYGON(({polygon}))",
            "description": "Stadtteil von Marburg; Fläche grob vereinfacht, Zahlen erfunden.",
        })  # fmt: skip
    return rows


def population(district: District, year: int) -> dict[str, int]:
    """Residents per indicator (persons or households) of a district in a year."""
    total = round(district.population * (0.99 if year == 2024 else 1.0))
    counts = {
        band: round(total * share)
        for band, share in zip(AGE_BANDS, AGE_SHARES[district.profile], strict=True)
    }
    under_18 = sum(counts[band] for band in AGE_BANDS[:5])
    households_with_children = round(under_18 / 1.7)
    lone = 0.3 if district.profile == "estate" else 0.2
    return counts | {
        "population-total": total,
        "population-under-18": under_18,
        "population-age-65-plus": counts["population-age-65-79"] + counts["population-age-80-plus"],
        "households-with-children": households_with_children,
        "single-parent-households": round(households_with_children * lone),
        "care-dependent-people": round(total * 0.03 + counts["population-age-80-plus"] * 0.3),
        "students": round(total * SOCIAL[district.profile][3]),
    }


def statistic_rows() -> list[Row]:
    rows = []
    for n, d in enumerate(DISTRICTS):
        for year in STATISTICS_YEARS:
            values: dict[str, object] = dict(population(d, year))
            sgb2, child_poverty, unemployment, _ = SOCIAL[d.profile]
            wobble = (n % 5 - 2) * 0.3 + (0.2 if year == 2024 else 0.0)
            for indicator, rate in (("sgb2-rate", sgb2), ("child-poverty-rate", child_poverty),
                                    ("unemployment-rate", unemployment)):  # fmt: skip
                values[indicator] = Decimal(f"{rate + wobble:.1f}")
            for indicator, value in values.items():
                unit = "Prozent" if indicator.endswith("-rate") else (
                    "Haushalte" if "households" in indicator else "Personen")  # fmt: skip
                rows.append({
                    "id": f"{d.id}--{indicator}--{year}", "district": d.id,
                    "indicator": label("indicators", indicator), "year": year, "value": value,
                    "unit": unit,
                })  # fmt: skip
    return rows


#: Documented needs: district, target group, fields of action, source, date. The first four
#: have no service (planted gaps); the others are met.
NEEDS = (
    ("waldtal", "adolescents", ["open-youth-work"], "Stadtteilkonferenz Waldtal", "2026-02-10"),
    ("richtsberg", "single-parents", ["family-support"], "Sozialbericht 2024", "2024-11-30"),
    ("cappel", "older-people-living-alone", ["assistance-for-older-people"],
     "Stadtteilkonferenz Cappel", "2025-10-07"),
    ("stadtwald", "people-with-limited-german", ["language-support"],
     "Stadtteilkonferenz Stadtwald", "2026-01-20"),
    ("richtsberg", "children-in-poverty", ["learning-support"], "Sozialbericht 2024", "2024-11-30"),
    ("richtsberg", "over-indebted-people", ["debt-counselling"], "Sozialbericht 2024",
     "2024-11-30"),
    ("richtsberg", "newly-arrived-immigrants", ["migration-counselling"],
     "Stadtteilkonferenz Richtsberg", "2025-05-14"),
    ("waldtal", "people-in-poverty", ["material-aid"], "Stadtteilkonferenz Waldtal", "2025-02-11"),
    ("waldtal", "families-with-young-children", ["early-help"], "Fachkräftebefragung 2025",
     "2025-06-02"),
    ("stadtwald", "asylum-seekers", ["refugee-support"], "Stadtteilkonferenz Stadtwald",
     "2025-03-18"),
    ("stadtwald", "young-adults", ["youth-social-work"], "Fachkräftebefragung 2025", "2025-06-02"),
    ("nordstadt", "homeless-people", ["homelessness-assistance"], "Sozialbericht 2024",
     "2024-11-30"),
    ("nordstadt", "long-term-unemployed", ["employment-projects"], "Sozialbericht 2024",
     "2024-11-30"),
    ("cappel", "people-with-dementia", ["assistance-for-older-people"], "Pflegekonferenz 2025",
     "2025-09-23"),
    ("cappel", "people-needing-care", ["care-provision"], "Pflegekonferenz 2025", "2025-09-23"),
    ("marbach", "very-old-people", ["assistance-for-older-people"], "Pflegekonferenz 2025",
     "2025-09-23"),
    ("oberstadt", "students", ["social-counselling"], "Sozialbericht 2024", "2024-11-30"),
    ("suedviertel", "women-affected-by-violence", ["domestic-violence-protection"],
     "Runder Tisch gegen häusliche Gewalt", "2025-04-29"),
    ("ockershausen", "primary-school-children", ["learning-support"], "Fachkräftebefragung 2025",
     "2025-06-02"),
    ("wehrda", "people-with-intellectual-disabilities", ["integration-assistance"],
     "Beirat für Menschen mit Behinderungen", "2025-03-04"),
    ("bauerbach", "older-people-living-alone", ["assistance-for-older-people"],
     "Pflegekonferenz 2025", "2025-09-23"),
    ("schroeck", "infants", ["early-childhood-education"], "Kita-Bedarfsplanung 2025",
     "2025-01-15"),
    ("ortenberg", "single-parents", ["family-support"], "Fachkräftebefragung 2025", "2025-06-02"),
    ("weidenhausen", "people-who-use-illegal-drugs", ["addiction-help"], "Sozialbericht 2024",
     "2024-11-30"),
)  # fmt: skip


def need_rows() -> list[Row]:
    return [
        {
            "id": f"{district}--{group}", "target_groups": labels("target-groups", [group]),
            "district": district, "fields_of_action": labels("fields-of-action", fields),
            "source": source, "date": day(date), "description": "Fiktiver Bedarf der Demo-Daten.",
        }
        for district, group, fields, source, date in NEEDS
    ]  # fmt: skip


def committee_rows() -> list[Row]:
    return [
        {
            "id": c.id, "name": c.name, "committee_type": label("committee-types", c.type),
            "reports_to": c.reports_to, "convened_by": c.convened_by,
            "fields_of_action": labels("fields-of-action", c.fields), "start": day(c.start),
            "end": day(c.end), "description": "Fiktives Gremium der Demo-Daten.",
        }
        for c in COMMITTEES
    ]  # fmt: skip


def membership_rows() -> list[Row]:
    return [
        {
            "id": s.id, "organisation": s.organisation, "committee": s.committee,
            "role": label("committee-roles", s.role), "start": day(s.start), "end": day(s.end),
        }
        for s in seats()
    ]  # fmt: skip


TIE_KINDS = ("information-exchange", "referrals", "joint-planning", "joint-events",
             "joint-case-work", "shared-resources", "joint-service")  # fmt: skip
INTENSITIES = ("awareness", "cooperation", "coordination", "integration")


def tie_rows() -> list[Row]:
    rng = random.Random("demo:ties")
    rows = []
    for t in ties():
        intensity = rng.randrange(1 if t.directed else 2, 4)
        rows.append({
            "id": t.id, "from": t.source, "to": t.target,
            "kinds": labels("tie-kinds", sorted(rng.sample(TIE_KINDS, rng.randint(1, 2)))),
            "directed": t.directed, "intensity": label("tie-intensities", INTENSITIES[intensity]),
            "trust": Decimal(rng.randrange(4, 9)) / 2, "value": Decimal(rng.randrange(4, 9)) / 2,
            "source": f"Netzwerkbefragung {t.observed[:4]} (fiktiv)", "date": day(t.observed),
            "end": day(t.end),
        })  # fmt: skip
    return rows
