#!/usr/bin/env python3
"""Writes a large, valid plan with the project's own template writer.

Usage: python benchmarks/make_plan.py N OUT.xlsx
N actions, N schedule rows, N actuals, 5N measurements, N/10 personas, channels and team sized to
match. About one value in five is typed the French way as text ("1 200,50 €", "15/03/2027", "T2") so
the reader's parsers are exercised as on a real plan.
"""

from __future__ import annotations

import random
import sys
from datetime import date, timedelta
from pathlib import Path

from mplan_xl.content import blank_content
from mplan_xl.template import write_workbook

START, END = date(2027, 1, 1), date(2027, 12, 31)


def plan_content(n: int, seed: int = 7):
    rnd = random.Random(seed)
    content = blank_content("fr", START, END)
    content.settings.update(plan_name="Plan de test", envelope=float(n * 5000), reference_date=date(2027, 7, 1))
    objectives = [f"O{i}" for i in range(1, 7)]
    personas = [f"P{i}" for i in range(1, max(2, n // 10) + 1)]
    owners = [f"Membre {i}" for i in range(1, max(3, n // 40) + 1)]
    channels = [row["channel"][0] for row in content.rows["channels"]]
    for row in content.rows["channels"]:
        row.update(selected=True, objectives=", ".join(objectives[:3]), personas=", ".join(personas[:3]))
    rows = content.rows
    rows["objectives"] = [
        dict(
            id=o,
            objective=f"Objectif mesurable numéro {o}",
            kpi="Ventes",
            baseline=100.0,
            target=200.0,
            unit="€",
            deadline=END,
            owner=owners[0],
            strategy="Croissance",
            rationale="Historique",
        )
        for o in objectives
    ]
    rows["personas"] = [
        dict(id=p, name=f"Persona {p}", age="25-34", needs="Gagner du temps", reviewed=date(2027, 1, 10))
        for p in personas
    ]
    rows["team"] = [dict(member=m, role="Chargé", capacity=20, day_cost=350) for m in owners]
    rows["actions"], rows["schedule"], rows["actuals"], rows["measurements"] = [], [], [], []
    for i in range(1, n + 1):
        ident = f"A{i:05d}"
        cost = rnd.randrange(200, 8000)
        start = START + timedelta(days=rnd.randrange(0, 300))
        end = start + timedelta(days=rnd.randrange(1, 60))
        french = i % 5 == 0
        rows["actions"].append(
            dict(
                id=ident,
                action=f"Action {i}",
                description="Contenu et livrables",
                objective=rnd.choice(objectives),
                personas=", ".join(rnd.sample(personas, min(2, len(personas)))),
                channel=rnd.choice(channels),
                pillar=rnd.choice(["promotion", "product", "price", "place"]),
                cost=f"{cost:,} €".replace(",", "\u202f") if french else cost,
                revenue=cost * rnd.uniform(0.8, 4),
                effort=rnd.randrange(1, 6),
            )
        )
        rows["schedule"].append(
            dict(
                action=ident,
                start=start.strftime("%d/%m/%Y") if french else start,
                end=end,
                owner=rnd.choice(owners),
                priority=rnd.choice(["high", "medium", "low"]),
                status=rnd.choice(["todo", "in_progress", "done"]),
            )
        )
        rows["actuals"].append(
            dict(
                action=ident,
                actual_cost=cost * rnd.uniform(0.7, 1.1),
                actual_revenue=cost * rnd.uniform(0.5, 3),
                progress="50 %" if french else 0.5,
            )
        )
    for i in range(5 * n):
        rows["measurements"].append(
            dict(
                date=START + timedelta(days=i % 180),
                objective=objectives[i % 6],
                value=100.0 + i % 100,
                comment="Relevé",
            )
        )
    return content


def main(n: int, out: Path) -> None:
    write_workbook(out, plan_content(n), "fr", force=True)
    print(f"wrote {out} ({n} actions, {out.stat().st_size // 1024} KB)")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(int(sys.argv[1]), Path(sys.argv[2]))
