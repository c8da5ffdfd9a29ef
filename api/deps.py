"""Dependencies of the routes: the app's settings and its query service."""

import hmac
from typing import Annotated

from fastapi import Depends, Request
from sozialgraph.api.errors import BadRequest, Forbidden, PayloadTooLarge, Unauthorized
from sozialgraph.api.query_service import QueryService
from sozialgraph.graph.settings import Settings


async def get_app_settings(request: Request) -> Settings:
    """The settings the app was created with (tests create the app with their own).

    Async, like every dependency here: FastAPI runs a plain function in a thread.
    """
    return request.app.state.settings


SettingsDep = Annotated[Settings, Depends(get_app_settings)]


async def get_service(request: Request) -> QueryService:
    """The app's query service, started with the app."""
    return request.app.state.service


ServiceDep = Annotated[QueryService, Depends(get_service)]


def require_token(settings: Settings, request: Request) -> None:
    """Writes need the bearer token from the settings; without one they are switched off."""
    token = settings.update_token
    if token is None:
        raise Forbidden(
            "writing is switched off on this server: no update token is configured "
            "(SOZIALGRAPH_UPDATE_TOKEN)"
        )
    scheme, _, given = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not given.strip():
        raise Unauthorized(
            "writing needs the update token: send 'Authorization: Bearer <token>'",
            parameter="authorization",
        )
    if not hmac.compare_digest(given.strip().encode(), token.get_secret_value().encode()):
        raise Forbidden("the update token is wrong", parameter="authorization")


def public_flag(raw: str | None) -> bool:
    """The `public` parameter of a write: true (default) or false."""
    if raw is None or raw.lower() in ("", "true", "1", "yes"):
        return True
    if raw.lower() in ("false", "0", "no"):
        return False
    raise BadRequest(f"public must be true or false, not {raw!r}", parameter="public")


async def read_body(request: Request, settings: Settings) -> bytes:
    """The request body, refused with 413 once it passes the configured limit."""
    limit = settings.max_request_bytes
    declared = request.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > limit:
        raise PayloadTooLarge(f"the request body is larger than the limit of {limit} bytes")
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise PayloadTooLarge(f"the request body is larger than the limit of {limit} bytes")
        chunks.append(chunk)
    return b"".join(chunks)
