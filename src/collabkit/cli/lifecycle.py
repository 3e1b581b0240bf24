"""Lifecycle verbs: `collab send`, `confirm`, `deliver`, `accept`, `resolve`, `feedback` …

Each verb sets a status and stamps the event that meets its timing rule, as the models'
registry declares per kind (`VERBS`, `ITEM_VERBS`); this module only names the commands and
their arguments (the registry is not imported here, so that `collab --help` stays fast; a
test checks that both agree).
"""

from __future__ import annotations

import inspect
from dataclasses import dataclass
from typing import Annotated, Any

import typer

from collabkit.cli.app import app
from collabkit.cli.common import NowOption
from collabkit.cli.edits import AtOption, moments


@dataclass(frozen=True)
class VerbCommand:
    """A verb's command line: its help, its TEXT argument (help; None: it takes none) and
    its options (name, help)."""

    help: str
    text: str | None = None
    text_required: bool = False
    options: tuple[tuple[str, str], ...] = ()


V = VerbCommand
COMMANDS: dict[str, VerbCommand] = {
    "send": V(
        "Sent: a requirement (status sent, sent_at), a collaboration request (requested_at), "
        "a notice (status sent), or a proposal version ID/V1.2 (sent_at)."
    ),
    "confirm": V(
        "Confirmed: a requirement (status confirmed, confirmed_at), a collaboration by its "
        "partner (accepted_by_partner_at), a customer request (status confirmed)."
    ),
    "decline": V(
        "A requirement is declined (status declined), with the reason and an alternative.",
        options=(("reason", "Why (required)."), ("alternative", "What is offered instead.")),
    ),
    "reject": V("A customer request is rejected (status rejected)."),
    "open": V("A draft issue is opened (status open), a draft customer request (pending)."),
    "start": V(
        "Work starts: a requirement or collaboration in_progress, a customer request in_delivery."
    ),
    "plan": V("A requirement's plan is out (milestones.plan_at)."),
    "deliver": V("A requirement is delivered (status delivered, delivered_at)."),
    "accept": V(
        "Accepted: a requirement (status accepted, accepted_at), a collaboration's result "
        "(acceptance: pass, at).",
        options=(
            ("by", "Who accepted (collaboration)."),
            ("comments", "Comments (collaboration)."),
        ),
    ),
    "finish": V("Finished: a collaboration (status done, actual_end), a customer request (done)."),
    "close": V("Closed: a requirement, a meeting, an issue or a notice."),
    "withdraw": V("A requirement is withdrawn (status withdrawn)."),
    "cancel": V("Cancelled: a meeting, a collaboration, or an item ID/A1 (action, to-do)."),
    "done": V("An action item or a notice's to-do is done (ID/A1: status done, done_at)."),
    "hold": V("A meeting was held (status held)."),
    "send-agenda": V("A meeting's agenda went out (agenda_sent_at)."),
    "send-minutes": V("A meeting's minutes went out (minutes_sent_at; status held)."),
    "form-team": V(
        "An issue's response team is formed (team_formed_at).",
        options=(("lead", "The team lead."),),
    ),
    "mitigate": V("An issue has a workaround (status mitigated, workaround_at)."),
    "analyze": V("An issue's analysis meeting was held (analysis_meeting_at)."),
    "root-cause": V("An issue's root cause is reported (root_cause_at).", text="The root cause."),
    "resolve": V("An issue is resolved (status resolved, resolved_at).", text="The solution."),
    "verify": V("An issue's fix is verified (verified_at).", text="How it was verified."),
    "notify-users": V("An issue's affected users were told (users_notified_at)."),
    "retrospective": V(
        "A retrospective was held: an issue (retrospective_at), a collaboration "
        "(retrospective.at).",
        text="Prevention measures (issue).",
        options=(
            ("highlights", "What went well (collaboration)."),
            ("improvements", "What to improve (collaboration)."),
            ("measures", "Measures taken (collaboration)."),
        ),
    ),
    "review": V(
        "A customer request's feasibility is answered (reviewed_at).",
        options=(("result", "feasible, adjust or infeasible (可执行/需调整/不可执行)."),),
    ),
    "answer": V(
        "A pending question is answered (ID/P1: answer, answered_at).",
        text="The answer.",
        text_required=True,
    ),
    "feedback": V(
        "The customer's feedback on a proposal version (ID/V1.2: feedback, feedback_at).",
        text="The feedback.",
    ),
    "respond": V("A customer communication is responded to (ID/C1: responded_at)."),
    "solve": V("A solution is proposed for a customer's problem (ID/C1: solution_at)."),
}


def run_verb(ctx: typer.Context, name: str, ref: str, text: str | None, **values: Any) -> None:
    """Apply the verb `name`, then say what changed."""
    from collabkit.cli.common import workspace
    from collabkit.cli.edits import print_edited
    from collabkit.edit.verbs import apply_verb

    ws = workspace(ctx)
    at, now = moments(ws.config.tz, values.pop("at"), values.pop("now"))
    edited = apply_verb(ws, name, ref, at, text, values, now=now)
    print_edited(ws, edited)


def _register(name: str, spec: VerbCommand) -> None:
    def command(ctx: typer.Context, **values: Any) -> None:
        run_verb(ctx, name, values.pop("ref"), values.pop("text", None), **values)

    keyword = inspect.Parameter.KEYWORD_ONLY
    params = [
        inspect.Parameter("ctx", keyword, annotation=typer.Context),
        inspect.Parameter(
            "ref",
            keyword,
            annotation=Annotated[
                str, typer.Argument(metavar="ID", help="A record id, or ID/ITEM (HY-2024-003/A2).")
            ],
        ),
    ]
    if spec.text is not None:
        text_type: Any = str if spec.text_required else str | None
        params.append(
            inspect.Parameter(
                "text",
                keyword,
                annotation=Annotated[text_type, typer.Argument(metavar="TEXT", help=spec.text)],
                **({} if spec.text_required else {"default": None}),
            )
        )
    for option, help_text in spec.options:
        annotation = Annotated[str | None, typer.Option(f"--{option}", help=help_text)]
        params.append(inspect.Parameter(option, keyword, annotation=annotation, default=None))
    params.append(inspect.Parameter("at", keyword, annotation=AtOption, default=None))
    params.append(inspect.Parameter("now", keyword, annotation=NowOption, default=None))
    command.__signature__ = inspect.Signature(params)  # type: ignore[attr-defined]
    command.__annotations__ = {p.name: p.annotation for p in params}
    app.command(name, help=spec.help)(command)


for _name, _spec in COMMANDS.items():
    _register(_name, _spec)
