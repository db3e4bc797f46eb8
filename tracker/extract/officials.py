"""Officials whom reports quote by name: the governors and mayors of both sides and the heads
the occupation installed. Named, they are the claimant, with their office and their side:
"Gladkov said" is a Russian governor's word, "— Синєгубов." a Ukrainian one's. Surnames in the
spellings English, French, German, Ukrainian and Russian text gives them, Cyrillic ones in their
case forms; a surname shared with someone else in the news needs the first name."""

from __future__ import annotations

import re
from typing import NamedTuple

from tracker.model import Side

# A Cyrillic surname's case endings ("Гладкова", "Гладковым", "Федорову"); no more, or
# the villages named after a surname would be read ("Федоровка", "Григорівка").
_CASE = r"(?:а|у|ом|ым|им|е|я|ю|ем)?"


class Official(NamedTuple):
    label: str
    side: Side
    names: str  # pattern of the surname's spellings
    given: str = ""  # ... and of the given name that may come before it

    @property
    def pattern(self) -> str:
        if not self.given:
            return self.names
        return rf"(?:(?:{self.given})\w{{0,2}}\s+)?(?:{self.names})"  # ("Івана Федорова")


OFFICIALS: tuple[Official, ...] = (
    # Ukrainian oblast military administrations' heads and mayors
    Official(
        "Ivan Fedorov (Zaporizhzhia Oblast governor)",
        Side.UA,
        rf"fedorov|fedorow|fiodorov|fédorov|федоров{_CASE}",
        r"ivan|iwan|іван|иван",
    ),
    Official(
        "Oleh Syniehubov (Kharkiv Oblast governor)",
        Side.UA,
        r"syniehubov|synehubov|syniegubov|sinegubov|synjehubow|synegubov|siniehoubov|syniehoubov|"
        rf"synièhoubov|synegoubov|syniegoubov|synehoubov|синєгубов{_CASE}|синегубов{_CASE}|сінєгубов{_CASE}",
        r"oleh|oleg|олег",
    ),
    Official(
        "Oleh Hryhorov (Sumy Oblast governor)",
        Side.UA,
        rf"hryhorov|hryhorow|grigorov|григоров{_CASE}",
        r"oleh|oleg|олег",
    ),
    Official(
        "Oleksandr Prokudin (Kherson Oblast governor)",
        Side.UA,
        rf"prokudin|prokoudine|прокудін{_CASE}|прокудин{_CASE}",
        r"oleksandr|oleksandre|olexandr|olexander|oleksander|alexander|александр|олександр",
    ),
    Official(
        "Viacheslav Chaus (Chernihiv Oblast governor)",
        Side.UA,
        rf"chaus|tchaous|tschaus|чаус{_CASE}",
        r"viacheslav|vyacheslav|viatcheslav|wjatscheslaw|вячеслав|в['’]ячеслав",
    ),
    Official(
        "Serhii Lysak (Dnipropetrovsk Oblast governor)",
        Side.UA,
        rf"lysak|lyssak|лисак{_CASE}",
        r"serhii|serhiy|serhiï|serhij|sergei|сергій|сергей",
    ),
    Official(
        "Vladyslav Haivanenko (Dnipropetrovsk Oblast governor)",
        Side.UA,
        r"haivanenko|gaivanenko|haiwanenko|гайваненко",
        r"vladyslav|vladislav|wladyslaw|владислав",
    ),
    Official(
        "Vadym Filashkin (Donetsk Oblast governor)",
        Side.UA,
        rf"filashkin|filachkine|filaschkin|філашкін{_CASE}|филашкин{_CASE}",
        r"vadym|vadim|wadym|вадим",
    ),
    Official(
        "Artem Lysohor (Luhansk Oblast governor)",
        Side.UA,
        rf"lysohor|lyssohor|лисогор{_CASE}",
        r"artem|artiom|артем|артём",
    ),
    Official(
        "Vitalii Kim (Mykolaiv Oblast governor)",
        Side.UA,
        r"(?:vitalii|vitaliy|vitali|vitaly|witalij|віталі\w|витали\w)\s+(?:kim|кім\w{0,2}|ким\w{0,2})",
    ),
    Official(
        "Serhii Borzov (Vinnytsia Oblast governor)",
        Side.UA,
        rf"borzov|borzow|borsow|борзов{_CASE}",
        r"serhii|serhiy|sergii|serguiï|sergij|сергій|сергей",
    ),
    Official(
        "Maksym Kozytskyi (Lviv Oblast governor)",
        Side.UA,
        r"kozytskyi|kozytskyy|kozytsky|kozytskij|kozyzkyj|kozytskyï|козицьк\w{1,3}|козицк\w{1,3}",
        r"maksym|maxim|maksim|максим",
    ),
    Official(
        "Serhii Tyurin (Khmelnytskyi Oblast governor)",
        Side.UA,
        rf"tyurin|tiurin|tjurin|тюрін{_CASE}|тюрин{_CASE}",
        r"serhii|serhiy|sergii|sergej|сергій|сергей",
    ),
    Official(
        "Svitlana Onyshchuk (Ivano-Frankivsk Oblast governor)",
        Side.UA,
        r"onyshchuk|onychtchouk|onyschtschuk|онищук\w{0,2}",
        r"svitlana|svetlana|switlana|світлана|светлана",
    ),
    Official(
        "Vitalii Bunechko (Zhytomyr Oblast governor)",
        Side.UA,
        r"bunechko|bounetchko|bunetschko|бунечк\w{1,2}",
        r"vitalii|vitaliy|vitali|witalij|віталій|виталий",
    ),
    Official(
        "Ihor Taburets (Cherkasy Oblast governor)",
        Side.UA,
        r"taburets|tabourets|taburez|табурець|табурц\w{1,2}|табурец",
        r"ihor|igor|ігор|игорь",
    ),
    Official(
        "Ivan Rudnytskyi (Volyn Oblast governor)",
        Side.UA,
        r"(?:ivan|iwan|іван\w{0,2}|иван\w{0,2})\s+(?:rudnytskyi|rudnytskyy|rudnyzkyj|рудницьк\w{1,3}|рудницк\w{1,3})",
    ),
    Official(
        "Oleksandr Koval (Rivne Oblast governor)",
        Side.UA,
        r"(?:oleksandr|olexandr|alexander|олександр\w{0,2}|александр\w{0,2})\s+(?:koval|коваль|коваля|ковалем)",
    ),
    Official(
        "Tymur Tkachenko (Kyiv city military administration head)",
        Side.UA,
        r"(?:tymur|timur|tymour|тимур\w{0,2})\s+(?:tkachenko|tkatchenko|tkatschenko|ткаченк\w{1,2})",
    ),
    Official(
        "Oleh Kiper (Odesa Oblast governor)",
        Side.UA,
        rf"kiper|кіпер{_CASE}|кипер{_CASE}",
        r"oleh|oleg|олег",
    ),
    Official(
        "Mykola Kalashnyk (Kyiv Oblast governor)",
        Side.UA,
        rf"kalashnyk|kalachnyk|kalaschnyk|калашник{_CASE}",
        r"mykola|nikolai|микола|николай",
    ),
    Official(
        "Ihor Terekhov (Kharkiv mayor)",
        Side.UA,
        rf"terekhov|terechow|terekhow|терехов{_CASE}",
        r"ihor|igor|ігор|игорь",
    ),
    Official(
        "Borys Filatov (Dnipro mayor)",
        Side.UA,
        rf"filatov|filatow|філатов{_CASE}|филатов{_CASE}",
        r"borys|boris|борис",
    ),
    Official(
        "Oleksandr Vilkul (Kryvyi Rih military administration head)",
        Side.UA,
        rf"vilkul|wilkul|вілкул{_CASE}|вилкул{_CASE}",
        r"oleksandr|olexandr|alexander|олександр|александр",
    ),
    Official(
        "Vitali Klitschko (Kyiv mayor)",
        Side.UA,
        r"klitschko|klitchko|klychko|кличко",
        r"vitali|vitaly|vitalii|witali|віталій|виталий",
    ),
    # Russian governors and mayors
    Official(
        "Vyacheslav Gladkov (Belgorod Oblast governor, Russia)",
        Side.RU,
        rf"gladkov|gladkow|hladkov|гладков{_CASE}",
        r"vyacheslav|viacheslav|viatcheslav|wjatscheslaw|вячеслав|в['’]ячеслав",
    ),
    Official(
        "Alexander Khinshtein (Kursk Oblast governor, Russia)",
        Side.RU,
        r"khinshtein|khinshteyn|khinchtein|chinstein|chinschtein|"
        rf"хинштейн{_CASE}|хінштейн{_CASE}",
        r"alexander|aleksandr|alexandre|александр|олександр",
    ),
    Official(
        "Alexander Bogomaz (Bryansk Oblast governor, Russia)",
        Side.RU,
        rf"bogomaz|bohomaz|богомаз{_CASE}",
        r"alexander|aleksandr|alexandre|александр|олександр",
    ),
    Official(
        "Yuri Slyusar (Rostov Oblast governor, Russia)",
        Side.RU,
        rf"slyusar|sliousar|sljussar|слюсар{_CASE}",
        r"yuri|yury|iouri|juri|юрий|юрій",
    ),
    Official(
        "Andrei Klychkov (Oryol Oblast governor, Russia)",
        Side.RU,
        rf"klychkov|klytchkov|klytschkow|клычков{_CASE}",
        r"andrei|andrey|andreï|andrej|андрей|андрій",
    ),
    Official(
        "Alexander Gusev (Voronezh Oblast governor, Russia)",
        Side.RU,
        rf"gusev|goussev|gussew|гусев{_CASE}|гусєв{_CASE}",
        r"alexander|aleksandr|alexandre|олександр|александр",
    ),
    Official(
        "Roman Busargin (Saratov Oblast governor, Russia)",
        Side.RU,
        rf"busargin|boussarguine|bussargin|бусаргин{_CASE}|бусаргін{_CASE}",
        r"roman|роман",
    ),
    Official(
        "Veniamin Kondratyev (Krasnodar Krai governor, Russia)",
        Side.RU,
        rf"kondratyev|kondratiev|kondratjew|кондратьев{_CASE}|кондратьєв{_CASE}",
        r"veniamin|вениамин|веніамін",
    ),
    Official(
        "Rustam Minnikhanov (head of Tatarstan, Russia)",
        Side.RU,
        rf"minnikhanov|minnikhanow|minnichanow|минниханов{_CASE}|мінніханов{_CASE}",
        r"rustam|рустам",
    ),
    Official(
        "Sergei Sobyanin (Moscow mayor)",
        Side.RU,
        rf"sobyanin|sobianine|sobjanin|собянин{_CASE}|собянін{_CASE}",
        r"sergei|sergey|sergueï|sergej|сергей|сергій",
    ),
    # heads the occupation installed
    Official(
        "Vladimir Saldo (Russian-installed head of Kherson Oblast)",
        Side.RU,
        r"saldo|сальдо",
        r"vladimir|volodymyr|wladimir|владимир|володимир",
    ),
    Official(
        "Yevgeny Balitsky (Russian-installed head of Zaporizhzhia Oblast)",
        Side.RU,
        r"balitsky|balitskiy|balitski|balitskii|balizki|balytskyi|"
        r"балицк(?:ий|ого|ому|им|ом)|балицьк(?:ий|ого|ому|им)",
        r"yevgeny|evgeny|ievgueni|evgueni|jewgeni|yevhen|евгений|євген",
    ),
    Official(
        "Vladimir Rogov (Russian-installed official in Zaporizhzhia Oblast)",
        Side.RU,
        rf"rogov|rogow|рогов{_CASE}",
        r"vladimir|volodymyr|wladimir|владимир|володимир",
    ),
    Official(
        "Sergei Aksyonov (Russian-installed head of Crimea)",
        Side.RU,
        r"aksyonov|aksenov|aksionov|axionov|aksjonow|"
        rf"аксёнов{_CASE}|аксенов{_CASE}|аксьонов{_CASE}",
        r"sergei|sergey|sergueï|sergej|сергей|сергій",
    ),
    Official(
        "Mikhail Razvozhayev (Russian-installed governor of Sevastopol)",
        Side.RU,
        r"razvozhayev|razvozhaev|razvojaïev|razvojaev|raswoschajew|"
        rf"развожаев{_CASE}|развожаєв{_CASE}",
        r"mikhail|mykhailo|michail|mikhaïl|михаил|михайло",
    ),
    Official(
        "Denis Pushilin (Russian-installed head of Donetsk Oblast)",
        Side.RU,
        rf"pushilin|pouchiline|puschilin|пушилин{_CASE}|пушилін{_CASE}",
        r"denis|denys|денис",
    ),
    Official(
        "Leonid Pasechnik (Russian-installed head of Luhansk Oblast)",
        Side.RU,
        rf"pasechnik|passetchnik|pasetschnik|пасечник{_CASE}",
        r"leonid|леонид|леонід",
    ),
)

# The titles the news gives them, right before the name ("губернатор Гладков", "le maire Igor
# Terekhov", "Мэр Севастополя Развожаев").
TITLE_WORDS = (
    r"governor|gouverneur\w*|mayor|maire|bürgermeister|губернатор\w*|мэр\w*|мер|голов[аи]|"
    r"глав[аы]|начальник\w*"
)

# Surnames of the people reports quote (the officials above, and war correspondents whose
# names read like villages: "Поддубный" ~ Piddubne): speaking, they are no place ("Терехов:
# влучання в будинок", "Gladkov said").
QUOTED_PEOPLE = re.compile(
    "|".join(official.names for official in OFFICIALS)
    # (the surname's own endings: the village is Піддубне, Поддубное, Poddubnoye)
    + r"|poddubn(?:y|yi|iy|yy|ij|yj)|поддубн(?:ый|ого|ому|ым)|піддубн(?:ий|ого|ому|им)"
    + r"|podolyak\w*|podoliak\w*|подоляк\w*"
    # (a governor known by surname alone: "Кім: …")
    + r"|kim|кім|ким"
    # (a milblogger's name: "Котёнок: …", not the village Kotenky)
    + r"|котёнок|котенок|kotyonok",
    re.IGNORECASE,
)


def _oblast_of(label: str) -> str | None:
    match = re.search(r"\b([A-Z][a-z]+ Oblast)\b", label)
    return match.group(1) if match else None


# The officials who head an oblast, and the oblast ("Губернатор Гладков:" writes of Belgorod
# Oblast), as one pattern per official
OBLAST_HEADS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(rf"(?<!\w)(?:{official.pattern})(?!\w)", re.IGNORECASE), oblast)
    for official in OFFICIALS
    if (oblast := _oblast_of(official.label)) is not None
)
