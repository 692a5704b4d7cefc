"""Rulebooks: the rules as data and the evaluator (pure Python, no Django, no database).

Public surface for the other apps:

- :func:`zorgvuldig.rulebooks.evaluator.evaluate` / ``evaluate_all``: actor + context +
  action + signals -> one :class:`~zorgvuldig.rulebooks.types.Verdict` per jurisdiction;
- :func:`zorgvuldig.rulebooks.evaluator.content_in_view`: which target posts existed on
  the check date;
- :func:`zorgvuldig.rulebooks.loader.load_rulebooks` and ``rulebook_for``; the file
  format, :class:`~zorgvuldig.rulebooks.schema.Rule` and ``RulebookError`` in
  :mod:`zorgvuldig.rulebooks.schema`;
- the value types in :mod:`zorgvuldig.rulebooks.types`;
- :func:`zorgvuldig.rulebooks.check.run_check`: one whole case (the self-check contract
  of shared/cases/README.md) validated, its signals found and weighed; used by the
  employee's self-check and by the advisors' view of an inquiry's established conduct.
  The case contract itself (``parse_case``, ``CaseError`` and the helpers the forms use)
  is :mod:`zorgvuldig.rulebooks.cases`;
- :func:`zorgvuldig.rulebooks.questions.check_with_questions` (and
  ``decisive_questions``, ``TOLD``): the same check with the questions to the employee
  whose answer would change a verdict's level, each with what the text suggests
  (:mod:`zorgvuldig.rulebooks.suggestions`); used by the self-check page and API.

The rules live in ``data/<jurisdiction>/<version>.yaml`` (NL: Ambtenarenwet art. 125a
before 2020, Ambtenarenwet 2017 art. 10 and the Gedragscode Integriteit Rijk 2019 from
2020; US: the Hatch Act, 5 U.S.C. 7321-7326; UK: the Civil Service Code and Management
Code 4.4). See ``schema.py`` for the file format.
"""
