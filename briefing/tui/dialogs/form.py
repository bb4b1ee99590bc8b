"""What the editing dialogs share: Enter in a field or the Save button saves, any other button
cancels. The dialog defines ``action_save`` and ``action_cancel``."""

from __future__ import annotations

from textual.widgets import Button, Input


class SaveOrCancel:
    """Mixed into a ``ModalScreen`` ahead of it: ``class Form(SaveOrCancel, ModalScreen[T])``."""

    def action_save(self) -> None:
        raise NotImplementedError

    def action_cancel(self) -> None:
        raise NotImplementedError

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_save()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "save":
            self.action_save()
        else:
            self.action_cancel()
