"""Tortoise models and enums only."""

from server.models.campaigns import Campaign
from server.models.posts import Post
from server.models.regions import Region
from server.models.users import User

__all__ = ["Campaign", "Post", "Region", "User"]
