"""Modal forms for every change a user makes; each validates through the store.

Every function takes the app as a `Host` (host.py: the book, the day, notices, screens) and
the key of the record it is about, pushes its form and returns at once; on success the form
closes, notifies and refreshes the data. The app opens them with `open_dialog` (navigation.py).
"""

from .clients import edit_client, mark_client, new_client
from .confirm import ConfirmDialog, confirm
from .deletions import delete_client, delete_followup, delete_interaction, delete_order
from .fields import Field
from .followups import (FollowUpChoice, add_followup, complete_followup, edit_followup,
                        followup_actions)
from .form import FormDialog
from .money import (ask_deposit, credit_note_from_plan, issue_from_order, payment_letter,
                    record_payment)
from .orders import (add_extra, cancel, deliver, edit_order, mark_paid, new_order,
                     pause_or_resume, postpone_order)
from .recovery import add_lesson, close_incident, open_incident, record_step
from .relations import edit_interaction, gesture_given, gift_received, log_interaction

__all__ = [
    "ConfirmDialog", "Field", "FollowUpChoice", "FormDialog", "add_extra", "add_followup",
    "add_lesson", "ask_deposit", "cancel", "close_incident", "complete_followup", "confirm",
    "credit_note_from_plan", "delete_client",
    "delete_followup", "delete_interaction", "delete_order", "deliver", "edit_client",
    "edit_followup", "edit_interaction", "edit_order", "followup_actions", "gesture_given",
    "gift_received", "issue_from_order", "log_interaction", "mark_client", "mark_paid",
    "new_client", "new_order", "open_incident", "pause_or_resume", "payment_letter",
    "postpone_order", "record_payment", "record_step",
]
