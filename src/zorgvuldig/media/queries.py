"""The one check of who may check coverage of a case.

The case itself is access-checked by ``inquiries.queries.get_inquiry_for``. The coverage
panel on the case page and :func:`zorgvuldig.media.services.check_article` both ask
:func:`may_check_coverage`, so the article form is shown to exactly the people the service
accepts.
"""

from __future__ import annotations

from zorgvuldig.core.choices import Role
from zorgvuldig.core.models import User
from zorgvuldig.inquiries.models import Inquiry

#: Roles that may check coverage of a case they are assigned to.
CHECK_ROLES = (
    Role.COMMUNICATIONS,
    Role.CASE_HANDLER,
    Role.HR_ADVISOR,
    Role.LEGAL_ADVISOR,
)


def may_check_coverage(user: User, inquiry: Inquiry) -> bool:
    """Whether ``user`` may check articles against ``inquiry``: an assigned communications
    officer, case handler, HR advisor or legal advisor, or someone acting for one by a
    delegation in force; never an employee the inquiry concerns (``Inquiry.acts_as``)."""
    return inquiry.acts_as(user, *CHECK_ROLES)
