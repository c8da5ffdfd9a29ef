"""One error shape for the whole app: a small exception hierarchy and one handler.

A user's mistake is an `ApiError` with its HTTP status; anything else is a bug, logged and
answered 500. Machines get JSON; browsers (HTML preferred over JSON) get a page.

The JSON shape, pinned by tests::

    {"error": {"status": 400, "title": "Bad Request", "detail": "…", "parameter": "query"}}
"""

import html
import logging
from http import HTTPStatus

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from sozialgraph.api.negotiation import prefers_html
from starlette.exceptions import HTTPException as StarletteHTTPException

log = logging.getLogger("sozialgraph.api")


class ApiError(Exception):
    """A request the app refuses; `detail` says why in one line, `parameter` names the culprit."""

    status = 400

    def __init__(
        self, detail: str, *, parameter: str | None = None, headers: dict | None = None
    ) -> None:
        super().__init__(detail)
        self.detail, self.parameter, self.headers = detail, parameter, headers or {}


class BadRequest(ApiError):
    status = 400


class Unauthorized(ApiError):
    status = 401

    def __init__(self, detail: str, **kwargs) -> None:
        super().__init__(
            detail, headers={"WWW-Authenticate": 'Bearer realm="sozialgraph"'}, **kwargs
        )


class Forbidden(ApiError):
    status = 403


class NotFound(ApiError):
    status = 404


class NotAcceptable(ApiError):
    status = 406


class Conflict(ApiError):
    status = 409


class PayloadTooLarge(ApiError):
    status = 413


class UnsupportedMediaType(ApiError):
    status = 415


class Unavailable(ApiError):
    """The server cannot answer now (a time limit, a busy store); trying later may work."""

    status = 503


class BadGateway(ApiError):
    """The remote store failed."""

    status = 502


def error_body(status: int, detail: str, parameter: str | None = None) -> dict:
    """The JSON body of every error answer."""
    error = {"status": status, "title": HTTPStatus(status).phrase, "detail": detail}
    if parameter:
        error["parameter"] = parameter
    return {"error": error}


_PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{status} {title} — sozialgraph</title>
<style>body{{font-family:system-ui,sans-serif;max-width:40rem;margin:4rem auto;padding:0 1rem}}
code{{background:#f3f3f3;padding:0 .2em}}</style></head>
<body><h1>{status} {title}</h1><p>{detail}</p>{parameter}
<p><a href="/">sozialgraph</a></p></body></html>
"""


def error_response(
    request: Request, status: int, detail: str, parameter=None, headers=None
) -> Response:
    """The error answer in the representation the client prefers."""
    if prefers_html(request.headers.get("accept")):
        page = _PAGE.format(
            status=status,
            title=html.escape(HTTPStatus(status).phrase),
            detail=html.escape(detail),
            parameter=f"<p>Parameter: <code>{html.escape(parameter)}</code></p>"
            if parameter
            else "",
        )
        return HTMLResponse(page, status_code=status, headers=headers)
    return JSONResponse(error_body(status, detail, parameter), status_code=status, headers=headers)


def install_error_handlers(app: FastAPI) -> None:
    """Answer every error in the one shape."""

    @app.exception_handler(ApiError)
    async def _api_error(request: Request, error: ApiError) -> Response:
        return error_response(request, error.status, error.detail, error.parameter, error.headers)

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(request: Request, error: StarletteHTTPException) -> Response:
        detail = (
            error.detail if isinstance(error.detail, str) else HTTPStatus(error.status_code).phrase
        )
        if error.status_code == 404 and detail == "Not Found":
            detail = f"nothing at {request.url.path}"
        elif error.status_code == 405:
            detail = f"{request.method} is not allowed on {request.url.path}"
        return error_response(request, error.status_code, detail, headers=error.headers)

    @app.exception_handler(RequestValidationError)
    async def _validation_error(request: Request, error: RequestValidationError) -> Response:
        first = error.errors()[0]
        parameter = str(first["loc"][-1]) if first.get("loc") else None
        return error_response(request, 400, first.get("msg", "invalid request"), parameter)

    @app.exception_handler(Exception)
    async def _bug(request: Request, error: Exception) -> Response:
        log.exception("unexpected error on %s %s", request.method, request.url.path)
        return error_response(request, 500, "internal error; it has been logged")
