"""The default checklists (one per jurisdiction, and one for a California resignation without notice)
and the default exit-interview questionnaire. The organisation copies and edits them in the admin;
the data is written here, not imported, so that this migration never changes after it has run.

Each task: (kind, English, Chinese, owner, days after the last day, required by law, article).
"Severance" and "pay in lieu" tasks are created only when the case's assessment has such an amount.
"""

from django.db import migrations

SOURCES = {
    "CN": "LCL 50 (certificate at termination; personnel file and social insurance transferred within 15 "
    "days; severance paid when the handover is done); IR 20 (pay in lieu); IR 24 (the certificate's "
    "contents); Interim Provisions on Wage Payment art. 9 (wages paid in full on termination).",
    "GB": "WTR 1998 reg 14 (pay for leave accrued and not taken); ERA s.86 (notice), s.162 (redundancy pay); "
    "PAYE Regulations 2003 (the P45 on leaving).",
    "US-CA": "LC 201 (final wages due at discharge), LC 202 (on quitting: within 72 hours, or at once "
    "with 72 hours' notice), LC 227.3 (vested vacation paid as wages), UI Code 1089 and 22 CCR 1089-1 "
    "(notice of change in relationship, DE 2320), 29 USC 1166(a)(2) (COBRA: the employer tells the "
    "plan administrator within 30 days).",
}

COMMON_START = [
    ("handover", "Handover of work completed", "完成工作交接", "manager", 0, False, ""),
    ("assets", "Company property returned (computer, badge, documents)", "归还公司财物（电脑、工牌、文件）", "hr", 0, False, ""),
    ("access", "System and building access removed", "注销系统及门禁权限", "it", 0, False, ""),
]
EXIT = ("exit_interview", "Exit interview offered", "离职面谈", "hr", 0, False, "")

CHECKLISTS = [
    (
        "CN",
        "",
        "PRC offboarding",
        [
            *COMMON_START,
            ("final_wages", "Wages paid in full up to the last day", "一次性付清至最后工作日的工资", "payroll", 0, True,
             "Wage Payment Provisions 9"),
            ("pay_in_lieu", "Pay in lieu of notice paid", "支付代通知金", "payroll", 0, True, "IR 20"),
            ("severance", "Severance (economic compensation) paid on completion of the handover",
             "办结工作交接时支付经济补偿", "payroll", 0, True, "LCL 50"),
            ("termination_certificate", "Termination certificate issued", "出具解除劳动合同证明", "hr", 0, True,
             "LCL 50"),
            ("personnel_file", "Personnel file transferred", "办理档案转移手续", "hr", 15, True, "LCL 50"),
            ("social_insurance", "Social insurance transferred", "办理社会保险关系转移手续", "hr", 15, True, "LCL 50"),
            EXIT,
        ],
    ),
    (
        "GB",
        "",
        "UK offboarding",
        [
            *COMMON_START,
            ("final_wages", "Final pay, with holiday accrued and not taken, on the next payday",
             "下一发薪日支付最后工资（含已累积未休年假工资）", "payroll", 30, True, "WTR 1998 reg 14"),
            ("pay_in_lieu", "Pay in lieu of notice paid", "支付代通知金", "payroll", 30, True, "ERA s.86"),
            ("severance", "Statutory redundancy pay paid", "支付法定裁员补偿", "payroll", 30, True, "ERA s.162"),
            ("p45", "P45 given to the employee", "向员工出具 P45 表", "payroll", 0, True, "PAYE Regs 2003"),
            EXIT,
        ],
    ),
    (
        "US-CA",
        "",
        "California offboarding",
        [
            *COMMON_START,
            ("final_wages", "Final wages paid on the last day", "最后工作日当天支付全部工资", "payroll", 0, True,
             "LC 201"),
            ("unused_vacation", "Vested vacation not taken paid with the final wages", "随最后工资支付未休带薪假",
             "payroll", 0, True, "LC 227.3"),
            ("change_notice", "Notice of change in relationship and the DE 2320 pamphlet given",
             "发出雇佣关系变更通知及 DE 2320 手册", "hr", 0, True, "UI Code 1089"),
            ("cobra", "Health plan administrator told of the end of employment (COBRA, where it applies)",
             "通知医保计划管理人雇佣终止（适用 COBRA 时）", "hr", 30, False, "29 USC 1166(a)(2)"),
            EXIT,
        ],
    ),
    (
        "US-CA",
        "resignation_without_notice",
        "California offboarding: resignation without notice",
        [
            *COMMON_START,
            ("final_wages", "Final wages paid within 72 hours of quitting", "辞职后 72 小时内支付全部工资",
             "payroll", 3, True, "LC 202"),
            ("unused_vacation", "Vested vacation not taken paid with the final wages", "随最后工资支付未休带薪假",
             "payroll", 3, True, "LC 227.3"),
            EXIT,
        ],
    ),
]

QUESTIONS = [
    ("What led to your leaving, as you see it?", "您认为导致离职的原因是什么？", "text"),
    ("Were you told clearly what was expected of you, and given the support you needed?",
     "您是否清楚地了解对您的期望，并得到了所需的支持？", "text"),
    ("How fair was the process, from 1 (not at all) to 5 (entirely)?", "您认为整个过程是否公平？（1 分完全不公平，5 分完全公平）",
     "scale"),
    ("What should we do differently?", "您认为我们应当如何改进？", "text"),
    ("Is there anything else you would like HR to know?", "还有什么希望人力资源部门了解的吗？", "text"),
]
QUESTIONNAIRE = "Exit interview"


def load(apps, schema_editor):
    ChecklistTemplate = apps.get_model("offboarding", "ChecklistTemplate")
    TaskTemplate = apps.get_model("offboarding", "TaskTemplate")
    Questionnaire = apps.get_model("offboarding", "Questionnaire")
    Question = apps.get_model("offboarding", "Question")
    for jurisdiction, ground, name, tasks in CHECKLISTS:
        template = ChecklistTemplate.objects.create(
            jurisdiction=jurisdiction, ground=ground, name=name, version=1, sources=SOURCES[jurisdiction]
        )
        TaskTemplate.objects.bulk_create(
            TaskTemplate(
                template=template,
                order=order,
                kind=kind,
                title_en=en,
                title_zh=zh,
                owner_role=owner,
                offset_days=offset,
                legally_required=required,
                article=article,
            )
            for order, (kind, en, zh, owner, offset, required, article) in enumerate(tasks, start=1)
        )
    questionnaire = Questionnaire.objects.create(name=QUESTIONNAIRE, version=1)
    Question.objects.bulk_create(
        Question(questionnaire=questionnaire, order=order, text_en=en, text_zh=zh, kind=kind)
        for order, (en, zh, kind) in enumerate(QUESTIONS, start=1)
    )


def unload(apps, schema_editor):
    ChecklistTemplate = apps.get_model("offboarding", "ChecklistTemplate")
    Questionnaire = apps.get_model("offboarding", "Questionnaire")
    for jurisdiction, ground, name, _tasks in CHECKLISTS:
        ChecklistTemplate.objects.filter(jurisdiction=jurisdiction, ground=ground, name=name, version=1).delete()
    Questionnaire.objects.filter(name=QUESTIONNAIRE, version=1).delete()


class Migration(migrations.Migration):
    dependencies = [("offboarding", "0001_offboarding")]

    operations = [migrations.RunPython(load, unload)]
