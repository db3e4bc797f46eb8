"""Names of the regions the tracker knows, in the five report languages (build input).

Each entry: GeoNames admin1 code (as Natural Earth's `gn_a1_code`), the English display name,
and the stems that `region_forms` turns into the forms analysts write: "Sumy Oblast",
"région de Soumy", "Oblast Sumy", "Сумська область", "Сумщина", "Сумская область".
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class RegionNames:
    code: str
    display: str
    english: tuple[str, ...]  # bare English spellings: Zaporizhzhia, Zaporizhia
    french: tuple[str, ...] = ()
    german: tuple[str, ...] = ()
    ukrainian_adjective: str = ""  # feminine, agrees with область
    russian_adjective: str = ""
    nicknames: tuple[str, ...] = ()  # Сумщина, Донеччина (Ukrainian and Russian)
    extra: tuple[str, ...] = field(default=())  # complete forms used as they are
    oblast: bool = True  # "X Oblast" forms make sense


REGIONS: tuple[RegionNames, ...] = (
    RegionNames(
        "UA.01",
        "Cherkasy Oblast",
        ("Cherkasy", "Cherkassy"),
        ("Tcherkassy",),
        ("Tscherkassy",),
        "Черкаська",
        "Черкасская",
        ("Черкащина",),
    ),
    RegionNames(
        "UA.02",
        "Chernihiv Oblast",
        ("Chernihiv", "Chernigov"),
        ("Tchernihiv",),
        ("Tschernihiw",),
        "Чернігівська",
        "Черниговская",
        ("Чернігівщина",),
    ),
    RegionNames(
        "UA.03",
        "Chernivtsi Oblast",
        ("Chernivtsi", "Chernovtsy"),
        ("Tchernivtsi",),
        ("Czernowitz", "Tscherniwzi"),
        "Чернівецька",
        "Черновицкая",
        ("Буковина", "Bukovina", "Bukovyna"),
    ),
    RegionNames(
        "UA.04",
        "Dnipropetrovsk Oblast",
        ("Dnipropetrovsk", "Dnepropetrovsk"),
        ("Dnipropetrovsk",),
        ("Dnipropetrowsk",),
        "Дніпропетровська",
        "Днепропетровская",
        ("Дніпропетровщина", "Дніпровщина", "Днепропетровщина"),
        # named after the city renamed in 2016, with a region word only (bare "Dnipro" is the
        # city)
        extra=(
            "Dnipro region",
            "Dnipro Oblast",
            "région de Dnipro",
            "oblast de Dnipro",
            "Gebiet Dnipro",
            "Region Dnipro",
        ),
    ),
    RegionNames(
        "UA.05",
        "Donetsk Oblast",
        ("Donetsk",),
        ("Donetsk",),
        ("Donezk",),
        "Донецька",
        "Донецкая",
        ("Донеччина", "Донетчина"),
        # the occupation's name for it, which Russian-sourced reports use as a region
        (
            "DPR",
            "DNR",
            "ДНР",
            "RPD",  # French
            "DVR",  # German
            "Donetsk People's Republic",
            "République populaire de Donetsk",
            "Donezker Volksrepublik",
            "Volksrepublik Donezk",
            "Донецька народна республіка",
            "Донецкая Народная Республика",
        ),
    ),
    RegionNames(
        "UA.06",
        "Ivano-Frankivsk Oblast",
        ("Ivano-Frankivsk", "Ivano-Frankovsk"),
        ("Ivano-Frankivsk",),
        ("Iwano-Frankiwsk",),
        "Івано-Франківська",
        "Ивано-Франковская",
        ("Івано-Франківщина", "Прикарпаття"),
    ),
    RegionNames(
        "UA.07",
        "Kharkiv Oblast",
        ("Kharkiv", "Kharkov"),
        ("Kharkiv",),
        ("Charkiw",),
        "Харківська",
        "Харьковская",
        ("Харківщина", "Харьковщина", "Слобожанщина"),
    ),
    RegionNames(
        "UA.08",
        "Kherson Oblast",
        ("Kherson",),
        ("Kherson",),
        ("Cherson",),
        "Херсонська",
        "Херсонская",
        ("Херсонщина",),
    ),
    RegionNames(
        "UA.09",
        "Khmelnytskyi Oblast",
        ("Khmelnytskyi", "Khmelnytsky", "Khmelnitsky"),
        ("Khmelnytskyï",),
        ("Chmelnyzkyj",),
        "Хмельницька",
        "Хмельницкая",
        ("Хмельниччина",),
    ),
    RegionNames(
        "UA.10",
        "Kirovohrad Oblast",
        ("Kirovohrad", "Kirovograd"),
        ("Kirovohrad",),
        ("Kirowohrad",),
        "Кіровоградська",
        "Кировоградская",
        ("Кіровоградщина",),
    ),
    RegionNames(
        "UA.11",
        "Crimea",
        ("Crimea",),
        ("Crimée",),
        ("Krim",),
        "",
        "",
        ("Крим", "Крым"),
        (
            "Autonomous Republic of Crimea",
            "Crimean Peninsula",
            "Republic of Crimea",
            "République autonome de Crimée",
            "péninsule de Crimée",
            "Autonome Republik Krim",
            "Halbinsel Krim",
            "Автономна Республіка Крим",
            "Республика Крым",
            "Кримський півострів",
            "Крымский полуостров",
        ),
        oblast=False,
    ),
    RegionNames(
        "UA.12",
        "Kyiv City",
        (),
        (),
        (),
        "",
        "",
        (),
        (
            "Kyiv City",
            "City of Kyiv",
            "Kiev City",
            "ville de Kyiv",
            "Stadt Kyjiw",
            "місто Київ",
            "город Киев",
        ),
        oblast=False,
    ),
    RegionNames(
        "UA.13",
        "Kyiv Oblast",
        ("Kyiv", "Kiev"),
        ("Kyiv", "Kiev"),
        ("Kyjiw", "Kiew"),
        "Київська",
        "Киевская",
        ("Київщина", "Киевщина"),
    ),
    RegionNames(
        "UA.14",
        "Luhansk Oblast",
        ("Luhansk", "Lugansk"),
        ("Louhansk",),
        ("Luhansk",),
        "Луганська",
        "Луганская",
        ("Луганщина", "Луганщину"),
        (
            "LPR",
            "LNR",
            "ЛНР",
            "RPL",
            "LVR",
            "Luhansk People's Republic",
            "Lugansk People's Republic",
            "République populaire de Louhansk",
            "Luhansker Volksrepublik",
            "Volksrepublik Luhansk",
            "Луганська народна республіка",
            "Луганская Народная Республика",
        ),
    ),
    RegionNames(
        "UA.15",
        "Lviv Oblast",
        ("Lviv", "Lvov"),
        ("Lviv",),
        ("Lwiw", "Lemberg"),
        "Львівська",
        "Львовская",
        ("Львівщина",),
    ),
    RegionNames(
        "UA.16",
        "Mykolaiv Oblast",
        ("Mykolaiv", "Nikolaev"),
        ("Mykolaïv",),
        ("Mykolajiw",),
        "Миколаївська",
        "Николаевская",
        ("Миколаївщина",),
    ),
    RegionNames(
        "UA.17",
        "Odesa Oblast",
        ("Odesa", "Odessa"),
        ("Odessa",),
        ("Odessa",),
        "Одеська",
        "Одесская",
        ("Одещина",),
    ),
    RegionNames(
        "UA.18",
        "Poltava Oblast",
        ("Poltava",),
        ("Poltava",),
        ("Poltawa",),
        "Полтавська",
        "Полтавская",
        ("Полтавщина",),
    ),
    RegionNames(
        "UA.19",
        "Rivne Oblast",
        ("Rivne", "Rovno"),
        ("Rivne",),
        ("Riwne",),
        "Рівненська",
        "Ровенская",
        ("Рівненщина",),
    ),
    RegionNames(
        "UA.20",
        "Sevastopol",
        (),
        (),
        (),
        "",
        "",
        (),
        ("Sevastopol City", "City of Sevastopol", "місто Севастополь", "город Севастополь"),
        oblast=False,
    ),
    RegionNames(
        "UA.21",
        "Sumy Oblast",
        ("Sumy",),
        ("Soumy",),
        ("Sumy",),
        "Сумська",
        "Сумская",
        ("Сумщина", "Сумщину"),
    ),
    RegionNames(
        "UA.22",
        "Ternopil Oblast",
        ("Ternopil",),
        ("Ternopil",),
        ("Ternopil",),
        "Тернопільська",
        "Тернопольская",
        ("Тернопільщина",),
    ),
    RegionNames(
        "UA.23",
        "Vinnytsia Oblast",
        ("Vinnytsia", "Vinnitsa"),
        ("Vinnytsia",),
        ("Winnyzja",),
        "Вінницька",
        "Винницкая",
        ("Вінниччина",),
    ),
    RegionNames(
        "UA.24",
        "Volyn Oblast",
        ("Volyn", "Volhynia"),
        ("Volhynie",),
        ("Wolhynien",),
        "Волинська",
        "Волынская",
        ("Волинь", "Волынь"),
    ),
    RegionNames(
        "UA.25",
        "Zakarpattia Oblast",
        ("Zakarpattia", "Transcarpathia"),
        ("Transcarpatie",),
        ("Transkarpatien",),
        "Закарпатська",
        "Закарпатская",
        ("Закарпаття", "Закарпатье"),
    ),
    RegionNames(
        "UA.26",
        "Zaporizhzhia Oblast",
        ("Zaporizhzhia", "Zaporizhia", "Zaporozhye"),
        ("Zaporijjia",),
        ("Saporischschja",),
        "Запорізька",
        "Запорожская",
        ("Запоріжжя", "Запорожье"),
    ),
    RegionNames(
        "UA.27",
        "Zhytomyr Oblast",
        ("Zhytomyr", "Zhitomir"),
        ("Jytomyr",),
        ("Schytomyr",),
        "Житомирська",
        "Житомирская",
        ("Житомирщина",),
    ),
    RegionNames(
        "RU.41",
        "Kursk Oblast",
        ("Kursk",),
        ("Koursk",),
        ("Kursk",),
        "Курська",
        "Курская",
        ("Курщина",),
    ),
    RegionNames(
        "RU.09",
        "Belgorod Oblast",
        ("Belgorod", "Bilhorod"),
        ("Belgorod",),
        ("Belgorod",),
        "Бєлгородська",
        "Белгородская",
        ("Бєлгородщина", "Белгородчина", "Білгородщина"),
        ("Білгородська область",),
    ),
    RegionNames(
        "RU.10",
        "Bryansk Oblast",
        ("Bryansk",),
        ("Briansk",),
        ("Brjansk",),
        "Брянська",
        "Брянская",
        ("Брянщина",),
    ),
    RegionNames(
        "RU.86",
        "Voronezh Oblast",
        ("Voronezh",),
        ("Voronej",),
        ("Woronesch",),
        "Воронезька",
        "Воронежская",
        ("Воронежчина",),
    ),
    RegionNames(
        "RU.61",
        "Rostov Oblast",
        ("Rostov",),
        ("Rostov",),
        ("Rostow",),
        "Ростовська",
        "Ростовская",
        ("Ростовщина",),
    ),
)

# Composite regions: one name for several admin-1 regions.
COMPOSITES: dict[str, tuple[str, tuple[str, ...], tuple[str, ...]]] = {
    # slug: (display, component codes, names)
    "donbas": (
        "Donbas",
        ("UA.05", "UA.14"),
        (
            "Donbas",
            "Donbass",
            "Donbass region",
            "Donbas region",
            "le Donbass",
            "Donbas-Region",
            "Донбас",
            "Донбасс",
        ),
    ),
}


def region_forms(region: RegionNames) -> tuple[list[str], list[str]]:
    """(full forms, bare forms): full forms name the region unambiguously; a bare form such
    as "Sumy" is also a city, so the gazetteer ranks it below the settlement."""
    full: list[str] = [region.display, *region.extra]
    bare: list[str] = list(region.english)
    if region.oblast:
        for name in region.english:
            full += [
                f"{name} Oblast",
                f"{name} oblast",
                f"{name} Region",
                f"{name} Province",
                f"Oblast {name}",
            ]
        for name in region.french:
            elided = name[0].lower() in "aeiouy"
            for word in ("région", "oblast", "province"):
                full.append(f"{word} d'{name}" if elided else f"{word} de {name}")
            bare.append(name)
        for name in region.german:
            full += [f"Oblast {name}", f"Gebiet {name}", f"Gebiets {name}", f"Region {name}"]
            bare.append(name)
        if region.ukrainian_adjective:
            full += [f"{region.ukrainian_adjective} область", f"{region.ukrainian_adjective} обл"]
        if region.russian_adjective:
            full += [f"{region.russian_adjective} область", f"{region.russian_adjective} обл"]
    full += list(region.nicknames)
    return _unique(full), _unique(bare)


def _unique(names: list[str]) -> list[str]:
    return list(dict.fromkeys(names))
