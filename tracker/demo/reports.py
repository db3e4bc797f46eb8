"""Sample reports written for this project (not copied from any outlet), in the styles of
think-tank assessments, general-staff summaries, ministry statements, wire copy and Telegram
posts. The events are illustrative: they show the tool, they are not a record of the war."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True, slots=True)
class SampleReport:
    published: date
    source_name: str
    source_url: str | None
    language: str
    text: str


REPORTS: tuple[SampleReport, ...] = (
    SampleReport(
        date(2025, 11, 2),
        "Demo Think Tank",
        "https://example.org/assessments/2025-11-02",
        "en",
        "Russian forces advanced near Pokrovsk on November 1. Ukrainian forces repelled "
        "Russian attacks near Kostiantynivka. Geolocated footage indicates that Russian forces "
        "advanced near Siversk.",
    ),
    SampleReport(
        date(2025, 11, 4),
        "Demo General Staff summary",
        "https://example.org/general-staff/2025-11-04",
        "uk",
        "Сили оборони відбили 14 атак противника біля Покровська. "
        "Українські війська відбили атаки біля Куп'янська.",
    ),
    SampleReport(
        date(2025, 11, 6),
        "Demo Ministry statement",
        None,
        "ru",
        "Российские войска освободили населённый пункт Новопавловка. "
        "Российские подразделения продвинулись у Часова Яра.",
    ),
    SampleReport(
        date(2025, 11, 8),
        "Demo Wire",
        "https://example.org/wire/2025-11-08",
        "en",
        "Russia's defence ministry claimed on Saturday that its forces had captured Kurakhove. "
        "Ukrainian officials said their troops repelled assaults near Huliaipole.",
    ),
    SampleReport(
        date(2025, 11, 11),
        "Demo Telegram channel",
        "https://t.me/s/example_demo_channel",
        "uk",
        "Наші захисники відбили штурм біля Торецька. Противник атакує біля Лимана.",
    ),
    SampleReport(
        date(2025, 11, 13),
        "Demo Think Tank",
        "https://example.org/assessments/2025-11-13",
        "en",
        "Russian forces attacked near Lyman and Siversk. Ukrainian forces advanced near "
        "Kupiansk on November 12. Russian forces struck Zaporizhzhia overnight.",
    ),
    SampleReport(
        date(2025, 11, 15),
        "Demo Agence (FR)",
        "https://example.org/fr/depeche-2025-11-15",
        "fr",
        "Les forces russes ont progressé près de Pokrovsk, selon l'état-major ukrainien. "
        "Les forces ukrainiennes ont repoussé une attaque près de Koupiansk.",
    ),
    SampleReport(
        date(2025, 11, 18),
        "Demo Nachrichten (DE)",
        "https://example.org/de/meldung-2025-11-18",
        "de",
        "Russische Truppen sind bei Kostjantyniwka vorgerückt. Ukrainische Truppen haben "
        "Angriffe bei Torezk abgewehrt.",
    ),
    SampleReport(
        date(2025, 11, 20),
        "Demo Ministry statement",
        None,
        "ru",
        "Подразделения группировки «Центр» освободили Селидово. ВСУ отступили от Курахово.",
    ),
    SampleReport(
        date(2025, 11, 22),
        "Demo General Staff summary",
        "https://example.org/general-staff/2025-11-22",
        "uk",
        "Сили оборони відбили атаки біля Гуляйполя та біля Оріхова. "
        "Противник наступав біля Сіверська.",
    ),
    SampleReport(
        date(2025, 11, 25),
        "Demo Wire",
        "https://example.org/wire/2025-11-25",
        "en",
        "Russian forces captured Vuhledar, Russia's defence ministry claimed. Ukrainian forces "
        "repelled attacks near Chasiv Yar, the General Staff said.",
    ),
    SampleReport(
        date(2025, 11, 27),
        "Demo Think Tank",
        "https://example.org/assessments/2025-11-27",
        "en",
        "Ukrainian forces advanced near Vovchansk. Russian forces attacked near Orikhiv and "
        "Huliaipole. Russian forces struck Kharkiv with drones.",
    ),
    SampleReport(
        date(2025, 11, 29),
        "Demo Telegram channel",
        "https://t.me/s/example_demo_channel",
        "ru",
        "Наши штурмовики продвинулись у Покровска. ВСУ атаковали у Волчанска.",
    ),
    SampleReport(
        date(2025, 12, 1),
        "Demo Agence (FR)",
        "https://example.org/fr/depeche-2025-12-01",
        "fr",
        "La Russie affirme avoir pris le contrôle de Siversk. L'armée ukrainienne a repoussé "
        "des assauts près de Lyman.",
    ),
    SampleReport(
        date(2025, 12, 3),
        "Demo Think Tank",
        "https://example.org/assessments/2025-12-03",
        "en",
        "Russian forces advanced near Myrnohrad on December 2. Ukrainian forces repelled "
        "Russian attacks near Kupiansk and Borova.",
    ),
    SampleReport(
        date(2025, 12, 5),
        "Demo General Staff summary",
        "https://example.org/general-staff/2025-12-05",
        "uk",
        "Українські підрозділи відбили атаки біля Мирнограда та біля Костянтинівки.",
    ),
    SampleReport(
        date(2025, 12, 8),
        "Demo Nachrichten (DE)",
        "https://example.org/de/meldung-2025-12-08",
        "de",
        "Russische Truppen griffen bei Huljajpole an. Ukrainische Truppen sind bei Kupjansk "
        "vorgerückt.",
    ),
    SampleReport(
        date(2025, 12, 10),
        "Demo Wire",
        "https://example.org/wire/2025-12-10",
        "en",
        "Ukraine's military said its forces withdrew from positions near Siversk. Russian "
        "forces struck Odesa overnight, regional officials said.",
    ),
    SampleReport(
        date(2025, 12, 12),
        "Demo Ministry statement",
        None,
        "ru",
        "Российские войска освободили Мирноград. Противник отступил от Гуляйполя.",
    ),
    SampleReport(
        date(2025, 12, 14),
        "Demo Think Tank",
        "https://example.org/assessments/2025-12-14",
        "en",
        "Russian forces attacked near Kostiantynivka, Pokrovsk and Lyman. Ukrainian forces "
        "advanced near Chasiv Yar.",
    ),
)
