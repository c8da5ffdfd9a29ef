"""`/health`: whether the app answers, and what it serves (no paths, no names)."""

from fastapi import APIRouter
from sozialgraph.api.deps import ServiceDep, SettingsDep

router = APIRouter(tags=["health"])


@router.get("/health")
async def health(settings: SettingsDep, service: ServiceDep) -> dict:
    """Answers while the app runs: the kind of store and how many public graphs it shows."""
    snapshot = await service.snapshot()
    return {
        "status": "ok",
        "store": "remote" if settings.is_remote else "embedded",
        "public_graphs": len(snapshot.public_graphs),
        "query_workers": settings.query_workers,
        "updates": settings.update_token is not None,
    }
