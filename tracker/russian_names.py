"""Russian forms of Ukrainian settlement names, for villages no source gives a Russian name.

Russian-sourced reports (the MoD, milbloggers, and English or French text transliterating
them) write "Новоалександровка", "Константиновка", "Уманское", "Курахово"; the codifier has only
"Новоолександрівка", "Костянтинівка", "Уманське", "Курахове". The rules below produce the usual
Russian spellings from the Ukrainian ones. They are a build input: a name they get wrong only
adds an alternate nobody writes; a name they get right lets a Russian spelling resolve.
The build adds them as alternates; the index files the forms of a settlement's current name as
its own name, above an old name of another place that reads the same (Петровское is Petrivske
before it is Davydovske, which was called Петрівське until 2016).
"""

from __future__ import annotations

import re

# Whole word stems whose Russian form differs beyond letter rules (given names in place names).
_STEMS = (
    ("володимир", "владимир"),  # Володимирівка → Владимировка
    ("олександр", "александр"),
    ("олекс", "алекс"),
    ("костянтин", "константин"),
    ("микола", "никола"),
    ("катерин", "екатерин"),
    ("парасков", "прасков"),
    ("сілк", "селк"),  # Новосілка → Новоселка
    ("світл", "светл"),
    ("ліс", "лес"),
    ("біл", "бел"),
    ("кам’ян", "камен"),
    ("кам'ян", "камен"),
    ("вільн", "вольн"),
    ("піщан", "песчан"),
    ("дібров", "дубров"),
    ("рівн", "ровн"),  # Рівнопіль → Ровнополь
    ("запоріжжя", "запорожье"),  # Нове Запоріжжя → Новое Запорожье
    ("запорізьк", "запорожск"),  # Запорізьке → Запорожское
    ("радіс", "радост"),  # Радісне → Радостное
    ("гір", "гор"),  # Гірське → Горское, Святогірськ → Святогорск, Нагірне → Нагорное
    ("річ", "реч"),  # Зарічне → Заречное
    ("дніпр", "днепр"),  # Дніпровське → Днепровское
    ("жовт", "желт"),  # Жовте → Желтое
    ("залізничн", "железнодорожн"),  # Залізничне → Железнодорожное
    ("залізн", "железн"),  # Залізне → Железное
    ("робот", "работ"),  # Роботине → Работино
    ("вовч", "волч"),  # Вовчанськ → Волчанск
    ("перемога", "победа"),
    ("середн", "средн"),  # Середнє → Среднее
    ("виїмк", "выемк"),  # Виїмка → Выемка
    ("переїзн", "переездн"),  # Переїзне → Переездное
    ("шахтар", "шахтер"),  # Шахтарське → Шахтёрское, Шахтарськ → Шахтёрск
    ("рідк", "редк"),  # Рідкодуб → Редкодуб
    ("спірн", "спорн"),  # Спірне → Спорное
    ("червоно", "красно"),  # Червоногригорівка → Красногригорьевка (not Червоне: Красное is
    # as often a village of its own)
)
# Stems Russian spells either way: Гнатівка is Гнатовка and Игнатовка.
# (Мілове → Меловое, and Милово as Ukrainian-sourced text spells it)
# (Козача Лопань is Казачья and Козачья Лопань, Сотницький Козачок Сотницкий Казачок)
_EITHER_STEMS = (
    ("гнат", "игнат"),
    ("мілов", "мелов"),
    ("мілуват", "меловат"),
    ("козач", "казач"),
    ("козаць", "казац"),
)
# Word openings whose Russian form differs: Відрадне → Отрадное.
_OPENINGS = (
    ("Відрад", "Отрад"),
    ("Одрад", "Отрад"),  # Одрадне → Отрадное
    ("Вугл", "Угл"),  # Вугледар → Угледар
    ("Олен", "Елен"),  # Оленівка → Еленовка
    ("Оріх", "Орех"),  # Оріхів → Орехов
    ("Сівер", "Север"),  # Сіверськ → Северск
    ("Під", "Под"),  # Підгородне → Подгородное
    ("Верхньо", "Верхне"),  # Верхньокам’янське → Верхнекаменское
    ("Нижньо", "Нижне"),  # Нижньотепле → Нижнетеплое
    ("Середньо", "Средне"),
)
# Nouns that stay as they are in a two-word name (Вільне Поле → Вольное Поле).
_NOUNS = frozenset({"Поле", "Поля", "Яр", "Гай", "Кут"})
# Adjectives that open two-word names: Велика Новосілка → Великая Новоселка.
_ADJECTIVES = {
    "Велика": "Великая",
    "Мала": "Малая",
    "Нова": "Новая",
    "Стара": "Старая",
    "Верхня": "Верхняя",
    "Нижня": "Нижняя",
    "Біла": "Белая",
    "Новий": "Новый",
    "Старий": "Старый",
    "Малий": "Малый",
    "Великий": "Великий",
    "Верхній": "Верхний",
    "Нижній": "Нижний",
    "Нове": "Новое",
    "Старе": "Старое",
    "Велике": "Великое",
    "Мале": "Малое",
    "Степова": "Степовая",
    "Зелена": "Зеленая",
    "Лісна": "Лесная",
    "Кам’яна": "Каменная",
    "Кам'яна": "Каменная",
    "Вільна": "Вольная",
    "Красна": "Красная",
    # plurals: Малі Щербаки → Малые Щербаки, Нові Санжари → Новые Санжары
    "Малі": "Малые",
    "Великі": "Великие",
    "Нові": "Новые",
    "Старі": "Старые",
    "Верхні": "Верхние",
    "Нижні": "Нижние",
    "Білі": "Белые",
}
# A masculine adjective that may be stressed on its ending (Сухий, Крутий), not a
# -ський/-цький/-зький one (Кам'янський, never -ской).
_PLAIN_ADJECTIVE = re.compile(r"(?<![сцзь]к)[иы]й$")
_LETTERS = str.maketrans({"ґ": "г", "Ґ": "Г", "є": "е", "Є": "Е", "’": "", "'": "", "ʼ": ""})


def russian_forms(ukrainian: str) -> list[str]:
    """Likely Russian spellings of a Ukrainian settlement name, most likely first."""
    words = ukrainian.split()
    if len(words) == 2 and words[0] in _ADJECTIVES:
        nouns = [words[1]] if words[1] in _NOUNS else _word_forms(words[1])
        return [f"{_ADJECTIVES[words[0]]} {form}" for form in nouns]  # Нове Поле: Новое Поле
    if len(words) == 2 and words[1] in _NOUNS:
        forms = _word_forms(words[0])
        # (a stressed ending is -ой, which the Ukrainian spelling does not show: Сухий Яр is
        # Сухой Яр, Крутий Яр Крутой Яр, Широкий Яр Широкий Яр — both are kept)
        forms += [f[:-2] + "ой" for f in forms if _PLAIN_ADJECTIVE.search(f)]
        return [f"{form} {words[1]}" for form in dict.fromkeys(forms)]
    if len(words) != 1:
        heads = [w if w in _NOUNS else _word_forms(w)[0] for w in words[:-1]]
        # (every form of the last word: Сотницький Козачок is Сотницкий Казачок too)
        lasts = [words[-1]] if words[-1] in _NOUNS else _word_forms(words[-1])
        plain = [" ".join([*heads, last]) for last in lasts]
        adjective = _adjective_form(words[0]) if len(words) == 2 else None
        if adjective is None:
            return plain
        # (a -ська adjective opening it takes Russian's ending: Борівська Андріївка → Боровская
        # Андреевка; the letter-by-letter form is kept too)
        return list(dict.fromkeys([f"{adjective} {lasts[0]}", *plain]))
    parts = ukrainian.split("-")
    if len(parts) == 2:
        return [f"{a}-{b}" for a in _word_forms(parts[0]) for b in _word_forms(parts[1])[:1]]
    return _word_forms(ukrainian)


# A feminine -ська adjective opening a two-word name, and Russian's ending: Борівська →
# Боровская, Любешівська → Любешовская, Стрілецька → Стрилецкая.
_ADJECTIVE_ENDINGS = (("івська", "овская"), ("ївська", "евская"))
_SKA = re.compile(r"(?:ськ|цьк|зьк)а$")


def _adjective_form(word: str) -> str | None:
    for ukrainian, russian in _ADJECTIVE_ENDINGS:
        if word.endswith(ukrainian) and len(word) > len(ukrainian):
            return _letters(_word_forms(word[: -len(ukrainian)])[0] + russian)
    if _SKA.search(word):
        return _word_forms(word[:-1])[0] + "ая"  # (Запорізька → Запорожская)
    return None


def _word_forms(word: str) -> list[str]:
    for ukrainian, russian in _OPENINGS:
        if word.startswith(ukrainian):
            word = russian + word[len(ukrainian) :]
    for ukrainian, russian in _STEMS:
        word = word.replace(ukrainian, russian)
        word = word.replace(ukrainian.capitalize(), russian.capitalize())
    # Apostrophe + iotated vowel: Мар’їнка → Марьинка, Кам’янка → Каменка is lexical, Камьянка no.
    word = re.sub(r"[’'ʼ]ї", "ьи", word)
    word = re.sub(r"[’'ʼ]я", "я", word)
    word = re.sub(r"[’'ʼ]є", "ье", word)
    forms = [_letters(s) for s in _suffix_forms(word)]
    # Ukrainian і in a closed syllable is often Russian о: Косівцеве → Косовцево
    closed = _CLOSED_I.sub(r"\1о\2", word, count=1)
    if closed != word:
        forms += [_letters(s) for s in _suffix_forms(closed)]
    for ukrainian, russian in _EITHER_STEMS:
        for case in (str.lower, str.capitalize):
            if case(ukrainian) in word:
                respelled = word.replace(case(ukrainian), case(russian))
                forms += [_letters(s) for s in _suffix_forms(respelled)]
    return list(dict.fromkeys(forms))


def _suffix_forms(word: str) -> list[str]:
    """Ukrainian suffixes with their Russian counterparts (several when Russian varies)."""
    rules = (
        ("іївка", ["еевка", "иевка"]),  # Андріївка → Андреевка, Маліївка → Малиевка
        ("ївка", ["евка"]),  # Миколаївка → Николаевка
        ("івка", ["овка", "евка"]),  # Іванівка → Ивановка; Василівка → Васильевка is lexical
        ("пілля", ["полье"]),  # Новопілля → Новополье
        ("піль", ["поль"]),  # Рівнопіль → Ровнополь
        ("іївське", ["еевское", "иевское"]),  # Олексіївське → Алексеевское
        ("ївське", ["евское"]),
        ("івське", ["овское", "евское"]),  # Петрівське → Петровское
        ("івський", ["овский"]),
        ("ський", ["ский"]),  # Сотницький → Сотницкий
        ("цький", ["цкий"]),
        ("ськ", ["ск"]),
        ("цьк", ["цк"]),
        ("ське", ["ское"]),
        ("цьке", ["цкое"]),
        ("зьке", ["зское"]),
        ("ічне", ["ическое", "ичное"]),
        ("увате", ["оватое", "уватое"]),  # Новоочеретувате → Новоочеретоватое
        ("ине", ["ино", "иное"]),
        ("іне", ["ино", "иное"]),
        ("ове", ["ово", "овое"]),
        ("еве", ["ево", "евое"]),
        ("єве", ["ево"]),
        ("рожнє", ["рожное"]),  # Придорожнє → Придорожное (Нижнє is Нижнее)
        ("нє", ["нее"]),  # Середнє → Среднее, Верхнє → Верхнее
        ("не", ["ное"]),
        ("ке", ["кое"]),
        ("ле", ["лое"]),
        ("ре", ["рое"]),
        ("ше", ["шее"]),
        ("те", ["тое"]),  # Золоте → Золотое, Круте → Крутое
        ("хе", ["хое"]),
        ("ий", ["ый", "ий"]),
        ("ій", ["ий"]),
        ("івник", ["овник"]),  # Зимівник → Зимовник
        ("ів", ["ов"]),  # Харків → Харьков needs ь; the skeleton ignores it
        ("ин", ["ин"]),
    )
    for suffix, replacements in rules:
        if word.endswith(suffix):
            stem = word[: -len(suffix)]
            return [stem + r for r in replacements]
    if _DOUBLED_BEFORE_YA.search(word):
        return [word[:-2] + "ье"]  # Затишшя → Затишье, Заріччя → Заречье, Залісся → Залесье
    return [word]


_DOUBLED_BEFORE_YA = re.compile(r"([бвгджзклмнпрстфхцчшщ])\1я$")
_CONSONANT = "бвгґджзклмнпрстфхцчшщ"
# (not before щ: Харківщина is the oblast's name, Харьковщина, whatever village bears it)
_CLOSED_I = re.compile(f"([{_CONSONANT}])і(в[{_CONSONANT.replace('щ', '')}])(?=[а-яіїєь]{{3}})")


def _letters(word: str) -> str:
    word = word.translate(_LETTERS)
    # Ukrainian і is mostly Russian и inside a name (Лісне → Лесное is lexical).
    word = word.replace("ї", "и").replace("Ї", "И").replace("і", "и").replace("І", "И")
    return word
