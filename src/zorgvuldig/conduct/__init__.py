"""Judging a case of online conduct: what the self-check and the inquiry's conduct card share.

The employee's self-check (``selfcheck``) and the inquiry's established conduct
(``inquiries``) both describe one act of online conduct as a self-check case
(shared/cases/README.md, "Self-check"), have the rulebooks judge it with
:func:`zorgvuldig.rulebooks.check.run_check` and show the verdicts. What they share lives
here, once:

- :mod:`.choices`: the translated labels of the case's codes (jurisdictions, positions,
  accounts, actions, target kinds), in the employee's words and in a case handler's;
- :mod:`.cases`: the one case builder of both forms (:func:`.cases.build_case`, with the
  target's fields, the reading of its dated posts and what keeps an act from being judged)
  and the stored shape of a case (:func:`.cases.normalised`);
- :mod:`.verdicts`: the labels of a verdict's level and the one verdict presenter
  (:func:`.verdicts.label_verdicts`, :func:`.verdicts.version_note`).

What differs stays with each page: the self-check's highlighted words and signal names
(``selfcheck.presenting``), the conduct card's description of the recorded conduct
(``inquiries.conduct_card``), and each form's wording ("you" or "the employee").

Layer: above ``core`` and the pure ``rulebooks`` and ``signals``, which it may import, and
below ``selfcheck`` and ``inquiries``, which import it (the import-linter layers contract in
``pyproject.toml``). It is a plain package, not a Django app: it has no models, templates,
admin or URLs, and its strings are translated through the project catalogue
(``LOCALE_PATHS``), so nothing needs an entry in ``INSTALLED_APPS``. Nothing here stores
or logs anything.

Public surface: the three modules named above.
"""
