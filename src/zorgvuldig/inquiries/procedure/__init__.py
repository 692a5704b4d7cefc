"""The procedure's rules, apart from the state field that carries them (``models/inquiry.py``).

- :mod:`.guards`: the conditions of the transitions, small named predicates over an inquiry;
- :mod:`.permissions`: who may record what, in which states (one table for services and pages);
- :mod:`.approval`: approval in layers, four eyes, one layer per person per round;
- :mod:`.advisors`: whose advice an inquiry needs (HR, Legal and the organisation's own);
- :mod:`.organisation`: an organisation's procedure settings and holiday calendar;
- :mod:`.milestones`: internal target and fatal days per step, in business days;
- :mod:`.steps`: the steps as people name them;
- :mod:`.diagram`: the procedure diagram generated from the state machine.

Other apps use none of these directly: they go through ``inquiries.services`` and
``inquiries.queries``.
"""
