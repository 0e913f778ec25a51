"""The Playground's configuration: one partnership (tenant, team with two channels, six people
from different agencies) in partnership.json, seen as any one of its people.

The Playground has no user switcher: it always acts as the config's `currentUser`. To play
someone else we write a copy of the config with that person as the current user (and their
own 1:1 chat id, so the bot keeps each person's chat apart).
"""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

from pydantic import BaseModel, ConfigDict
from pydantic.alias_generators import to_camel

ROLES = {
    "lead": "partnership lead, local authority",
    "police": "detective sergeant, police",
    "health": "health visitor, health",
    "education": "safeguarding lead, education",
    "adults": "social worker, adult social care",
    "housing": "housing officer, housing",
}
"""Who each person of partnership.json is (its schema has no field for it), by key."""


class _Model(BaseModel):
    model_config = ConfigDict(alias_generator=to_camel, populate_by_name=True, extra="forbid")


class User(_Model):
    """A person as the Playground describes them (its schema spells `userPrincipleName`)."""

    id: str
    name: str
    user_principle_name: str
    aad_object_id: str
    given_name: str
    surname: str
    email: str

    @property
    def key(self) -> str:
        """Short name used to pick the person: `29:police` → `police`."""
        return self.id.removeprefix("29:")


class Bot(_Model):
    id: str
    name: str


class Chat(_Model):
    id: str
    name: str | None = None


class Channel(_Model):
    id: str
    name: str


class Team(_Model):
    id: str
    name: str
    aad_group_id: str
    channels: list[Channel]


class PlaygroundConfig(_Model):
    """The Playground's config file (schema 0.1.1: exactly five users besides the current one)."""

    version: str
    tenant_id: str
    bot: Bot
    current_user: User
    users: list[User]
    personal_chat: Chat
    group_chat: Chat
    team: Team

    @property
    def people(self) -> list[User]:
        return [self.current_user, *self.users]

    def person(self, key: str) -> User:
        for user in self.people:
            if user.key == key:
                return user
        known = ", ".join(u.key for u in self.people)
        raise KeyError(f"no one called {key!r} in the Playground partnership (try: {known})")

    def as_person(self, key: str) -> PlaygroundConfig:
        """The same partnership, seen by `key`: they are the current user, in their own chat."""
        me = self.person(key)
        others = [u for u in self.people if u.key != key]
        return self.model_copy(
            update={
                "current_user": me,
                "users": others,
                "personal_chat": Chat(id=f"a:twelvecs-chat-{key}"),
            }
        )

    def write(self, path: Path) -> Path:
        """Write as JSON, which the Playground reads as YAML."""
        path.write_text(json.dumps(self.model_dump(by_alias=True, exclude_none=True), indent=2))
        return path


def load_partnership() -> PlaygroundConfig:
    text = resources.files(__package__).joinpath("partnership.json").read_text(encoding="utf-8")
    return PlaygroundConfig.model_validate_json(text)
