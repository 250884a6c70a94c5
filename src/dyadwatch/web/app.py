"""`dyadwatch serve`: the HTTP API and the web pages over one store, read-only.

Every page is one function in `pages` registered twice: as JSON under `/api/...` (in the
OpenAPI description) and as HTML rendered from the same data. Nothing a page loads comes
from another host: scripts, styles, the map's boundaries and the API docs page's assets are
served from the package and from `node_modules/` (installed by `make` from package-lock.json).
"""
import contextlib
import functools
import hmac
import inspect
import ipaddress
import json
import os
from pathlib import Path
from collections.abc import AsyncIterator
from typing import Annotated, Any, Callable, Literal
from urllib.parse import urlencode

from fastapi import FastAPI, Path as PathParam, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from starlette.exceptions import HTTPException

from ..errors import DyadwatchError, StoreError, UsageError
from ..store import Filters
from . import pages
from .marks import article_marks, render_marked
from .reader import Reader

HERE = Path(__file__).resolve().parent
TOKEN_ENV = "DYADWATCH_TOKEN"
TOKEN_COOKIE = "dyadwatch_token"
ASSETS_ENV = "DYADWATCH_ASSETS"
# The front-end files the pages use, by the name they are served under, from node_modules/.
VENDOR = {
    "chart.umd.min.js": "chart.js/dist/chart.umd.min.js",
    "d3-array.min.js": "d3-array/dist/d3-array.min.js",
    "d3-geo.min.js": "d3-geo/dist/d3-geo.min.js",
    "topojson-client.min.js": "topojson-client/dist/topojson-client.min.js",
    "countries-110m.json": "world-atlas/countries-110m.json",
    "swagger-ui-bundle.js": "swagger-ui-dist/swagger-ui-bundle.js",
    "swagger-ui.css": "swagger-ui-dist/swagger-ui.css",
}
# Pages may run only their own scripts and talk only to this server.
PAGE_POLICY = ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
               "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
DOCS_POLICY = PAGE_POLICY.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'")

Size = Annotated[int, Query(ge=1, le=pages.MAX_SIZE, description=f"rows per page (at most {pages.MAX_SIZE})")]
PageNo = Annotated[int, Query(ge=1, le=1_000_000, description="page number, from 1")]
Day = Annotated[str | None, Query(pattern=r"^\d{4}-\d{2}-\d{2}$", description="a date, YYYY-MM-DD")]
Text = Annotated[str | None, Query(max_length=200)]
ActorParam = Annotated[str | None, Query(max_length=200, description="actor id, any name variant, or country code")]
Confidence = Annotated[float | None, Query(ge=0, le=1, description="only events at least this confident (0-1)")]
TypeParam = Annotated[str | None, Query(max_length=40, pattern=r"^[A-Za-z0-9_]+$",
                                        description="CAMEO code prefix (e.g. 11) or PLOVER type (e.g. ACCUSE)")]


def node_modules() -> Path | None:
    """Where the installed front-end packages are: $DYADWATCH_ASSETS, or node_modules/ beside
    the checkout (an editable install) or in the working directory."""
    candidates = [Path(os.environ[ASSETS_ENV])] if os.environ.get(ASSETS_ENV) else []
    candidates += [parent / "node_modules" for parent in HERE.parents] + [Path.cwd() / "node_modules"]
    return next((c for c in candidates if (c / "chart.js").is_dir()), None)


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def create_app(db: str | Path, *, token: str | None = None, snapshot_folder: str | Path | None = None) -> FastAPI:
    """The application over the store `db`; with `token`, every request must carry it."""
    reader = Reader(db, folder=snapshot_folder)

    @contextlib.asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        yield
        reader.close()

    app = FastAPI(title="dyadwatch", version="1", docs_url=None, redoc_url=None, openapi_url="/api/openapi.json",
                  lifespan=lifespan,
                  description="Linked political events, actors, quotations and dyads of one dyadwatch store. "
                              "Every HTML page of this server has its JSON twin under /api/.")
    app.state.reader = reader
    app.state.assets = node_modules()
    templates = Jinja2Templates(directory=str(HERE / "templates"))
    templates.env.filters["tojson_pretty"] = lambda v: json.dumps(v, ensure_ascii=False, indent=1, default=str)
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")
    install_guards(app, token)
    install_errors(app, templates)
    install_assets(app)

    def render(request: Request, template: str, data: Any, **extra: Any) -> HTMLResponse:
        query = urlencode([(k, v) for k, v in request.query_params.multi_items() if k != "token"])
        json_url = "/api" + (request.url.path if request.url.path != "/" else "/overview") + (f"?{query}" if query else "")
        fresh = reader.freshness()
        return templates.TemplateResponse(request, template, {
            "data": data, "params": dict(request.query_params), "json_url": json_url, "freshness": fresh,
            "assets": app.state.assets is not None, **extra})

    def twin(path: str, template: str, *, json_path: str | None = None, summary: str,
             extra: Callable[[dict, dict], dict] | None = None) -> Callable:
        """Register `fn` as JSON at /api<path> and as the HTML page at <path>."""
        def register(fn: Callable) -> Callable:
            app.get(json_path or "/api" + path, summary=summary, tags=["pages"])(fn)
            sig = inspect.signature(fn)

            @functools.wraps(fn)
            def html(request: Request, **kwargs: Any) -> HTMLResponse:
                data = fn(**kwargs)
                return render(request, template, data, **(extra(data, kwargs) if extra else {}))

            html.__signature__ = sig.replace(parameters=[  # type: ignore[attr-defined]
                inspect.Parameter("request", inspect.Parameter.POSITIONAL_OR_KEYWORD, annotation=Request),
                *sig.parameters.values()])
            app.get(path, response_class=HTMLResponse, include_in_schema=False)(html)
            return fn
        return register

    def found(value: Any, what: str) -> Any:
        if value is None:
            raise HTTPException(404, f"no {what}")
        return value

    def listing_filters(actor: str | None, since: str | None, until: str | None, outlet: str | None,
                        kind: str | None, speaker: str | None = None, predictions: bool = False,
                        min_confidence: float | None = None) -> Filters:
        return Filters(actor=actor, since=since, until=until, outlet=outlet, type=kind, speaker=speaker,
                       predictions=predictions, min_confidence=min_confidence)

    @twin("/", "overview.html", json_path="/api/overview", summary="Counts, the most active dyads, the latest linked events")
    def overview(since: Day = None, until: Day = None) -> dict:
        return pages.overview(reader, since=since, until=until)

    @twin("/dyad", "dyad.html", summary="Both directions of a dyad per period; one period's linked events")
    def dyad(a: ActorParam = None, b: ActorParam = None, by: Literal["day", "week", "month"] = "week",
             since: Day = None, until: Day = None,
             period: Annotated[str | None, Query(pattern=r"^\d{4}-\d{2}(-\d{2})?$")] = None,
             min_confidence: Confidence = None) -> dict:
        if not a or not b:
            return {"a": a, "b": b, "by": by, "periods": [], "directions": [], "series": {}, "rows": [],
                    "period_events": None, "top": pages.overview(reader, since=None, until=None)["dyads"],
                    "message": "choose two actors: ids, names as mentioned, or country codes"}
        return pages.dyad(reader, a=a, b=b, by=by, since=since, until=until, period=period,
                          min_confidence=min_confidence)

    @twin("/timeline", "timeline.html", summary="Linked events with filters, one row per happening")
    def timeline(actor: ActorParam = None, since: Day = None, until: Day = None, type: TypeParam = None,
                 outlet: Text = None, min_confidence: Confidence = None, order: Literal["asc", "desc"] = "desc",
                 page: PageNo = 1, size: Size = pages.DEFAULT_SIZE) -> dict:
        return pages.timeline(reader, actor=actor, since=since, until=until, kind=type, outlet=outlet,
                              min_confidence=min_confidence, order=order, paging=pages.Paging(page=page, size=size))

    @twin("/event/{link_id}", "event.html", summary="One linked event: every report with its evidence, and its coding")
    def event(link_id: Annotated[str, PathParam(max_length=200)]) -> dict:
        return found(pages.event(reader, link_id), f"linked event {link_id!r}")

    @app.get("/api/event/{link_id}/explain", tags=["pages"],
             summary="The coder re-run on the event's first report: parse, actors, the pattern that fired")
    def explain(link_id: Annotated[str, PathParam(max_length=200)]) -> dict:
        return found(pages.explain(reader, link_id), f"linked event {link_id!r}")

    @twin("/events", "events.html", summary="Stored events, one row per report (as `dyadwatch events`)")
    def events(actor: ActorParam = None, since: Day = None, until: Day = None, outlet: Text = None,
               type: TypeParam = None, min_confidence: Confidence = None,
               page: PageNo = 1, size: Size = pages.DEFAULT_SIZE) -> dict:
        return pages.listing(reader, "events", filters=listing_filters(actor, since, until, outlet, type, min_confidence=min_confidence),
                            paging=pages.Paging(page=page, size=size))

    @twin("/articles", "articles.html", summary="Stored articles (as `dyadwatch articles`)")
    def articles(actor: ActorParam = None, since: Day = None, until: Day = None, outlet: Text = None,
                 page: PageNo = 1, size: Size = pages.DEFAULT_SIZE) -> dict:
        return pages.listing(reader, "articles", filters=listing_filters(actor, since, until, outlet, None),
                              paging=pages.Paging(page=page, size=size))

    def marked_text(data: dict, kwargs: dict) -> dict:
        return {"marked": render_marked(data["article"]["text"], article_marks(data, kwargs.get("event")))}

    @twin("/article/{doc_id}", "article.html", summary="One article: metadata, clean text, actors, quotations, times, events",
          extra=marked_text)
    def article(doc_id: Annotated[str, PathParam(max_length=200)],
                event: Annotated[int | None, Query(ge=0, description="event to mark as the one asked about")] = None) -> dict:
        return found(pages.article(reader, doc_id), f"article {doc_id!r}")

    @twin("/actors", "actors.html", summary="Actors across documents (identities), by name or code")
    def actors(q: Text = None, type: Literal["PERSON", "COUNTRY", "ORG", "LOCATION", "GROUP"] | None = None,
               page: PageNo = 1, size: Size = pages.DEFAULT_SIZE) -> dict:
        return pages.actors(reader, q=q, kind=type, paging=pages.Paging(page=page, size=size))

    @twin("/actor/{actor_id}", "actor.html", summary="One actor: names, code, roles, quotations, events, dyads")
    def actor(actor_id: Annotated[str, PathParam(max_length=200)]) -> dict:
        return found(pages.actor(reader, actor_id), f"actor {actor_id!r}")

    @app.get("/api/suggest", tags=["pages"], summary="Actors whose names start with the text typed (for pickers)")
    def suggest(q: Annotated[str, Query(min_length=1, max_length=100)]) -> list:
        return pages.suggest(reader, q)

    @twin("/quotes", "quotes.html", summary="Quotations with their speakers (as `dyadwatch quotes`)")
    def quotes(speaker: Text = None, actor: ActorParam = None, predictions: bool = False, since: Day = None,
               until: Day = None, outlet: Text = None, kind: Literal["direct", "indirect"] | None = None,
               page: PageNo = 1, size: Size = pages.DEFAULT_SIZE) -> dict:
        return pages.listing(reader, "quotes", filters=listing_filters(actor, since, until, outlet, kind, speaker, predictions),
                            paging=pages.Paging(page=page, size=size))

    @twin("/map", "map.html", summary="Where events happened: places with coordinates and counts per country")
    def map_(actor: ActorParam = None, since: Day = None, until: Day = None, outlet: Text = None,
             type: TypeParam = None, min_confidence: Confidence = None) -> dict:
        return pages.places(reader, filters=listing_filters(actor, since, until, outlet, type,
                                                            min_confidence=min_confidence))

    @twin("/network", "network.html", summary="The actor network weighted by linked events")
    def network(actor: ActorParam = None, since: Day = None, until: Day = None, countries: bool = False) -> dict:
        return pages.network(reader, actor=actor, since=since, until=until, countries=countries)

    @app.get("/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        return get_swagger_ui_html(openapi_url="/api/openapi.json", title="dyadwatch API",
                                   swagger_js_url="/vendor/swagger-ui-bundle.js", swagger_css_url="/vendor/swagger-ui.css",
                                   swagger_favicon_url="/static/favicon.svg",
                                   swagger_ui_parameters={"validatorUrl": None})

    return app


def install_assets(app: FastAPI) -> None:
    @app.get("/vendor/{name}", include_in_schema=False)
    def vendor(name: str) -> FileResponse:
        base = app.state.assets
        if name not in VENDOR or base is None or not (base / VENDOR[name]).is_file():
            raise HTTPException(404, f"no asset {name!r}: install the front-end packages with `make` (npm ci)")
        return FileResponse(base / VENDOR[name], headers={"Cache-Control": "public, max-age=86400"})

    @app.get("/favicon.ico", include_in_schema=False)
    def favicon() -> FileResponse:
        return FileResponse(HERE / "static" / "favicon.svg", media_type="image/svg+xml")


def install_guards(app: FastAPI, token: str | None) -> None:
    """Security headers on every answer; with a token, no answer without it."""

    @app.middleware("http")
    async def guard(request: Request, call_next: Callable) -> Response:
        given_in_query = request.query_params.get("token")
        if token is not None:
            given = (request.headers.get("authorization", "").removeprefix("Bearer ").strip()
                     or request.headers.get("x-dyadwatch-token") or request.cookies.get(TOKEN_COOKIE)
                     or given_in_query or "")
            if not hmac.compare_digest(given.encode(), token.encode()):
                return JSONResponse({"detail": "a token is required: send `Authorization: Bearer TOKEN`, or open "
                                               "any page once with ?token=TOKEN"}, status_code=401)
        if token is not None and given_in_query and request.method == "GET" and not request.url.path.startswith("/api"):
            # a link carrying the token sets a cookie, then the address is shown without it
            kept = urlencode([(k, v) for k, v in request.query_params.multi_items() if k != "token"])
            response: Response = RedirectResponse(request.url.path + (f"?{kept}" if kept else ""), status_code=303)
            response.set_cookie(TOKEN_COOKIE, token, httponly=True, samesite="strict")
        else:
            response = await call_next(request)
        response.headers["Content-Security-Policy"] = DOCS_POLICY if request.url.path == "/docs" else PAGE_POLICY
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "no-referrer"
        return response


def install_errors(app: FastAPI, templates: Jinja2Templates) -> None:
    """Clear 4xx answers: JSON under /api/, a page elsewhere."""

    def answer(request: Request, status: int, message: str, detail: Any = None) -> Response:
        if request.url.path.startswith("/api") or request.url.path.startswith("/vendor"):
            return JSONResponse({"detail": detail if detail is not None else message}, status_code=status)
        return templates.TemplateResponse(request, "error.html", {"status": status, "message": message, "detail": detail,
                                                                  "params": {}, "json_url": None, "freshness": None,
                                                                  "assets": True}, status_code=status)

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Response:
        problems = [{"parameter": ".".join(str(x) for x in e["loc"][1:]) or str(e["loc"][0]), "problem": e["msg"]}
                    for e in exc.errors()]
        message = "; ".join(f"{p['parameter']}: {p['problem']}" for p in problems)
        return answer(request, 422, f"bad parameter: {message}", problems)

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException) -> Response:
        return answer(request, exc.status_code, str(exc.detail))

    @app.exception_handler(UsageError)
    async def usage(request: Request, exc: UsageError) -> Response:
        return answer(request, 400, str(exc))

    @app.exception_handler(StoreError)
    async def store(request: Request, exc: StoreError) -> Response:
        return answer(request, 503, str(exc))

    @app.exception_handler(DyadwatchError)
    async def other(request: Request, exc: DyadwatchError) -> Response:
        return answer(request, 400, str(exc))


def serve(db: str, *, host: str = "127.0.0.1", port: int = 8000, token: str | None = None) -> None:
    """Run the server (blocking). Bound to anything but the loopback address, a token is required."""
    import uvicorn

    token = token or os.environ.get(TOKEN_ENV) or None
    if not is_loopback(host) and not token:
        raise UsageError(f"--host {host} makes the store reachable from the network: give --token TOKEN "
                         f"(or set {TOKEN_ENV}) so that every request must carry it")
    if not Path(db).exists():
        raise UsageError(f"no store at {db}: ingest documents first (`dyadwatch ingest FILES --db {db}`)")
    app = create_app(db, token=token)
    try:
        uvicorn.run(app, host=host, port=port, log_level="info")
    finally:  # the lifespan closes it on a clean stop; this covers a failed start too
        app.state.reader.close()
