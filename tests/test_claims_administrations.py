"""Claims from regional administrations' posts: the post's sign-off speaks for it, places said
to have suffered or come under shelling are struck, guided bombs dropped on a place strike it.
The sentences are our own, in the styles of such posts; the events are not a record."""

from __future__ import annotations

from datetime import date

import pytest

from tracker.extract import extract
from tracker.model import Action, Side

REPORT_DATE = date(2026, 1, 14)


def _claims(text: str) -> list[tuple]:
    return [
        (c.place.name, c.side, c.action, c.claimant)
        for c in extract(text, report_date=REPORT_DATE).claims
    ]


def test_a_post_s_sign_off_is_its_claimant() -> None:
    text = "Зранку ворог атакував дроном Нікополь. Пошкоджено будинок. — Дніпропетровська ОВА"
    assert _claims(text) == [("Nikopol", Side.RU, Action.STRIKE, "Ukrainian officials")]


def test_a_dash_inside_a_sentence_signs_nothing_off() -> None:
    text = "Зранку ворог атакував дроном Нікополь — пошкоджено будинок і лінію електропередачі."
    assert [c[3] for c in _claims(text)] == ["media"]


@pytest.mark.parametrize(
    ("text", "place", "side"),
    [
        # places that suffered: the side across the line struck them
        (
            "Ворог бив по Нікопольщині з артилерії: постраждали Нікополь та Марганець.",
            "Nikopol",
            Side.RU,
        ),
        # the shelling as a noun before the place
        ("Внаслідок обстрілу Куп'янська пошкоджено дві багатоповерхівки.", "Kupiansk", Side.RU),
        ("После обстрела Белгорода без света остались несколько улиц.", "Belgorod", Side.UA),
        # guided bombs dropped on a place
        # ... or after the place that opens the sentence
        ("У Сумах внаслідок удару КАБом загинула людина.", "Sumy", Side.RU),
        ("В Рыльске в результате удара по подстанции обесточены дома.", "Ryl’sk", Side.UA),
        ("Окупанти скинули два КАБи на Білопілля.", "Bilopillia", Side.RU),
        ("Противник сбросил ФАБ на Шебекино.", "Shebekino", Side.UA),
    ],
)
def test_a_place_said_to_be_hit_is_struck(text: str, place: str, side: Side) -> None:
    assert (place, side, Action.STRIKE) in [c[:3] for c in _claims(text)]


def test_a_credit_after_a_dash_is_no_claimant() -> None:
    assert [c[3] for c in _claims("Росіяни атакували Суми дронами. — Фото: Сумська ОВА")] == [
        "media"
    ]


@pytest.mark.parametrize(
    "text",
    [
        "У ДТП під Полтавою постраждали четверо людей.",
        "Від морозів постраждали посіви на Херсонщині.",
        "Постраждалі з Покровська отримали компенсацію.",
        "Кафе відкрилося в Сумах після обстрілу.",
    ],
)
def test_harm_of_any_cause_is_no_strike(text: str) -> None:
    assert _claims(text) == []


def test_a_hromada_in_a_title_or_a_community_of_people_is_no_scene() -> None:
    text = "Голова Сумської громади повідомив, що ворог атакував Білопілля."
    assert [c[0] for c in _claims(text)] == ["Bilopillia"]
    assert _claims("Єврейська громада Дніпра зібрала допомогу для Херсона.") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a town opening the clause near which the places after the action were taken frames
        # them
        (
            "Под Купянском подразделения освободили Песчаное.",
            [("Pishchane", Side.RU, Action.CAPTURE)],
        ),
        # the side named for the source is not the actor; where the hits fell is struck
        (
            "По данным украинских СМИ, удары пришлись по Полтаве.",
            [("Poltava", Side.RU, Action.STRIKE)],
        ),
    ],
)
def test_frames_enemies_and_sources(text: str, expected: list[tuple]) -> None:
    assert [c[:3] for c in _claims(text)] == expected


def test_a_named_official_opening_a_post_speaks_for_all_of_it() -> None:
    text = (
        "Олег Григоров: протягом доби ворог 97 разів обстріляв Сумщину. Постраждали Юнаківська "
        "та Білопільська громади."
    )
    assert {c[3] for c in _claims(text)} == {"Oleh Hryhorov (Sumy Oblast governor)"}


@pytest.mark.parametrize(
    ("text", "claimant"),
    [
        (
            "На Покровському напрямку ворог 27 разів атакував біля Родинського.\n\nГенштаб ЗСУ",
            "Ukrainian General Staff",
        ),
        ("Ворог просунувся в Кучерівці. Деталі — на мапі.\n\n#DeepStateUA", "DeepState"),
        (
            "ВСУ атаковали Брянск беспилотником.\n\nГубернатор Брянской области Александр Богомаз",
            "Russian officials",
        ),
    ],
)
def test_a_signature_line_is_the_post_s_claimant(text: str, claimant: str) -> None:
    assert {c[3] for c in _claims(text)} == {claimant}


def test_attacks_a_place_was_subjected_to_are_strikes_on_it() -> None:
    text = (
        "Ночью атакам подверглись Льгов и посёлок Глушково.\n\n"
        "Об этом сообщил губернатор Курской области Александр Хинштейн."
    )
    assert {(c[1], c[2]) for c in _claims(text)} == {(Side.UA, Action.STRIKE)}


def test_a_capital_s_regime_is_no_place() -> None:
    places = [
        m.text
        for m in extract(
            "Киевский режим продолжает обстреливать Каменку-Днепровскую.", report_date=REPORT_DATE
        ).mentions
    ]
    assert places == ["Каменку-Днепровскую"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # where the news of another place's shelling was met is no scene
        (
            "У Києві внаслідок удару по Харкову оголосили день жалоби.",
            [("Kharkiv", Side.RU, Action.STRIKE)],
        ),
        # harm from floods, frost or a crash is no strike, nor are people subjected to attacks
        ("Від повені постраждали Херсон і Гола Пристань.", []),
        ("Атакам подверглись ветераны в Курске, сообщил правозащитник.", []),
    ],
)
def test_the_second_review_s_cases(text: str, expected: list[tuple]) -> None:
    assert [c[:3] for c in _claims(text)] == expected


def test_a_slogan_or_a_headline_is_no_claimant() -> None:
    assert {
        c[3] for c in _claims("ВСУ атаковали Курск беспилотниками.\n\nРоссия своих не бросает")
    } == {"media"}
    text = "Олег Григоров: хто він і чому його призначили. Ворог атакував Суми."
    assert {c[3] for c in _claims(text)} == {"media"}


def test_an_administration_s_itemised_post_strikes_each_item() -> None:
    # the post opens with its speaker; each item names a place and what was done there
    text = (
        "Сумська ОВА: Наслідки ворожих обстрілів за добу 👇\n\n"
        "🔴 Білопілля — удар КАБом по центру міста, поранено двох людей.\n"
        "🔴 Ворожба: пошкоджено адмінбудівлю та три автівки.\n"
        "🔴 Краснопілля — зруйновано склад."
    )
    claims = _claims(text)
    for place in ("Bilopillia", "Vorozhba", "Krasnopillia"):
        assert (place, Side.RU, Action.STRIKE, "Ukrainian officials") in claims, claims


def test_an_item_of_damage_strikes_only_right_after_a_post_told_of_strikes() -> None:
    # (a list of repairs is no list of strikes, nor other news after the strikes)
    text = "Відновлення після зими:\n🔹 Ворожба: пошкоджено дорогу, ремонт триває.\n"
    assert _claims(text) == []
    text = (
        "Ворог вдарив КАБом по Сумах. Інші новини області:\n"
        "🔹 Ворожба — пошкоджену торік школу відремонтовано."
    )
    assert [c[0] for c in _claims(text)] == ["Sumy"]


def test_a_post_s_title_line_that_is_a_headline_about_a_person_speaks_for_nobody() -> None:
    text = "Сумська ОВА: Олег Григоров — біографія нового голови\n\nВорог атакував Білопілля."
    assert {c[3] for c in _claims(text)} == {"media"}


def test_strikes_listed_after_a_dash_strike_each_place() -> None:
    text = (
        "Запорізька ОВА: окупанти завдали 300 ударів по області. ▪️ 5 авіаударів — по "
        "Степногірську, Малій Токмачці та Приморському."
    )
    places = {c[0] for c in _claims(text) if c[2] == Action.STRIKE}
    assert {"Stepnohirsk", "Mala Tokmachka", "Prymorske"} <= places, places


def test_an_elliptical_clause_after_a_dash_is_no_list_of_targets() -> None:
    text = (
        "За оцінкою аналітиків, російські війська мали підтверджене просування біля Гришиного, "
        "а українські – біля Куп'янська."
    )
    # (not merged into the clause before as a list of its places: Kupiansk is no Russian
    # advance)
    claims = _claims(text)
    assert ("Hryshyne", Side.RU) in [c[:2] for c in claims]
    assert ("Kupiansk", Side.RU) not in [c[:2] for c in claims], claims


@pytest.mark.parametrize(
    "title",
    ["Сумська ОВА", "Sumy Regional Military Administration — daily update"],
)
def test_a_post_s_title_line_speaks_for_it(title: str) -> None:
    text = f"{title}\n\nУночі ворог скинув КАБ на Білопілля, пошкоджено школу."
    assert _claims(text) == [("Bilopillia", Side.RU, Action.STRIKE, "Ukrainian officials")]


def test_a_russian_governor_heading_a_post_is_russian() -> None:
    text = "Губернатор Брянской области: противник обстрелял село Глотовка, ранен мужчина."
    claims = _claims(text)
    assert claims and {c[3] for c in claims} == {"Russian officials"}, claims
    assert {c[1] for c in claims} == {Side.UA}, claims


def test_list_items_take_the_striker_the_post_named() -> None:
    # the occupation head's post: Ukraine's forces fired; its items say where
    text = (
        "Глава оккупационной администрации\n\nЗа сутки ВСУ выпустили по левобережью 40 снарядов."
        "\n\n🔻 Алешки — повреждена котельная.\n🔻 Голая Пристань — атака дрона на автомобиль."
    )
    sides = {c[0]: c[1] for c in _claims(text)}
    assert sides.get("Oleshky") == Side.UA and sides.get("Hola Prystan") == Side.UA, sides


def test_no_attacks_on_a_place_is_no_claim() -> None:
    assert _claims("There were no Russian attacks on Kryvyi Rih today.") == []
    # (but "no fewer attacks" is attacks)
    assert _claims("Russian forces made no fewer attacks near Pokrovsk than last week.")
    assert _claims("Aucune frappe russe sur Kryvyï Rih ce mardi.") == []


def test_a_battlegroup_is_no_place() -> None:
    text = "Units of the Yug Battlegroup liberated Stupochky, the Russian MoD said."
    assert [c[0] for c in _claims(text)] == ["Stupochky"]


def test_community_headings_take_the_item_after_their_dash() -> None:
    text = (
        "Нікопольська РВА. Ворог знову обстрілював район. Підсумки:\n"
        "• Марганецька громада — удар FPV-дрона, пошкоджено гараж;\n"
        "• Мирівська громада — без обстрілів."
    )
    claims = _claims(text)
    assert claims == [("Marhanets", Side.RU, Action.STRIKE, "Ukrainian officials")], claims


def test_a_city_s_district_heading_is_no_village() -> None:
    text = (
        "Мер Харкова:\n\nВночі окупанти вдарили по Харкову.\n"
        "▪️ Київський район — вибиті вікна у під’їзді.\n▪️ Салтівський район — пожежа."
    )
    assert {c[0] for c in _claims(text)} == {"Kharkiv"}


def test_a_signature_line_speaks_for_the_post() -> None:
    text = (
        "Іван Федоров | Запорізька ОВА\n"
        "За добу російські війська завдали 300 ударів по населених пунктах області:\n"
        "▪️ 5 авіаударів — по Оріхову та Малій Токмачці;\n"
        "▪️ 120 ударів БпЛА — по Степногірську та Плавнях."
    )
    claims = _claims(text)
    assert {c[0] for c in claims} >= {"Orikhiv", "Mala Tokmachka", "Stepnohirsk"}, claims
    # (the governor named before the pipe speaks)
    assert {(c[1], c[2], c[3]) for c in claims} == {
        (Side.RU, Action.STRIKE, "Ivan Fedorov (Zaporizhzhia Oblast governor)")
    }, claims


def test_a_rumour_called_fake_after_a_dash_is_no_claim() -> None:
    text = (
        "Краматорська МВА\n\nПовідомлення про нібито прорив ворожої ДРГ у Слов'янськ — фейк. "
        "Ситуація в місті контрольована."
    )
    assert _claims(text) == []


@pytest.mark.parametrize(
    ("text", "place"),
    [
        (
            "Russia's defence ministry said on Monday its troops had captured Hlushkivka. The "
            "Khortytsia group rejected the report and stated that Ukrainian units still control "
            "the settlement.",
            "Hlushkivka",
        ),
        (
            "Міноборони РФ заявило про захоплення Коломийців. У бригаді це заперечили: населений "
            "пункт і далі під контролем українських військ.",
            "Kolomiitsi",
        ),
    ],
)
def test_a_denial_that_the_village_fell_holds_it(text: str, place: str) -> None:
    claims = [c for c in _claims(text) if c[0] == place]
    assert {(c[1], c[2]) for c in claims} == {
        (Side.RU, Action.CAPTURE),
        (Side.UA, Action.CONTROL),
    }, claims


def test_places_under_fire_with_a_yo() -> None:
    text = (
        "Глава оккупационной администрации: ВСУ за сутки обстреляли левобережье. Под огнём "
        "находились Алешки и Голая Пристань."
    )
    claims = _claims(text)
    assert {("Oleshky", Side.UA), ("Hola Prystan", Side.UA)} <= {(c[0], c[1]) for c in claims}


def test_a_bulletin_heading_names_its_speaker_before_a_comma() -> None:
    text = (
        "Generalstab der ukrainischen Streitkräfte, Lagebericht vom 3. Dezember: Im Abschnitt "
        "Orichiw wehrten die Verteidiger zwei Sturmangriffe bei Mala Tokmatschka ab."
    )
    claims = _claims(text)
    assert ("Mala Tokmachka", Side.UA, Action.REPEL, "Ukrainian General Staff") in claims, claims


def test_targets_listed_after_a_colon_each_with_its_preposition() -> None:
    text = (
        "Nach Angaben des Gouverneurs schlugen in der Nacht russische Gleitbomben ein: in "
        "Kuschuhum, in Balabyne und in Wesele."
    )
    places = {c[0] for c in _claims(text) if c[2] == Action.STRIKE and c[1] == Side.RU}
    assert {"Kushuhum", "Balabyne"} <= places, places


def test_a_ministry_s_own_bulleted_strike_is_its_side_s() -> None:
    """An MoD post's '✈️ … нанесен удар по аэродрому' is Russia's strike, whatever side its
    line before named as a target."""
    text = (
        "Минобороны России\n⚡️ У Новоэкономического уничтожены три группы ВСУ.\n"
        "✈️ Авиацией нанесен удар по аэродрому в районе Миргорода."
    )
    sides = {c[0]: c[1] for c in _claims(text)}
    assert sides.get("Myrhorod") == Side.RU, sides


def test_a_digest_s_bullets_take_no_striker_from_other_news() -> None:
    text = (
        "Головне за ніч:\n• Сили оборони уразили НПЗ у Саратові.\n"
        "• Дрон атакував автобус у Херсоні."
    )
    sides = {(c[0], c[1]) for c in _claims(text)}
    assert ("Kherson", Side.UA) not in sides, sides


@pytest.mark.parametrize(
    ("text", "place", "side", "action"),
    [
        # "fake" not closing the sentence says nothing of the strike
        (
            "Russia shelled Kherson — fake-news channels blamed Ukraine.",
            "Kherson",
            Side.RU,
            Action.STRIKE,
        ),
        # who controls it is said
        (
            "The situation in Russian-controlled Oleshky remains dire, officials said.",
            "Oleshky",
            Side.RU,
            Action.CONTROL,
        ),
    ],
)
def test_verdict_and_control_words_that_say_something_else(text, place, side, action) -> None:
    assert (place, side, action) in {c[:3] for c in _claims(text)}, _claims(text)


def test_a_signature_line_s_first_part_may_be_the_speaker() -> None:
    text = "Генштаб ЗСУ | 01.12.2026\nОперативна інформація: ворог атакував Покровськ."
    assert {c[3] for c in _claims(text)} == {"Ukrainian General Staff"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Air Force of Ukraine:\n\nOvernight the enemy attacked with 90 drones; 70 were shot "
            "down. Hits were recorded in Sumy and Poltava.",
            {("Sumy", Side.RU, Action.STRIKE), ("Poltava", Side.RU, Action.STRIKE)},
        ),
        (
            "Les autorités régionales rapportent que des tirs russes ont visé Bilopillia et "
            "Vorojba dans la nuit.",
            {("Bilopillia", Side.RU, Action.STRIKE), ("Vorozhba", Side.RU, Action.STRIKE)},
        ),
        (
            "Moscou affirme avoir pris Kostiantynivka. L'état-major ukrainien assure que ses "
            "troupes tenaient toujours la ville jeudi.",
            {
                ("Kostiantynivka", Side.RU, Action.CAPTURE),
                ("Kostiantynivka", Side.UA, Action.CONTROL),
            },
        ),
        # a year counted up to now is no history
        (
            "The Russian MoD said its troops had captured Toretsk, a town its forces have been "
            "fighting for since 2023.",
            {("Toretsk", Side.RU, Action.CAPTURE)},
        ),
        # German puts the subject after its verb
        (
            "Laut der Luftwaffe trafen russische Raketen Ziele in Poltawa.",
            {("Poltava", Side.RU, Action.STRIKE)},
        ),
        # "stoppé … assauts": repelled; "tenté à N reprises de percer": attacked
        (
            "Sur l'axe de Pokrovsk, les défenseurs ont stoppé quatre assauts près de Rodynske.",
            {("Rodynske", Side.UA, Action.REPEL), ("Rodynske", Side.RU, Action.ATTACK)},
        ),
        (
            "L'ennemi a tenté à trois reprises de percer nos défenses près de Bilytske.",
            {("Bilytske", Side.RU, Action.ATTACK)},
        ),
    ],
)
def test_more_ways_of_saying_what_happened_and_who_did_it(text: str, expected: set) -> None:
    assert expected <= {c[:3] for c in _claims(text)}, _claims(text)


def test_the_village_said_again_after_a_rumour_called_fake() -> None:
    text = (
        "Информация о взятии Терноватого — фейк. Село по-прежнему серая зона, наши штурмовики "
        "закрепились на северной окраине.\n\n— Военкор"
    )
    claims = [c for c in _claims(text) if c[0] == "Ternuvate"]
    assert [(c[1], c[2]) for c in claims] == [(Side.RU, Action.ADVANCE)], _claims(text)


def test_a_side_s_claim_called_fake_is_still_theirs() -> None:
    text = (
        "Повідомлення російських пабліків про «взяття» Степногірська — фейк.\n\nСили оборони півдня"
    )
    assert ("Stepnohirsk", Side.RU, Action.CAPTURE) in {c[:3] for c in _claims(text)}


def test_occupied_since_a_year_is_a_state_not_a_capture() -> None:
    text = (
        "Мешканці Первомайська на Миколаївщині пережили атаку дронів; однойменне місто на "
        "Луганщині окуповане з 2014 року."
    )
    claims = _claims(text)
    assert ("Pervomaisk", Side.RU, Action.STRIKE) in {c[:3] for c in claims}, claims
    assert not [c for c in claims if c[2] == Action.CAPTURE], claims


def test_a_sentence_naming_a_place_it_cannot_place_answers_no_earlier_attacks() -> None:
    """'… près d'Antonivka' (a name several villages bear, refused): its repel is not the
    previous sentence's places'."""
    text = (
        "Dans la direction d'Orikhiv, l'ennemi a attaqué près de Stepnohirsk et de Plavni. "
        "Dans la direction du Dniepr, les défenseurs ont repoussé deux attaques près d'Antonivka."
    )
    assert not [c for c in _claims(text) if c[2] == Action.REPEL and c[0] != "Antonivka"]


def test_a_unit_signing_off_above_its_tags_speaks_for_its_post() -> None:
    """The unit's line is the post's last but for its hashtags: "our drone operators" are the
    unit's, and what the occupiers tried is theirs to tell."""
    text = (
        "Yesterday the occupiers tried to sneak into Stepnohirsk on motorcycles.\n\n"
        "This morning our drone operators also hit an enemy ammo depot in Tokmak 💥\n\n"
        "🇺🇦 65th Separate Mechanized Brigade\n#Zaporizhzhia #Stepnohirsk"
    )
    claims = _claims(text)
    assert ("Tokmak", Side.UA, Action.STRIKE, "Ukrainian unit") in claims
    assert ("Stepnohirsk", Side.RU, Action.ATTACK, "Ukrainian unit") in claims


def test_shelling_with_its_weapons_named_before_the_places_strikes_them() -> None:
    text = "Упродовж дня ворог бив з артилерії та FPV-дронів по Нікополю та Марганцю."
    assert [c[:3] for c in _claims(text)] == [
        ("Nikopol", Side.RU, Action.STRIKE),
        ("Marhanets", Side.RU, Action.STRIKE),
    ]


@pytest.mark.parametrize(
    ("text", "place"),
    [
        # a refinery and an airfield lie at the town they are named after
        ("L'armée ukrainienne affirme avoir frappé la raffinerie de Saratov.", "Saratov"),
        ("Ukrainian drones hit the Saky airfield in Crimea overnight.", "Saky"),
        ("Сили оборони уразили Саратовський НПЗ у Саратові.", "Saratov"),
    ],
)
def test_a_refinery_or_airfield_struck_is_its_town_s_strike(text: str, place: str) -> None:
    assert (place, Side.UA, Action.STRIKE) in [c[:3] for c in _claims(text)]


def test_a_nuclear_plant_named_after_a_city_is_no_strike_on_it() -> None:
    text = "Russian drones hit a training centre of the Zaporizhzhia nuclear plant."
    assert [c for c in _claims(text) if c[0] == "Zaporizhzhia"] == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Russia launched one of its largest combined attacks on Kyiv overnight, the city's "
            "military administration said.",
            ("Kyiv", Side.RU, Action.STRIKE),
        ),
        ("Росія здійснила масовану атаку на Київ.", ("Kyiv", Side.RU, Action.STRIKE)),
        # a massive assault is on the ground
        (
            "Russian forces launched a massive assault on Pokrovsk.",
            ("Pokrovsk", Side.RU, Action.ATTACK),
        ),
    ],
)
def test_a_combined_attack_is_by_air(text: str, expected: tuple) -> None:
    assert expected in [c[:3] for c in _claims(text)]


def test_damage_by_a_weapon_is_a_strike() -> None:
    assert ("Lviv", Side.RU, Action.STRIKE) in [
        c[:3] for c in _claims("A Russian drone damaged a warehouse in Lviv overnight.")
    ]
