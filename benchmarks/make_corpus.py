"""Write N synthetic news-like articles to a JSON Lines file, for benchmarks without data.

    python benchmarks/make_corpus.py corpus.jsonl -n 200 --seed 1

Articles are 300 to 1,100 words, built from templates with varied actors, places, figures
and dates, so every stage of the pipeline (actors, places, times, casualties, coding) has
work to do. The text is made up: it is for timing, not for scoring.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
from pathlib import Path

PLACES = [
    ("Baghdad", "Iraq"), ("Basra", "Iraq"), ("Nasiriyah", "Iraq"), ("Mosul", "Iraq"),
    ("Kabul", "Afghanistan"), ("Kandahar", "Afghanistan"), ("Aleppo", "Syria"),
    ("Idlib", "Syria"), ("Sanaa", "Yemen"), ("Aden", "Yemen"), ("Tripoli", "Libya"),
    ("Benghazi", "Libya"), ("Khartoum", "Sudan"), ("El Fasher", "Sudan"), ("Mogadishu", "Somalia"),
    ("Gao", "Mali"), ("Kidal", "Mali"), ("Maiduguri", "Nigeria"), ("Goma", "Congo"),
    ("Bogota", "Colombia"), ("Medellin", "Colombia"), ("Caracas", "Venezuela"),
    ("Kharkiv", "Ukraine"), ("Donetsk", "Ukraine"), ("Yangon", "Myanmar"),
    ("Mandalay", "Myanmar"), ("Peshawar", "Pakistan"), ("Quetta", "Pakistan"),
    ("Srinagar", "India"), ("Port-au-Prince", "Haiti"), ("Addis Ababa", "Ethiopia"),
    ("Mekelle", "Ethiopia"), ("Beirut", "Lebanon"), ("Gaza", "Palestine"), ("Hebron", "Palestine"),
]
STATE_ACTORS = [
    "security forces", "police", "riot police", "the army", "government troops",
    "the interior ministry", "soldiers", "border guards", "the national guard",
    "special forces", "the air force", "military officials",
]
NONSTATE_ACTORS = [
    "rebels", "insurgents", "militants", "gunmen", "armed men", "protesters",
    "demonstrators", "students", "striking workers", "opposition supporters",
    "a local militia", "tribal fighters", "separatists", "unidentified attackers",
]
OFFICIALS = [
    "the prime minister", "the president", "the defence minister", "a police spokesman",
    "the provincial governor", "a senior army officer", "the foreign minister",
    "the United Nations envoy", "a government spokeswoman", "the mayor",
]
PEOPLE = [
    "Ahmed Hassan", "Maria Gonzalez", "John Okafor", "Fatima Al-Sayed", "Olena Kovalenko",
    "Mohammed Karimi", "Aung Kyaw", "Ana Lucia Ramos", "Samuel Mensah", "Priya Sharma",
]
ORGS = [
    "the United Nations", "the Red Cross", "Amnesty International", "Human Rights Watch",
    "the European Union", "the African Union", "Doctors Without Borders", "the World Bank",
]
NUMBERS = ["two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "12", "15",
           "at least 20", "dozens of", "more than 30", "about 40", "nearly 100", "hundreds of"]
DAYS = ["on Monday", "on Tuesday", "on Wednesday", "on Thursday", "on Friday", "on Saturday",
        "on Sunday", "late on Friday", "early on Sunday", "last week", "yesterday"]

SENTENCES = [
    "{State} opened fire on {nonstate} in {city} {day}, killing {num} people and wounding "
    "{num2} others, according to {official}.",
    "{Nonstate} attacked a checkpoint on the outskirts of {city} {day}, {official} said.",
    "{num_cap} {nonstate} were arrested after clashes with {state} near {city}.",
    "{Official} condemned the violence and called for an independent investigation.",
    "{Org} said it was deeply concerned about the situation in {country} and urged all "
    "sides to exercise restraint.",
    "Thousands of {nonstate} marched through the centre of {city} {day}, demanding the "
    "resignation of {official}.",
    "{State} said they had killed {num} {nonstate} in an operation near {city}.",
    "A roadside bomb exploded near a market in {city} {day}, killing {num} civilians, "
    "hospital officials said.",
    "{Person}, a resident of {city}, said the shooting lasted for more than an hour.",
    "The government of {country} agreed to hold talks with {nonstate} next month, {official} "
    "told reporters.",
    "{Org} delivered food and medical supplies to {num} families displaced by the fighting.",
    "{Official} accused {nonstate} of using civilians as human shields.",
    "{State} imposed a curfew on {city} and blocked roads leading into the city.",
    "Officials in {country} threatened to expel foreign journalists covering the unrest.",
    "{Nonstate} fired {num} rockets at an air base near {city} {day}, the military said.",
    "{Person} said {state} had detained her brother without charge.",
    "Local media reported that {num} people were injured when {state} used tear gas and "
    "rubber bullets to disperse the crowd in {city}.",
    "{Org} called on the authorities in {country} to release the detained activists.",
    "The fighting in {city} has displaced {num} residents since the start of the year.",
    "{Official} rejected the accusation and said the operation targeted armed groups only.",
]


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def _sentence(rng: random.Random, city: str, country: str) -> str:
    if rng.random() < 0.3:
        city, country = rng.choice(PLACES)
    template = rng.choice(SENTENCES)
    num = rng.choice(NUMBERS)
    values = {
        "state": rng.choice(STATE_ACTORS), "nonstate": rng.choice(NONSTATE_ACTORS),
        "official": rng.choice(OFFICIALS), "org": rng.choice(ORGS),
        "person": rng.choice(PEOPLE), "city": city, "country": country,
        "day": rng.choice(DAYS), "num": num, "num2": rng.choice(NUMBERS),
    }
    values.update({k.capitalize(): _cap(v) for k, v in list(values.items())})
    values["num_cap"] = _cap(num)
    return template.format(**values)


def make_article(rng: random.Random, index: int, start: dt.date) -> dict[str, str]:
    """One article: a dateline, then paragraphs of two to four sentences."""
    city, country = rng.choice(PLACES)
    target = rng.randint(300, 1100)
    date = start + dt.timedelta(days=rng.randint(0, 730))
    paragraphs = [f"{city.upper()}, {country} - " + _sentence(rng, city, country)]
    words = len(paragraphs[0].split())
    while words < target:
        para = " ".join(_sentence(rng, city, country) for _ in range(rng.randint(2, 4)))
        paragraphs.append(para)
        words += len(para.split())
    return {"id": f"synthetic-{index:05d}", "date": date.isoformat(),
            "source": "gestae synthetic corpus", "text": "\n\n".join(paragraphs)}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("output", type=Path, help="JSON Lines file to write")
    parser.add_argument("-n", "--count", type=int, default=100, help="number of articles")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    rng = random.Random(args.seed)
    start = dt.date(2019, 1, 1)
    with args.output.open("w", encoding="utf-8") as out:
        for i in range(args.count):
            out.write(json.dumps(make_article(rng, i, start), ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
