"""Tortoise models and enums only."""

from server.models.articles import Article
from server.models.campaigns import Campaign
from server.models.chat import ChatMessage
from server.models.embeddings import DocTerms, Embedding
from server.models.emergencies import Emergency, EmergencyNotice
from server.models.inbound import InboundMessage
from server.models.matches import Match
from server.models.metrics import MetricDayCount, MetricDayMember, MetricStaleDay, TicketOpenCount
from server.models.outbox import PushBroadcast, PushRecipient, PushRequest
from server.models.outreach import Outreach
from server.models.photos import PostPhoto
from server.models.posts import Post
from server.models.push import PushAttempt, PushBlock, PushDayCount, SubscribeQuota
from server.models.regions import Region
from server.models.tickets import StaffProfile, Ticket, TicketEvent
from server.models.users import User
from server.models.windows import ReplyWindow

__all__ = [
    "Article", "Campaign", "ChatMessage", "DocTerms", "Embedding", "Emergency", "EmergencyNotice", "InboundMessage",
    "Match", "MetricDayCount", "MetricDayMember", "MetricStaleDay", "Outreach", "Post", "PostPhoto", "PushAttempt",
    "PushBlock", "PushBroadcast", "PushDayCount", "PushRecipient", "PushRequest", "Region",
    "ReplyWindow", "StaffProfile", "SubscribeQuota", "Ticket", "TicketEvent", "TicketOpenCount", "User",
]
