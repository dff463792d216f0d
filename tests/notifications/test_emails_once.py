"""One email per act, naming whom the notification named at that act: two answers grouped into
one notification, delivered before the worker sends any email, never send the same email twice."""

from tests.qa.conftest import answer, ask


def test_two_answers_a_second_apart_send_two_different_emails(
    member, expert, community_manager, community, mailoutbox, run_on_commit
):
    question = ask(member, community, title="Which torque for the PX-40 flange?")
    # One commit for both: both deliveries run before either email is sent, as when a busy
    # worker picks up two answers a second apart.
    with run_on_commit():
        answer(expert, question, body="45 Nm.")
        answer(community_manager, question, body="45 Nm, in a star pattern.")
    subjects = [m.subject for m in mailoutbox if m.to == [member.email]]
    assert subjects == [
        "Eric Expert answered your question “Which torque for the PX-40 flange?”",
        "Carla Manager and 1 other answered your question “Which torque for the PX-40 flange?”",
    ]
