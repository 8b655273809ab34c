"""Every console blueprint in one group, for create_app to register."""

from __future__ import annotations

from sanic import Blueprint

from . import account_views, dashboard_views, ops_views, push_views, ticket_views, views

blueprints = Blueprint.group(views.bp, account_views.bp, dashboard_views.bp, ticket_views.bp, push_views.bp,
                               ops_views.bp)
