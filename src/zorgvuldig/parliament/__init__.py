"""Parliamentary documents and their terms: pure Python, no Django (an import-linter contract).

- :mod:`.parsing`: read the text of an inquiry (Kamervragen, answers, a works council memo, a
  journalist's questions) into a :class:`.types.ParsedInquiry`; :mod:`.layout` finds its
  numbered blocks, footnotes and dates, :mod:`.header` its askers and addressees;
- :mod:`.formats`: turn an uploaded or fetched document (text, HTML, PDF, .docx,
  officielebekendmakingen XML) into clean text for the parser;
- :mod:`.tkapi`: read a Tweede Kamer open-data ``Zaak`` record (OData, gegevensmagazijn);
- :mod:`.opendata`: fetch a Zaak and its question text by number (httpx);
- :mod:`.terms`: the answer term of an assembly, for the Tweede Kamer three weeks or six
  after a postponement notice (its Reglement van Orde), with the shipped terms' sources;
- :mod:`.assemblies`: the assembly that put written questions (Tweede Kamer, Eerste Kamer,
  Provinciale Staten, gemeenteraad) and the terms an organisation sets for its assemblies;
- :mod:`.calendars`: public holidays per country, an organisation's own holidays, business
  days.

Used by ``inquiries`` (intake, deadlines, milestones) and by ``zorgvuldig questions parse``.
"""
