"""Officials whom reports quote by name: the governors and mayors of both sides and the heads
the occupation installed. Named, they are the claimant, with their office and their side:
"Gladkov said" is a Russian governor's word, "— Синєгубов." a Ukrainian one's. Surnames in the
spellings English, French, German, Ukrainian and Russian text gives them, Cyrillic ones in their
case forms; a surname shared with someone else in the news needs the first name."""

from __future__ import annotations

from typing import NamedTuple

from tracker.model import Side

# A Cyrillic surname's case endings ("Гладкова", "Гладковым", "Федорову"); no more, or
# the villages named after a surname would be read ("Федоровка", "Григорівка").
_CASE = r"(?:а|у|ом|ым|им|е|я|ю|ем)?"


class Official(NamedTuple):
    label: str
    side: Side
    names: str  # pattern of the surname's spellings


OFFICIALS: tuple[Official, ...] = (
    # Ukrainian oblast military administrations' heads and mayors
    Official(
        "Ivan Fedorov (Zaporizhzhia Oblast governor)",
        Side.UA,
        rf"fedorov|fedorow|fiodorov|fédorov|федоров{_CASE}",
    ),
    Official(
        "Oleh Syniehubov (Kharkiv Oblast governor)",
        Side.UA,
        r"syniehubov|synehubov|syniegubov|sinegubov|synjehubow|synegubov|siniehoubov|"
        rf"synièhoubov|синєгубов{_CASE}|синегубов{_CASE}|сінєгубов{_CASE}",
    ),
    Official(
        "Oleh Hryhorov (Sumy Oblast governor)",
        Side.UA,
        rf"hryhorov|hryhorow|grigorov|григоров{_CASE}",
    ),
    Official(
        "Oleksandr Prokudin (Kherson Oblast governor)",
        Side.UA,
        rf"prokudin|prokoudine|прокудін{_CASE}|прокудин{_CASE}",
    ),
    Official(
        "Viacheslav Chaus (Chernihiv Oblast governor)",
        Side.UA,
        rf"chaus|tchaous|tschaus|чаус{_CASE}",
    ),
    Official(
        "Serhii Lysak (Dnipropetrovsk Oblast governor)",
        Side.UA,
        rf"lysak|lyssak|лисак{_CASE}",
    ),
    Official(
        "Vladyslav Haivanenko (Dnipropetrovsk Oblast governor)",
        Side.UA,
        r"haivanenko|gaivanenko|haiwanenko|гайваненко",
    ),
    Official(
        "Vadym Filashkin (Donetsk Oblast governor)",
        Side.UA,
        rf"filashkin|filachkine|filaschkin|філашкін{_CASE}|филашкин{_CASE}",
    ),
    Official(
        "Artem Lysohor (Luhansk Oblast governor)",
        Side.UA,
        rf"lysohor|lyssohor|лисогор{_CASE}",
    ),
    Official(
        "Vitalii Kim (Mykolaiv Oblast governor)",
        Side.UA,
        r"(?:vitalii|vitaliy|vitali|vitaly|witalij|віталі\w|витали\w)\s+(?:kim|кім\w{0,2}|ким\w{0,2})",
    ),
    Official(
        "Oleh Kiper (Odesa Oblast governor)",
        Side.UA,
        rf"kiper|кіпер{_CASE}|кипер{_CASE}",
    ),
    Official(
        "Mykola Kalashnyk (Kyiv Oblast governor)",
        Side.UA,
        rf"kalashnyk|kalachnyk|kalaschnyk|калашник{_CASE}",
    ),
    Official(
        "Ihor Terekhov (Kharkiv mayor)",
        Side.UA,
        rf"terekhov|terechow|terekhow|терехов{_CASE}",
    ),
    Official(
        "Borys Filatov (Dnipro mayor)",
        Side.UA,
        rf"filatov|filatow|філатов{_CASE}|филатов{_CASE}",
    ),
    Official(
        "Oleksandr Vilkul (Kryvyi Rih military administration head)",
        Side.UA,
        rf"vilkul|wilkul|вілкул{_CASE}|вилкул{_CASE}",
    ),
    Official(
        "Vitali Klitschko (Kyiv mayor)",
        Side.UA,
        r"klitschko|klitchko|klychko|кличко",
    ),
    # Russian governors and mayors
    Official(
        "Vyacheslav Gladkov (Belgorod Oblast governor, Russia)",
        Side.RU,
        rf"gladkov|gladkow|hladkov|гладков{_CASE}",
    ),
    Official(
        "Alexander Khinshtein (Kursk Oblast governor, Russia)",
        Side.RU,
        r"khinshtein|khinshteyn|khinchtein|chinstein|chinschtein|"
        rf"хинштейн{_CASE}|хінштейн{_CASE}",
    ),
    Official(
        "Alexander Bogomaz (Bryansk Oblast governor, Russia)",
        Side.RU,
        rf"bogomaz|bohomaz|богомаз{_CASE}",
    ),
    Official(
        "Yuri Slyusar (Rostov Oblast governor, Russia)",
        Side.RU,
        rf"slyusar|sliousar|sljussar|слюсар{_CASE}",
    ),
    Official(
        "Andrei Klychkov (Oryol Oblast governor, Russia)",
        Side.RU,
        rf"klychkov|klytchkov|klytschkow|клычков{_CASE}",
    ),
    Official(
        "Sergei Sobyanin (Moscow mayor)",
        Side.RU,
        rf"sobyanin|sobianine|sobjanin|собянин{_CASE}|собянін{_CASE}",
    ),
    # heads the occupation installed
    Official(
        "Vladimir Saldo (Russian-installed head of Kherson Oblast)",
        Side.RU,
        r"saldo|сальдо",
    ),
    Official(
        "Yevgeny Balitsky (Russian-installed head of Zaporizhzhia Oblast)",
        Side.RU,
        r"balitsky|balitskiy|balitski|balitskii|balizki|balytskyi|"
        r"балицк(?:ий|ого|ому|им|ом)|балицьк(?:ий|ого|ому|им)",
    ),
    Official(
        "Vladimir Rogov (Russian-installed official in Zaporizhzhia Oblast)",
        Side.RU,
        rf"rogov|rogow|рогов{_CASE}",
    ),
    Official(
        "Sergei Aksyonov (Russian-installed head of Crimea)",
        Side.RU,
        r"aksyonov|aksenov|aksionov|axionov|aksjonow|"
        rf"аксёнов{_CASE}|аксенов{_CASE}|аксьонов{_CASE}",
    ),
    Official(
        "Mikhail Razvozhayev (Russian-installed governor of Sevastopol)",
        Side.RU,
        r"razvozhayev|razvozhaev|razvojaïev|razvojaev|raswoschajew|"
        rf"развожаев{_CASE}|развожаєв{_CASE}",
    ),
    Official(
        "Denis Pushilin (Russian-installed head of Donetsk Oblast)",
        Side.RU,
        rf"pushilin|pouchiline|puschilin|пушилин{_CASE}|пушилін{_CASE}",
    ),
    Official(
        "Leonid Pasechnik (Russian-installed head of Luhansk Oblast)",
        Side.RU,
        rf"pasechnik|passetchnik|pasetschnik|пасечник{_CASE}",
    ),
)
