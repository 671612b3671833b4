"""Builders for raw Bot API update dicts, as Telegram sends them."""

from __future__ import annotations

import itertools
import time
from typing import Any

from tests.fakes.telegram_api import BOT_ID, BOT_USERNAME

_msg_ids = itertools.count(100)

BOT = {"id": BOT_ID, "is_bot": True, "first_name": "Loa Số", "username": BOT_USERNAME}


def user(uid: int, name: str = "Bà Năm") -> dict[str, Any]:
    return {"id": uid, "is_bot": False, "first_name": name}


def group(chat_id: int, title: str = "Ấp Ngãi Hội 1", kind: str = "group") -> dict[str, Any]:
    return {"id": chat_id, "type": kind, "title": title}


def private(uid: int, name: str = "Bà Năm") -> dict[str, Any]:
    return {"id": uid, "type": "private", "first_name": name}


def message(chat: dict[str, Any], sender: dict[str, Any], text: str | None = None, **extra: Any) -> dict[str, Any]:
    msg: dict[str, Any] = {"message_id": next(_msg_ids), "date": int(time.time()), "chat": chat, "from": sender}
    if text is not None:
        msg["text"] = text
        if text.startswith("/"):
            length = len(text.split()[0])
            msg["entities"] = [{"type": "bot_command", "offset": 0, "length": length}]
    msg.update(extra)
    return {"message": msg}


def member_status(status: str, who: dict[str, Any]) -> dict[str, Any]:
    return {"status": status, "user": who}


def chat_member_update(
    chat: dict[str, Any],
    who: dict[str, Any],
    old: str,
    new: str,
    *,
    mine: bool = False,
    by: dict[str, Any] | None = None,
) -> dict[str, Any]:
    body = {
        "chat": chat,
        "from": by or who,
        "date": int(time.time()),
        "old_chat_member": member_status(old, who),
        "new_chat_member": member_status(new, who),
    }
    if new == "administrator":
        body["new_chat_member"].update(
            {
                "can_be_edited": False,
                "is_anonymous": False,
                "can_manage_chat": True,
                "can_delete_messages": True,
                "can_manage_video_chats": False,
                "can_restrict_members": True,
                "can_promote_members": False,
                "can_change_info": False,
                "can_invite_users": True,
                "can_post_stories": False,
                "can_edit_stories": False,
                "can_delete_stories": False,
            }
        )
    if new == "kicked":
        body["new_chat_member"]["until_date"] = 0
    return {"my_chat_member" if mine else "chat_member": body}
