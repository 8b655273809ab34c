"""Typed commands the services accept: user input validated once, at the edge, into clean values.

The HTTP handlers validate request bodies straight into these models (they are also the OpenAPI schemas);
the console builds the same commands from its forms with `build`. Services never re-check what a command
guarantees; they check only what needs the database or the caller (a region exists, who may do what).
"""

from .base import Command, build, to_app_error
from .posts import NewPost, PostChanges
from .push import AudienceSpec, EmergencyRegions, EmergencyUpdate, NewEmergency, NewOutreach, OutreachPreview

__all__ = ["AudienceSpec", "Command", "EmergencyRegions", "EmergencyUpdate", "NewEmergency", "NewOutreach", "NewPost",
           "OutreachPreview", "PostChanges", "build", "to_app_error"]
