"""Fetching http(s) URLs: bounded in time and size, with errors a user can act on."""

from __future__ import annotations

from dataclasses import dataclass

from .. import __version__
from ..errors import Errors, SitrepError

USER_AGENT = f"sitrep/{__version__} (+https://github.com/sitrep; article ingestion)"


@dataclass
class Fetched:
    url: str  # after redirects
    content_type: str
    data: bytes


def fetch(url: str, *, max_bytes: int, timeout: float = 20.0) -> Fetched:
    """GET ``url``; E106 on network errors and HTTP errors, E103 past ``max_bytes``."""
    import httpx

    try:
        with httpx.Client(timeout=httpx.Timeout(timeout, connect=min(timeout, 10.0)),
                          follow_redirects=True, headers={"User-Agent": USER_AGENT}) as client, \
                client.stream("GET", url) as response:
            if response.status_code >= 400:
                raise SitrepError(Errors.E106, url=url,
                                  detail=f"HTTP {response.status_code} {response.reason_phrase}")
            declared = response.headers.get("content-length")
            if declared and declared.isdigit() and int(declared) > max_bytes:
                raise SitrepError(Errors.E103, size=int(declared), limit=max_bytes)
            chunks: list[bytes] = []
            size = 0
            for chunk in response.iter_bytes():
                size += len(chunk)
                if size > max_bytes:
                    raise SitrepError(Errors.E103, size=f"more than {max_bytes}", limit=max_bytes)
                chunks.append(chunk)
            return Fetched(url=str(response.url),
                           content_type=response.headers.get("content-type", ""),
                           data=b"".join(chunks))
    except httpx.TimeoutException:
        raise SitrepError(Errors.E106, url=url, detail=f"no answer within {timeout:g} s") from None
    except httpx.HTTPError as exc:
        detail = str(exc) or type(exc).__name__
        raise SitrepError(Errors.E106, url=url, detail=detail) from None
