"""The Playground partnership: everyone can be played, each in their own 1:1 chat, in the
same team; the Playground's schema limits (five other users, one extra channel) hold."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tools.playground.config import ROLES, load_partnership


def test_the_partnership_has_a_team_with_two_channels_and_people_from_six_agencies() -> None:
    partnership = load_partnership()
    assert len(partnership.team.channels) == 1  # plus General, whose id is the team's
    assert len(partnership.users) == 5  # the Playground's schema wants exactly five
    assert {person.key for person in partnership.people} == set(ROLES)
    assert len({person.aad_object_id for person in partnership.people}) == 6


def test_playing_someone_makes_them_the_current_user_of_the_same_team() -> None:
    partnership = load_partnership()
    police = partnership.as_person("police")
    assert police.current_user.name == "Tom Evans"
    assert "police" not in {user.key for user in police.users}
    assert len(police.users) == 5 and police.team == partnership.team
    assert police.tenant_id == partnership.tenant_id


def test_each_person_has_their_own_1_to_1_chat_so_the_bot_keeps_them_apart() -> None:
    partnership = load_partnership()
    chats = {partnership.as_person(key).personal_chat.id for key in ROLES}
    assert len(chats) == len(ROLES)
    assert partnership.as_person("lead").personal_chat == partnership.personal_chat


def test_an_unknown_person_is_refused_with_the_names_to_choose_from() -> None:
    with pytest.raises(KeyError, match="police"):
        load_partnership().as_person("nobody")


def test_the_written_config_uses_the_playgrounds_own_field_names(tmp_path: Path) -> None:
    written = json.loads(
        load_partnership().as_person("health").write(tmp_path / "c.json").read_text()
    )
    assert set(written) == {
        "version",
        "tenantId",
        "bot",
        "currentUser",
        "users",
        "personalChat",
        "groupChat",
        "team",
    }
    assert written["currentUser"]["userPrincipleName"].startswith("grace.okafor@")
    assert "name" not in written["personalChat"]  # the schema allows only its id
