"""Applications: one folder per job applied for, kept in Git with what was sent.

    record     applications/<date>-<slug>/notes.md front matter: company, role, variant, status, what was sent
    start      `./run.sh apply COMPANY --job posting.txt`: the folder, the posting, letter.md and notes.md
    letter     letter.md read, and built in the resume's look into _private/ (PDF, TXT, DOCX)
    checks     the letter checks that need the application (greeting, company, role, length, numbers)
    sent       `./run.sh apply --sent COMPANY`: the exact PDFs frozen with their SHA-256, a commit and a tag
    listing    `./run.sh applications`: every application and its status, also as a private page

Company names, postings and letters are the user's data: they name folders only through `record.slug`, go
into files as text, and are escaped in every HTML and Markdown output; nothing of them reaches a shell.
"""
