"""One news article, written for the tests as a web page, a Word document and a PDF.

The three carry the same title and paragraphs, so the bodies Sourcetrack reads from them must
be identical, and with them the statements. The page wraps the article in everything a news
site adds; the PDF has running headers, page numbers and words hyphenated at line ends.
"""

from __future__ import annotations

import io
import json
from datetime import UTC, datetime
from pathlib import Path

TITLE = "Des soldats nord-coréens engagés à Koursk, selon Séoul"
OUTLET = "Le Quotidien du Matin"
AUTHOR = "Claire Martin"
PUBLISHED = "2024-11-05"
URL = "https://www.quotidien.example/monde/2024/11/05/soldats-nord-coreens-koursk"
PARAGRAPHS = [
    "Les forces nord-coréennes déployées en Russie auraient subi environ 1.100 pertes, "
    "a révélé mardi l’état-major sud-coréen.",
    "Selon des déclarations ukrainiennes, les troupes nord-coréennes seraient engagées dans la "
    "région de Koursk depuis plusieurs semaines.",
    "Le Kremlin continue de nier ou d’éluder ces informations, qualifiées de « rumeurs » par "
    "son porte-parole. Moscou n’a publié aucun chiffre.",
    "Pour Séoul, cette coopération militaire pourrait offrir à Pyongyang un accès à des "
    "technologies sensibles.",
]
BODY = "\n\n".join(PARAGRAPHS)

# What a news site puts around an article; none of it may reach the body.
PAGE_CHROME = [
    "Nous utilisons des cookies",
    "Accueil",
    "Politique",
    "Partager sur Facebook",
    "Partager sur X",
    "À lire aussi",
    "La Corée du Nord teste un nouveau missile",
    "Kyiv demande plus d’aide militaire",
    "Commentaires",
    "Tout cela est de la propagande",
    "Tous droits réservés",
    "SCRIPT TEXT",
    "STYLE TEXT",
    "IFRAME TEXT",
    "Abonnez-vous",
]


def news_page(paragraphs: list[str] | None = None, *, headline: str = TITLE, url: str = URL) -> str:
    """A saved news page: the article inside menus, banners, scripts, share and related links."""
    article = "\n".join(f"<p>{p}</p>" for p in (paragraphs or PARAGRAPHS))
    json_ld = json.dumps(
        {
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "headline": headline,
            "datePublished": f"{PUBLISHED}T08:30:00+01:00",
            "author": {"@type": "Person", "name": AUTHOR},
            "publisher": {"@type": "Organization", "name": OUTLET},
            "mainEntityOfPage": url,
        },
        ensure_ascii=False,
    )
    return f"""<!DOCTYPE html>
<html lang="fr">
<head>
<meta charset="utf-8">
<title>{headline} | {OUTLET}</title>
<meta property="og:title" content="{headline}">
<meta property="og:site_name" content="{OUTLET}">
<meta property="og:type" content="article">
<link rel="canonical" href="{url}">
<meta name="author" content="{AUTHOR}">
<meta property="article:published_time" content="{PUBLISHED}T08:30:00+01:00">
<script type="application/ld+json">{json_ld}</script>
<script>document.write("<p>SCRIPT TEXT</p>"); fetch("http://127.0.0.1:9/tracker");</script>
<style>.x::before {{ content: "STYLE TEXT"; }}</style>
</head>
<body>
<div id="cookie-banner" class="cookie-consent"><p>Nous utilisons des cookies pour mesurer
l’audience. Acceptez-vous les cookies ?</p><button>Accepter</button><button>Refuser</button></div>
<header><nav class="menu"><ul><li><a href="/">Accueil</a></li><li><a href="/monde">Monde</a>
</li><li><a href="/politique">Politique</a></li><li><a href="/eco">Économie</a></li></ul></nav>
</header>
<main>
<article>
<h1>{headline}</h1>
<div class="share"><a href="https://facebook.example/share">Partager sur Facebook</a>
<a href="https://x.example/share">Partager sur X</a></div>
{article}
<iframe src="http://127.0.0.1:9/frame">IFRAME TEXT</iframe>
<div class="newsletter"><p>Abonnez-vous à notre lettre quotidienne.</p></div>
</article>
<aside class="related"><h2>À lire aussi</h2><ul>
<li><a href="/a">La Corée du Nord teste un nouveau missile</a></li>
<li><a href="/b">Kyiv demande plus d’aide militaire</a></li>
<li><a href="/c">Poutine reçoit Kim Jong-un au Kremlin</a></li></ul></aside>
<section id="comments" class="comments"><h3>Commentaires</h3>
<div class="comment"><p>Un lecteur : Tout cela est de la propagande, évidemment.</p></div>
</section>
</main>
<footer><p>© 2024 {OUTLET}. Tous droits réservés.</p><a href="/mentions">Mentions légales</a>
</footer>
</body>
</html>
"""


def write_docx(
    path: Path,
    *,
    title: str = TITLE,
    paragraphs: list[str] | None = None,
    title_property: bool = True,
) -> Path:
    """The article as a Word document: a Title paragraph, then the paragraphs; a page header."""
    import docx

    document = docx.Document()
    if title_property:
        document.core_properties.title = title
    document.core_properties.created = datetime(2024, 11, 5, 8, 30, tzinfo=UTC)
    document.sections[0].header.paragraphs[0].text = f"{OUTLET} — page header"
    document.add_heading(title, level=0)
    for paragraph in PARAGRAPHS if paragraphs is None else paragraphs:
        document.add_paragraph(paragraph)
    document.save(path)
    return path


# The article laid out by hand on two A4 pages, as a typesetter would: lines broken inside
# words with a hyphen ("per-/tes", "ré-/gion"), once at a compound's own hyphen
# ("nord-/coréennes", which the text spells with a hyphen elsewhere), a paragraph running
# across the page break, a running header and page numbers.
PDF_PAGES = [
    [
        ("title", TITLE),
        ("gap", ""),
        ("line", "Les forces nord-coréennes déployées en Russie auraient subi environ 1.100 per-"),
        ("line", "tes, a révélé mardi l’état-major sud-coréen."),
        ("gap", ""),
        ("line", "Selon des déclarations ukrainiennes, les troupes nord-"),
        ("line", "coréennes seraient engagées dans la région de Koursk depuis plusieurs se-"),
        ("line", "maines."),
        ("gap", ""),
        ("line", "Le Kremlin continue de nier ou d’éluder ces informations, qualifiées de"),
    ],
    [
        ("line", "« rumeurs » par son porte-parole. Moscou n’a publié aucun chiffre."),
        ("gap", ""),
        ("line", "Pour Séoul, cette coopération militaire pourrait offrir à Pyongyang un ac-"),
        ("line", "cès à des technologies sensibles."),
    ],
]


def write_pdf(
    path: Path, pages: list[list[tuple[str, str]]] | None = None, *, title: str = TITLE
) -> Path:
    """A PDF with a text layer (reportlab's built-in Helvetica: no font file is needed).

    Its WinAnsi encoding has é, ’, « » and the non-breaking space, so the test does not
    depend on a TrueType font being installed.
    """
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    pages = PDF_PAGES if pages is None else pages
    width, height = A4
    pdf = canvas.Canvas(str(path), pagesize=A4)
    pdf.setTitle(title)
    pdf.setAuthor(AUTHOR)
    for number, lines in enumerate(pages, start=1):
        pdf.setFont("Helvetica", 8)
        pdf.drawString(72, height - 40, f"{OUTLET} — mardi 5 novembre 2024")
        pdf.drawCentredString(width / 2, 30, f"Page {number} sur {len(pages)}")
        y = height - 90
        for kind, text in lines:
            if kind == "gap":
                y -= 8
                continue
            if kind == "title":
                pdf.setFont("Helvetica-Bold", 15)
            else:
                pdf.setFont("Helvetica", 11)
            pdf.drawString(72, y, text)
            y -= 22 if kind == "title" else 14
        pdf.showPage()
    pdf.save()
    return path


def write_image_only_pdf(path: Path) -> Path:
    """A 'scanned' page: a picture of text, with no text layer at all."""
    from PIL import Image, ImageDraw
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    image = Image.new("L", (600, 300), 255)
    draw = ImageDraw.Draw(image)
    for row in range(8):  # lines of "text" as grey bars, the way a scan looks to a reader
        draw.rectangle((40, 30 + row * 30, 560 - (row % 3) * 60, 44 + row * 30), fill=60)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    buffer.seek(0)
    pdf = canvas.Canvas(str(path), pagesize=A4)
    pdf.drawImage(ImageReader(buffer), 72, 400, width=450, height=225)
    pdf.showPage()
    pdf.save()
    return path
