"""Story grouping (lib.pipeline.stories): precision and recall on generated syndication, and speed.

    python -m bench.stories_bench [--stories 3000] [--speed-articles 100000] [--seed 7]

A generated wire story is reprinted 0 to 5 times, each reprint with some of: another headline
line, its ending trimmed (to 50-100%), an outlet's boilerplate added above or below, a few words
changed (3%), case and punctuation changed. Beside it, other stories on the same event: their own
reporting on the same names and places, quoting two of the wire's sentences. Grouping is scored
over pairs of articles: precision = pairs grouped together that are one story / pairs grouped
together; recall = pairs of one story grouped together / pairs of one story. Targets (issue 15):
both >= 0.95, and 100,000 articles grouped in under a minute.

The text is made of invented words drawn with Zipf-like frequencies (common words common), so
that shingles of unrelated texts overlap about as rarely as in real prose.
"""

from __future__ import annotations

import argparse
import random
import time
from collections import defaultdict
from itertools import combinations

from lib.pipeline.stories import story_groups

SYLLABLES = "ka to ri ma su ne lo pa vi de mo ra chi fu go ha ji ku no se ta wa yo ze".split()
COPIES = (0, 0, 1, 2, 3, 5)  # reprints of one wire story, drawn uniformly
SAME_EVENT_SHARE = 0.2  # stories with a second story on the same event
WORDS_CHANGED = 0.03


class Generator:
    def __init__(self, seed: int, vocabulary: int = 8000) -> None:
        self.random = random.Random(seed)
        words = {self._word() for _ in range(vocabulary * 2)}
        self.words = sorted(words)[:vocabulary]
        self.random.shuffle(self.words)
        self.weights = [1 / (rank + 1) for rank in range(len(self.words))]
        self.boilerplate = [self._sentences(3) for _ in range(12)]  # outlets' own blocks

    def _word(self) -> str:
        return "".join(self.random.choices(SYLLABLES, k=self.random.randint(1, 4)))

    def sentence(self, names: list[str] = ()) -> str:
        words = self.random.choices(self.words, self.weights, k=self.random.randint(10, 24))
        for name in names:  # the event's names and places, as every story on it has them
            words.insert(self.random.randrange(len(words)), name)
        return " ".join(words).capitalize() + "."

    def _sentences(self, n: int, names: list[str] = ()) -> str:
        return " ".join(self.sentence(names) for _ in range(n))

    def story(self, names: list[str]) -> list[str]:
        return [self.sentence(self.random.sample(names, 1)) for _ in range(self.random.randint(10, 25))]

    def reprint(self, sentences: list[str]) -> str:
        keep = max(3, int(len(sentences) * self.random.uniform(0.5, 1.0)))
        words = " ".join(sentences[:keep]).split()
        for _ in range(int(len(words) * WORDS_CHANGED)):
            words[self.random.randrange(len(words))] = self.random.choice(self.words)
        text = " ".join(words)
        if self.random.random() < 0.5:
            text = self.sentence().rstrip(".").title() + "\n\n" + text  # another headline
        if self.random.random() < 0.5:
            text += "\n\n" + self.random.choice(self.boilerplate)
        if self.random.random() < 0.3:
            text = self.random.choice(self.boilerplate) + "\n\n" + text
        if self.random.random() < 0.2:
            text = text.upper().replace(".", " —")
        return text

    def corpus(self, n_stories: int) -> tuple[list[str], list[object]]:
        """Texts and, for each, the story it belongs to."""
        texts, stories = [], []
        for story in range(n_stories):
            names = [self._word().title() for _ in range(4)]
            wire = self.story(names)
            texts.append(" ".join(wire))
            stories.append(story)
            for _ in range(self.random.choice(COPIES)):
                texts.append(self.reprint(wire))
                stories.append(story)
            if self.random.random() < SAME_EVENT_SHARE:
                own = self.story(names)
                own[2:2] = self.random.sample(wire, 2)  # quotes two of the wire's sentences
                texts.append(" ".join(own))
                stories.append(("same event", story))
        return texts, stories


def _pairs(groups: list) -> set[tuple[int, int]]:
    members = defaultdict(list)
    for position, group in enumerate(groups):
        members[group].append(position)
    return {pair for positions in members.values() for pair in combinations(positions, 2)}


def quality(n_stories: int, seed: int) -> tuple[int, float, float, float]:
    texts, truth = Generator(seed).corpus(n_stories)
    started = time.perf_counter()
    found = _pairs(story_groups(texts))
    seconds = time.perf_counter() - started
    true = _pairs(truth)
    both = len(true & found)
    return len(texts), both / max(len(found), 1), both / max(len(true), 1), seconds


def speed(n_articles: int, seed: int) -> float:
    generator = Generator(seed + 1)
    texts: list[str] = []
    while len(texts) < n_articles:
        texts += generator.corpus(1000)[0]
    started = time.perf_counter()
    story_groups(texts[:n_articles])
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--stories", type=int, default=3000)
    parser.add_argument("--speed-articles", type=int, default=100_000, help="0 skips the speed run")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    n, precision, recall, seconds = quality(args.stories, args.seed)
    print("| measure | value | target |\n| --- | --- | --- |")
    print(f"| pairwise precision ({n:,} articles, {args.stories:,} stories) | {precision:.3f} | >= 0.95 |")
    print(f"| pairwise recall | {recall:.3f} | >= 0.95 |")
    print(f"| grouping time, {n:,} articles | {seconds:.1f} s | |")
    if args.speed_articles:
        took = speed(args.speed_articles, args.seed)
        print(f"| grouping time, {args.speed_articles:,} articles | {took:.1f} s | < 60 s |")


if __name__ == "__main__":
    main()
