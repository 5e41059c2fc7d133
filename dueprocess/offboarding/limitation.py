"""When a claim about the dismissal runs out of time, per forum, as data with its source.

Each rule says what it is counted from and where the law says so. Where the period does not run from
a day the case knows (a court claim after an arbitral award) or depends on the claim, the rule is
recorded as not modelled and says why, rather than guessing a date.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass

from django.db import models
from django.utils.translation import gettext_lazy as _


class Forum(models.TextChoices):
    CN_ARBITRATION = "cn_arbitration", _("labour dispute arbitration commission (PRC)")
    CN_COURT = "cn_court", _("people's court (PRC)")
    UK_TRIBUNAL = "uk_tribunal", _("employment tribunal (UK)")
    CA_CRD = "ca_crd", _("Civil Rights Department, formerly DFEH (California)")
    CA_COURT = "ca_court", _("court (California)")


FORUMS = {
    "CN": (Forum.CN_ARBITRATION, Forum.CN_COURT),
    "GB": (Forum.UK_TRIBUNAL,),
    "US-CA": (Forum.CA_CRD, Forum.CA_COURT),
}


@dataclass(frozen=True)
class Rule:
    article: str
    source: str
    note: object  # a lazy translation
    years: int = 0
    months: int = 0
    less_one_day: bool = False
    modelled: bool = True


RULES: dict[str, Rule] = {
    Forum.CN_ARBITRATION: Rule(
        years=1,
        article="LDAL 27",
        source="中华人民共和国劳动争议调解仲裁法 第二十七条 (2007-12-29, in force 2008-05-01), "
        "https://flk.npc.gov.cn/",
        note=_(
            "One year from the day the party knew or should have known of the infringement of their "
            "rights, taken as the last day of employment unless another day is entered. A claim made to "
            "the employer or an authority interrupts it and force majeure suspends it; neither is "
            "modelled, nor a last day falling on a public holiday (Civil Code art. 203)."
        ),
    ),
    Forum.CN_COURT: Rule(
        modelled=False,
        article="LDAL 48, 50",
        source="中华人民共和国劳动争议调解仲裁法 第四十八条、第五十条, https://flk.npc.gov.cn/",
        note=_(
            "Not modelled: a party may sue within 15 days of receiving the arbitral award, which runs "
            "from a day the case does not hold. Enter the day of receipt in the claim."
        ),
    ),
    Forum.UK_TRIBUNAL: Rule(
        months=3,
        less_one_day=True,
        article="ERA s.111(2)(a), s.207B",
        source="Employment Rights Act 1996 s.111 and s.207B, "
        "https://www.legislation.gov.uk/ukpga/1996/18/section/111, "
        "https://www.legislation.gov.uk/ukpga/1996/18/section/207B; Luton BC v Haque UKEAT/0180/17",
        note=_(
            "Unfair dismissal: three months less one day from the effective date of termination. ACAS "
            "early conciliation begun within that time stops the clock from the day after Day A to "
            "Day B, and the limit is never less than one month after Day B. The tribunal's power to "
            "extend a claim that was not reasonably practicable in time is not modelled."
        ),
    ),
    Forum.CA_CRD: Rule(
        years=3,
        article="Gov. Code 12960(e)(5)",
        source="California Government Code 12960 (AB 9, 2019), "
        "https://leginfo.legislature.ca.gov/faces/codes_displaySection.xhtml?lawCode=GOV&sectionNum=12960",
        note=_(
            "A complaint to the Civil Rights Department within three years of the unlawful practice, "
            "taken as the last day of employment. The extension for facts learnt later is not modelled."
        ),
    ),
    Forum.CA_COURT: Rule(
        modelled=False,
        article="Gov. Code 12965; CCP 335.1, 338",
        source="California Government Code 12965; Code of Civil Procedure 335.1 and 338, "
        "https://leginfo.legislature.ca.gov/",
        note=_(
            "Not modelled: it depends on the claim — a FEHA suit within one year of the Civil Rights "
            "Department's right-to-sue notice, wrongful termination in violation of public policy two "
            "years (CCP 335.1), a claim on a statute such as unpaid wages three years (CCP 338)."
        ),
    ),
}


@dataclass(frozen=True)
class Limitation:
    forum: str
    ends_on: dt.date | None
    counted_from: dt.date
    article: str
    source: str
    note: str
    extended_by_conciliation: bool = False

    @property
    def modelled(self) -> bool:
        return self.ends_on is not None

    def missed_by(self, filed_on: dt.date) -> bool:
        return self.ends_on is not None and filed_on > self.ends_on


def add_months(day: dt.date, months: int) -> dt.date:
    """The corresponding day ``months`` later; the month's last day when it has no such day (PRC
    Civil Code art. 202; in England the corresponding date rule of Dodds v Walker)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def months_less_one_day(start: dt.date, months: int) -> dt.date:
    """A period of months "beginning with" ``start`` ends the day before the corresponding day; when
    the end month has no corresponding day, on that month's last day (EDT 30 Nov: 28/29 Feb)."""
    index = start.month - 1 + months
    year, month = start.year + index // 12, index % 12 + 1
    last = calendar.monthrange(year, month)[1]
    if start.day > last:
        return dt.date(year, month, last)
    return dt.date(year, month, start.day) - dt.timedelta(days=1)


def _early_conciliation(limit: dt.date, day_a: dt.date, day_b: dt.date) -> dt.date:
    """ERA s.207B(3) then (4), in that order (Luton BC v Haque)."""
    extended = limit + (day_b - day_a)
    floor = add_months(day_b, 1)
    return floor if day_a <= extended <= floor else extended


def limitation_for(
    forum: str,
    counted_from: dt.date,
    *,
    acas_day_a: dt.date | None = None,
    acas_day_b: dt.date | None = None,
) -> Limitation:
    rule = RULES[forum]
    ends_on = None
    extended = False
    if rule.modelled:
        months = rule.years * 12 + rule.months
        if rule.less_one_day:
            ends_on = months_less_one_day(counted_from, months)
        else:
            ends_on = add_months(counted_from, months)
        # Conciliation begun after the time ran out does not revive it.
        if acas_day_a and acas_day_b and forum == Forum.UK_TRIBUNAL and acas_day_a <= ends_on:
            ends_on, extended = _early_conciliation(ends_on, acas_day_a, acas_day_b), True
    return Limitation(
        forum=forum,
        ends_on=ends_on,
        counted_from=counted_from,
        article=rule.article,
        source=rule.source,
        note=str(rule.note),
        extended_by_conciliation=extended,
    )
