"""Name material for the synthetic organisation: Chinese names with their pinyin, English names.

Surnames carry rough weights from their frequency in China (王, 李, 张 lead); given names are one or
two characters. Everything here is invented data for benchmarks and demos, not real people.
"""

from __future__ import annotations

import random

# (hanzi, pinyin, weight)
SURNAMES = [
    ("王", "Wang", 72), ("李", "Li", 70), ("张", "Zhang", 66), ("刘", "Liu", 53), ("陈", "Chen", 46),
    ("杨", "Yang", 32), ("黄", "Huang", 24), ("赵", "Zhao", 21), ("吴", "Wu", 20), ("周", "Zhou", 20),
    ("徐", "Xu", 14), ("孙", "Sun", 12), ("马", "Ma", 12), ("朱", "Zhu", 11), ("胡", "Hu", 10),
    ("郭", "Guo", 10), ("何", "He", 10), ("林", "Lin", 9), ("罗", "Luo", 9), ("高", "Gao", 9),
    ("郑", "Zheng", 8), ("梁", "Liang", 8), ("谢", "Xie", 7), ("宋", "Song", 6), ("唐", "Tang", 6),
    ("许", "Xu", 5), ("韩", "Han", 5), ("冯", "Feng", 5), ("邓", "Deng", 5), ("曹", "Cao", 5),
    ("彭", "Peng", 4), ("曾", "Zeng", 4), ("肖", "Xiao", 4), ("田", "Tian", 4), ("董", "Dong", 4),
    ("袁", "Yuan", 4), ("潘", "Pan", 3), ("蒋", "Jiang", 3), ("蔡", "Cai", 3), ("杜", "Du", 3),
    ("叶", "Ye", 3), ("程", "Cheng", 3), ("苏", "Su", 3), ("魏", "Wei", 3), ("吕", "Lyu", 3),
    ("丁", "Ding", 3), ("任", "Ren", 3), ("沈", "Shen", 3), ("欧阳", "Ouyang", 1), ("司马", "Sima", 1),
]  # fmt: skip
GIVEN_FEMALE = [
    ("芳", "fang"), ("娜", "na"), ("敏", "min"), ("静", "jing"), ("丽", "li"), ("艳", "yan"),
    ("娟", "juan"), ("霞", "xia"), ("婷", "ting"), ("雪", "xue"), ("琳", "lin"), ("慧", "hui"),
    ("颖", "ying"), ("倩", "qian"), ("佳", "jia"), ("欣", "xin"), ("怡", "yi"), ("梦", "meng"),
    ("雨", "yu"), ("思", "si"), ("晓", "xiao"), ("玉", "yu"), ("萍", "ping"), ("红", "hong"),
    ("梅", "mei"), ("兰", "lan"), ("月", "yue"), ("诗", "shi"), ("涵", "han"), ("琪", "qi"),
]  # fmt: skip
GIVEN_MALE = [
    ("伟", "wei"), ("强", "qiang"), ("磊", "lei"), ("军", "jun"), ("勇", "yong"), ("杰", "jie"),
    ("涛", "tao"), ("明", "ming"), ("超", "chao"), ("浩", "hao"), ("宇", "yu"), ("鹏", "peng"),
    ("俊", "jun"), ("峰", "feng"), ("辉", "hui"), ("斌", "bin"), ("健", "jian"), ("志", "zhi"),
    ("刚", "gang"), ("建", "jian"), ("国", "guo"), ("文", "wen"), ("博", "bo"), ("晨", "chen"),
    ("天", "tian"), ("子", "zi"), ("轩", "xuan"), ("泽", "ze"), ("睿", "rui"), ("凯", "kai"),
]  # fmt: skip
ENGLISH_FEMALE = [
    "Olivia", "Amelia", "Isla", "Ava", "Emily", "Sophia", "Grace", "Mia", "Poppy", "Ella", "Charlotte",
    "Emma", "Harper", "Evelyn", "Abigail", "Hannah", "Chloe", "Lucy", "Zoe", "Priya", "Maria", "Aisha",
]  # fmt: skip
ENGLISH_MALE = [
    "Oliver", "George", "Harry", "Noah", "Jack", "Leo", "Arthur", "Oscar", "James", "William", "Henry",
    "Liam", "Lucas", "Ethan", "Daniel", "Samuel", "Benjamin", "Thomas", "Mohammed", "Raj", "Carlos", "David",
]  # fmt: skip
ENGLISH_SURNAMES = [
    "Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Johnson", "Davies", "Patel", "Robinson",
    "Wright", "Thompson", "Evans", "Walker", "White", "Roberts", "Green", "Hall", "Wood", "Jackson",
    "Clarke", "Garcia", "Martinez", "Nguyen", "Kim", "Chen", "Lee", "Miller", "Anderson", "Lopez",
]  # fmt: skip

_SURNAME_WEIGHTS = [weight for _hanzi, _pinyin, weight in SURNAMES]


def chinese_name(rng: random.Random, female: bool) -> tuple[str, str]:
    """(张晓明, Zhang Xiaoming)."""
    hanzi, pinyin, _weight = rng.choices(SURNAMES, weights=_SURNAME_WEIGHTS)[0]
    pool = GIVEN_FEMALE if female else GIVEN_MALE
    given = rng.sample(pool, 2) if rng.random() < 0.6 else [rng.choice(pool)]
    given_hanzi = "".join(h for h, _p in given)
    given_pinyin = "".join(p for _h, p in given).capitalize()
    return hanzi + given_hanzi, f"{pinyin} {given_pinyin}"


def english_name(rng: random.Random, female: bool) -> str:
    first = rng.choice(ENGLISH_FEMALE if female else ENGLISH_MALE)
    return f"{first} {rng.choice(ENGLISH_SURNAMES)}"
