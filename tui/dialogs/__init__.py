"""Modal forms for every change a user makes; each validates through the store.

Every function takes the app (with `.book`, `.today`, `.refresh_data()`), pushes its form and
returns at once; on success the form closes, notifies and refreshes the data.
"""

from .clients import edit_client, mark_client, new_client
from .confirm import ConfirmDialog, confirm
from .fields import Field
from .form import FormDialog
from .orders import (add_extra, cancel, deliver, edit_order, mark_paid, new_order,
                     pause_or_resume, postpone_order)
from .recovery import add_lesson, close_incident, open_incident, record_step
from .relations import (add_followup, complete_followup, gesture_given, gift_received,
                        log_interaction)

__all__ = [
    "ConfirmDialog", "Field", "FormDialog", "add_extra", "add_followup", "add_lesson", "cancel",
    "close_incident", "complete_followup", "confirm", "deliver", "edit_client", "edit_order",
    "gesture_given", "gift_received", "log_interaction", "mark_client", "mark_paid", "new_client",
    "new_order", "open_incident", "pause_or_resume", "postpone_order", "record_step",
]
