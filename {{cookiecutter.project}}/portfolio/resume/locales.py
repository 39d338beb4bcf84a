"""What resumes in other languages write, as data: month names, the words for "present", the words between the
two dates of a range, and the words of section headings. One table per language; the reader joins them, so
a resume in any of these languages reads without saying which it is (front matter `lang:` names it for the
PDF and the page).

Where the words come from: month names and their abbreviations are the Unicode CLDR's (v44, gregorian
calendar, format "wide" and "abbreviated", plus the genitive forms Polish dates use and the Levantine month
names Arabic also uses); the words for "present", the range words and the section headings are the ones
resume guides and job sites in each language use, written out here by hand.
"""

from __future__ import annotations

# Month names, January first; each entry lists every way of writing that month (full, abbreviated, genitive).
MONTHS: dict[str, tuple[tuple[str, ...], ...]] = {
    "de": (("januar", "jan", "jän", "jänner"), ("februar", "feb"), ("märz", "mär", "mrz"), ("april", "apr"), ("mai",),
           ("juni", "jun"), ("juli", "jul"), ("august", "aug"), ("september", "sep", "sept"), ("oktober", "okt"),
           ("november", "nov"), ("dezember", "dez")),
    "fr": (("janvier", "janv", "jan"), ("février", "févr", "fév", "fevrier", "fevr"), ("mars",), ("avril", "avr"), ("mai",),
           ("juin",), ("juillet", "juil"), ("août", "aout"), ("septembre", "sept", "sep"), ("octobre", "oct"),
           ("novembre", "nov"), ("décembre", "déc", "decembre", "dec")),
    "es": (("enero", "ene"), ("febrero", "feb"), ("marzo", "mar"), ("abril", "abr"), ("mayo", "may"), ("junio", "jun"),
           ("julio", "jul"), ("agosto", "ago"), ("septiembre", "setiembre", "sept", "sep", "set"), ("octubre", "oct"),
           ("noviembre", "nov"), ("diciembre", "dic")),
    "pt": (("janeiro", "jan"), ("fevereiro", "fev"), ("março", "marco", "mar"), ("abril", "abr"), ("maio", "mai"),
           ("junho", "jun"), ("julho", "jul"), ("agosto", "ago"), ("setembro", "set"), ("outubro", "out"),
           ("novembro", "nov"), ("dezembro", "dez")),
    "it": (("gennaio", "gen"), ("febbraio", "feb"), ("marzo", "mar"), ("aprile", "apr"), ("maggio", "mag"),
           ("giugno", "giu"), ("luglio", "lug"), ("agosto", "ago"), ("settembre", "set"), ("ottobre", "ott"),
           ("novembre", "nov"), ("dicembre", "dic")),
    "nl": (("januari", "jan"), ("februari", "feb"), ("maart", "mrt", "mar"), ("april", "apr"), ("mei",), ("juni", "jun"),
           ("juli", "jul"), ("augustus", "aug"), ("september", "sep", "sept"), ("oktober", "okt"), ("november", "nov"),
           ("december", "dec")),
    "pl": (("styczeń", "stycznia", "sty"), ("luty", "lutego", "lut"), ("marzec", "marca", "mar"),
           ("kwiecień", "kwietnia", "kwi"), ("maj", "maja"), ("czerwiec", "czerwca", "cze"), ("lipiec", "lipca", "lip"),
           ("sierpień", "sierpnia", "sie"), ("wrzesień", "września", "wrz"), ("październik", "października", "paź"),
           ("listopad", "listopada", "lis"), ("grudzień", "grudnia", "gru")),
    "sv": (("januari", "jan"), ("februari", "feb"), ("mars", "mar"), ("april", "apr"), ("maj",), ("juni", "jun"),
           ("juli", "jul"), ("augusti", "aug"), ("september", "sep", "sept"), ("oktober", "okt"), ("november", "nov"),
           ("december", "dec")),
    "tr": (("ocak", "oca"), ("şubat", "şub", "sub"), ("mart", "mar"), ("nisan", "nis"), ("mayıs", "may"),
           ("haziran", "haz"), ("temmuz", "tem"), ("ağustos", "ağu", "agu"), ("eylül", "eyl"), ("ekim", "eki"),
           ("kasım", "kas"), ("aralık", "ara")),
    "ar": (("يناير", "كانون الثاني"), ("فبراير", "شباط"), ("مارس", "آذار"), ("أبريل", "إبريل", "ابريل", "نيسان"),
           ("مايو", "أيار"), ("يونيو", "يونيه", "حزيران"), ("يوليو", "يوليه", "تموز"), ("أغسطس", "آب"),
           ("سبتمبر", "أيلول"), ("أكتوبر", "تشرين الأول"), ("نوفمبر", "تشرين الثاني"), ("ديسمبر", "كانون الأول")),
    "he": (("ינואר",), ("פברואר",), ("מרץ", "מרס"), ("אפריל",), ("מאי",), ("יוני",), ("יולי",), ("אוגוסט",),
           ("ספטמבר",), ("אוקטובר",), ("נובמבר",), ("דצמבר",)),
}
# The characters of Chinese, Japanese and Korean text, which runs without spaces between words: kana, CJK
# ideographs, Hangul, and their full-width punctuation and forms (a regular-expression character range).
CJK_CHARACTERS = "\u3000-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef"
# Languages written right to left (the primary subtag of `lang:`): the page gets dir="rtl", and the ATS check
# reads a line's runs in the order the Unicode Bidirectional Algorithm gives (portfolio.pdf_reading).
RIGHT_TO_LEFT = frozenset({"ar", "he", "fa", "ur", "yi", "ps", "sd", "ug", "dv"})


def is_right_to_left(lang: str) -> bool:
    return (lang or "en").split("-")[0].lower() in RIGHT_TO_LEFT


# Chinese, Japanese and Korean write "2021年4月" / "2021년 4월": numbers with these marks after them.
YEAR_MARKS = "年년"
MONTH_MARKS = "月월"
DAY_MARKS = "日일"

# An ongoing role's end, as resumes write it.
PRESENT: dict[str, tuple[str, ...]] = {
    "de": ("heute", "bis heute", "aktuell", "derzeit", "jetzt", "laufend"),
    "fr": ("aujourd'hui", "aujourd’hui", "présent", "actuellement", "en cours", "ce jour"),
    "es": ("actualidad", "la actualidad", "presente", "actual", "hoy"),
    "pt": ("atual", "atualmente", "presente", "o momento", "hoje"),
    "it": ("presente", "oggi", "in corso", "attuale"),
    "nl": ("heden", "nu", "huidig"),
    "pl": ("obecnie", "teraz", "nadal", "do teraz", "do chwili obecnej"),
    "sv": ("nu", "pågående", "idag", "i dag", "tills vidare"),
    "tr": ("günümüz", "halen", "devam ediyor", "şu an", "hâlen"),
    "ja": ("現在", "在職中", "至今"),
    "zh": ("至今", "现在", "現在", "今"),
    "ko": ("현재", "재직 중", "재직중"),
    "ar": ("حتى الآن", "حالياً", "حاليا", "الآن", "الحاضر"),
    "he": ("היום", "כיום", "הווה", "עד היום"),
}
# Words that stand between the two dates of a range ("2019 bis 2021"), besides the dashes.
RANGE_WORDS: dict[str, tuple[str, ...]] = {
    "de": ("bis",), "fr": ("à", "au", "a"), "es": ("a", "hasta"), "pt": ("a", "até"), "it": ("a", "al"),
    "nl": ("tot",), "pl": ("do",), "sv": ("till",), "tr": (), "ja": ("～", "〜", "~", "から"), "zh": ("至", "到", "~", "～"),
    "ko": ("~", "～", "부터"), "ar": ("إلى", "الى", "حتى"), "he": ("עד",),
}
# Words before a start date that mean the role goes on ("seit März 2022", "depuis 2021").
SINCE_WORDS: dict[str, tuple[str, ...]] = {
    "de": ("seit",), "fr": ("depuis",), "es": ("desde",), "pt": ("desde",), "it": ("dal", "da"), "nl": ("sinds",),
    "pl": ("od",), "sv": ("sedan",), "tr": (), "ja": (), "zh": (), "ko": (), "ar": ("منذ",), "he": ("מאז",),
}

# Section headings, as regular expressions searched in the heading (case-insensitive), by section kind.
HEADINGS: dict[str, str] = {
    "summary": (
        r"\bprofil\b|kurzprofil|zusammenfassung|über mich|\bprofilo\b|\bperfil\b|resumen|\bresumo\b|sommario|"
        r"profiel|samenvatting|podsumowanie|o mnie|sammanfattning|\bözet|hakkımda|"
        r"職務要約|自己pr|自己紹介|概要|个人简介|個人簡介|自我评价|简介|簡介|자기소개|소개|요약|نبذة|ملخص|تقديم|תקציר|פרופיל|על עצמי"
    ),
    "skills": (
        r"kenntnis|fähigkeit|kompetenz|compétenc|habilidad|conocimiento|competênci|competenz|vaardighe|\bkennis\b|"
        r"umiejętnoś|kompetens|kunskap|färdighet|yetenek|beceri|スキル|技術|技能|专业技能|技术|기술|역량|مهار|כישור|מיומנו"
    ),
    "projects": (
        r"projekt|projet|proyecto|projeto|progett|\bproje|プロジェクト|個人開発|项目|項目|專案|프로젝트|مشار|مشروع|פרויקט"
    ),
    "education": (
        r"ausbildung|studium|bildung|\bformation\b|diplôme|études|formación|educaci|estudios|formação|educação|"
        r"escolaridade|istruzione|formazione|opleiding|wykształcenie|edukacj|utbildning|eğitim|öğrenim|"
        r"学歴|学历|學歷|教育|학력|تعليم|مؤهل|دراس|השכלה|לימודים"
    ),
    "volunteer": r"ehrenamt|bénévol|voluntari|vrijwillig|wolontar|ideell|gönüllü|ボランティア|志愿|志願|봉사|تطوع|התנדבות",
    "certificates": r"zertifi|certifica|certificaz|certificering|certyfikat|sertifika|資格|证书|證書|證照|자격|شهاد|תעוד|הסמכ",
    "awards": r"auszeichnung|distinction|prix|premio|prêmio|premi\b|onderscheiding|nagrod|utmärkels|ödül|受賞|获奖|獲獎|荣誉|榮譽|수상|جوائز|جائزة|פרס",
    "publications": r"veröffentlich|publikation|publica|pubblicaz|publicatie|publikacj|yayın|論文|发表|發表|논문|منشور|פרסומ",
    "interests": r"interessen|hobby|intérêt|loisir|intereses|aficion|interesse|hobbies|zainteresowan|intressen|ilgi alan|趣味|兴趣|興趣|취미|관심|اهتمام|هواي|תחביב",
    "experience": (
        r"erfahrung|werdegang|berufspraxis|expérience|experiencia|trayectoria|experiência|esperienz|ervaring|"
        r"loopbaan|doświadczeni|erfarenhet|anställning|deneyim|tecrübe|職歴|職務経歴|経歴|工作经|工作經|经历|經歷|"
        r"경력|خبر|ניסיון"
    ),
}


# Words of the usual section headings, per language, that tell the language of a resume whose dates do not (all
# numbers, or a word for "present" several languages share). A word two languages share tells nothing and is
# left out by detect(). Chinese, Japanese, Korean, Arabic and Hebrew are told by their script.
HEADING_WORDS: dict[str, tuple[str, ...]] = {
    "de": ("berufserfahrung", "erfahrung", "werdegang", "ausbildung", "kenntnisse", "fachkenntnisse", "fähigkeiten",
           "kompetenzen", "sprachen", "zusammenfassung", "kurzprofil", "projekte", "bildungsweg", "studium"),
    "fr": ("expérience", "expériences", "compétences", "langues", "projets", "diplômes", "études"),
    "es": ("experiencia", "formación", "educación", "habilidades", "conocimientos", "idiomas", "proyectos",
           "resumen", "estudios", "trayectoria", "laboral"),
    "pt": ("experiência", "formação", "educação", "competências", "habilidades", "idiomas", "projetos", "resumo",
           "profissional", "acadêmica"),
    "it": ("esperienza", "esperienze", "istruzione", "formazione", "competenze", "lingue", "progetti", "sommario",
           "profilo", "lavorative"),
    "nl": ("werkervaring", "ervaring", "opleiding", "opleidingen", "vaardigheden", "talen", "projecten",
           "samenvatting", "profiel"),
    "pl": ("doświadczenie", "zawodowe", "wykształcenie", "umiejętności", "języki", "projekty", "podsumowanie"),
    "sv": ("erfarenhet", "arbetslivserfarenhet", "utbildning", "kompetenser", "färdigheter", "språk",
           "sammanfattning"),
    "tr": ("deneyim", "deneyimi", "eğitim", "yetenekler", "beceriler", "diller", "projeler", "özet"),
}


# How an import writes dates out in each language when the resume wrote them more than one way: the first
# month name of the table (capitalised where the language capitalises month names) and this word for "present".
CAPITALISED = frozenset({"de", "tr"})
WRITTEN_PRESENT = {
    "de": "heute", "fr": "aujourd’hui", "es": "actualidad", "pt": "atual", "it": "presente", "nl": "heden",
    "pl": "obecnie", "sv": "nu", "tr": "Günümüz", "ja": "現在", "zh": "至今", "ko": "현재", "ar": "حتى الآن", "he": "היום",
}


def month_name(lang: str, month: int) -> str:
    name = MONTHS[lang][month - 1][0]
    return name.capitalize() if lang in CAPITALISED else name


# Korean before Japanese before Chinese: Japanese text holds Chinese characters too, and kana tell it apart.
_SCRIPTS = (("ko", r"[\uac00-\ud7af]"), ("ja", r"[\u3040-\u30ff]"), ("zh", r"[\u4e00-\u9fff]"),
            ("ar", r"[\u0600-\u06ff]"), ("he", r"[\u0590-\u05ff]"))
# Words an English resume's dates use that another table has too ("August" is German): they are no vote.
_ENGLISH = frozenset({"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
                      "april", "august", "september", "november", "december", "present", "now"})


def detect(texts: list[str]) -> str | None:
    """The language these texts (a resume's dates and headings) are written in, when they say: the script for
    Chinese, Japanese, Korean, Arabic and Hebrew, else the month names, words for "present" and heading words
    only one language's table has. None when nothing points anywhere (an English resume)."""
    import re

    joined = " ".join(texts)
    for lang, letters in _SCRIPTS:
        if re.search(letters, joined):
            return lang
    owners: dict[str, set[str]] = {}
    for lang, months in MONTHS.items():
        for names in months:
            for name in names:
                owners.setdefault(name, set()).add(lang)
    for table in (PRESENT, HEADING_WORDS):
        for lang, words in table.items():
            for word in words:
                owners.setdefault(word, set()).add(lang)
    votes: dict[str, int] = {}
    folded = joined.casefold()
    for phrase, langs in owners.items():  # "in corso", "bis heute", "tills vidare"
        if " " in phrase and len(langs) == 1 and phrase in folded:
            lang = next(iter(langs))
            votes[lang] = votes.get(lang, 0) + 1
    for word in re.findall(r"[^\W\d_]+(?:['’][^\W\d_]+)?", folded):
        langs = owners.get(word, set())
        if len(langs) == 1 and word not in _ENGLISH:
            lang = next(iter(langs))
            votes[lang] = votes.get(lang, 0) + 1
    return max(votes, key=lambda lang: (votes[lang], lang)) if votes else None


def month_words() -> dict[str, int]:
    """Every month word of every table, lower-cased, to its month number (a word two languages share means
    the same month in both)."""
    words: dict[str, int] = {}
    for months in MONTHS.values():
        for number, names in enumerate(months, start=1):
            for name in names:
                assert words.get(name, number) == number, name
                words[name] = number
    return words


def words_of(table: dict[str, tuple[str, ...]]) -> list[str]:
    """Every word of a table, longest first (so "bis heute" wins over "heute" in an alternation)."""
    return sorted({word for words in table.values() for word in words}, key=lambda word: (-len(word), word))
