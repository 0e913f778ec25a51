import pytest

from assessment.compare_and_set import SAVE_ATTEMPTS, retrying
from assessment.errors import ConcurrentUpdate


async def test_a_change_that_lost_a_race_is_tried_again_with_fresh_data() -> None:
    attempts: list[int] = []

    async def attempt() -> str:
        attempts.append(len(attempts))
        if len(attempts) < 3:
            raise ConcurrentUpdate("record")
        return "saved"

    assert await retrying(attempt) == "saved" and len(attempts) == 3


async def test_it_gives_up_after_a_bounded_number_of_attempts() -> None:
    attempts: list[int] = []

    async def attempt() -> None:
        attempts.append(1)
        raise ConcurrentUpdate("record")

    with pytest.raises(ConcurrentUpdate):
        await retrying(attempt)
    assert len(attempts) == SAVE_ATTEMPTS
