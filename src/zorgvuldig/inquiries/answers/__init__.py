"""The answer to an inquiry: grouped answers, the checks of what a draft says about the
employee, and the documents (Word and PDF) made from it.

- :mod:`.grouping`: one answer text for several questions ("Antwoord 2, 3 en 4");
- :mod:`.check`: measure words, the employee's name and the organisation's position in a draft;
- :mod:`.documents`: the documents, their templates (``document_templates/``) and which of
  them exists in which state.
"""
