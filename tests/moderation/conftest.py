import pytest

from guildhall.moderation.services import quality_policy_set


@pytest.fixture
def pre_moderated(community, community_manager):
    """Supply Chain Practice, pre-moderated: Eric (expert) and Carla (manager) review."""
    quality_policy_set(actor=community_manager, community=community, policy="pre_moderated")
    return community


@pytest.fixture
def safety_critical(community, community_manager):
    quality_policy_set(actor=community_manager, community=community, safety_critical=True)
    return community
