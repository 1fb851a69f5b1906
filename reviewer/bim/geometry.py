"""Model geometry in plan: meshes from ifcopenshell, cut and projected with shapely.

Every coordinate here is in metres in the model's world coordinates (ifcopenshell's
geometry is in SI units whatever the file's length unit).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

import numpy as np
import shapely
from shapely.geometry import LineString, MultiPolygon, Polygon
from shapely.ops import polygonize, unary_union

# The element types a floor plan shows, and those the building's height and outline use.
PLAN_TYPES = (
    "IfcWall",
    "IfcColumn",
    "IfcDoor",
    "IfcWindow",
    "IfcStair",
    "IfcStairFlight",
    "IfcSpace",
    "IfcCurtainWall",
)  # not railings: their swept profiles cost more meshing time than the rest together
HEIGHT_TYPES = ("IfcRoof", "IfcSlab")


@dataclass
class Mesh:
    guid: str
    ifc_type: str
    verts: np.ndarray  # (n, 3) metres
    faces: np.ndarray  # (m, 3) vertex indices

    @property
    def zmin(self) -> float:
        return float(self.verts[:, 2].min())

    @property
    def zmax(self) -> float:
        return float(self.verts[:, 2].max())


def meshes(
    model: Any,
    types: Iterable[str],
    tick: Callable[[int, int], None] | None = None,
) -> dict[str, Mesh]:
    """GlobalId -> mesh (world coordinates, metres) of every element of `types` that has
    a body. `tick(done, total)` is called as elements are done (it may raise to cancel)."""
    import ifcopenshell.geom

    elements = [e for t in types for e in model.by_type(t)]
    if not elements:
        return {}
    settings = ifcopenshell.geom.settings()
    settings.set("use-world-coords", True)
    threads = max(1, min(4, (os.cpu_count() or 1) // 2))  # on two cores one thread is faster
    # OpenCASCADE (LGPL-2.1 with an exception), named on purpose: the wheel also carries
    # a CGAL kernel, parts of which are GPL, and it is never loaded (tests/bim/test_licence)
    iterator = ifcopenshell.geom.iterator(
        settings, model, threads, include=elements, geometry_library="opencascade"
    )
    out: dict[str, Mesh] = {}
    total = len(elements)
    if not iterator.initialize():
        return out
    while True:
        shape = iterator.get()
        verts = np.asarray(shape.geometry.verts, dtype=float).reshape(-1, 3)
        faces = np.asarray(shape.geometry.faces, dtype=np.int64).reshape(-1, 3)
        if len(verts) and len(faces):
            element = model.by_id(shape.id)
            out[shape.guid] = Mesh(shape.guid, element.is_a(), verts, faces)
        if tick is not None:
            tick(len(out), total)
        if not iterator.next():
            break
    return out


def section(mesh: Mesh, z: float) -> list[Polygon]:
    """The polygons where the plane at height `z` cuts the mesh."""
    v = mesh.verts
    f = mesh.faces
    d = v[:, 2] - z
    # nudge vertices lying exactly on the plane, so every crossing is a clean segment
    d = np.where(np.abs(d) < 1e-7, 1e-7, d)
    side = d[f] > 0  # (m, 3)
    crossing = side.any(axis=1) & ~side.all(axis=1)
    if not crossing.any():
        return []
    segments = []
    for tri in f[crossing]:
        points = []
        for a, b in ((tri[0], tri[1]), (tri[1], tri[2]), (tri[2], tri[0])):
            if (d[a] > 0) == (d[b] > 0):
                continue
            i, j = (a, b) if a < b else (b, a)  # the same edge gives the same point twice
            t = d[i] / (d[i] - d[j])
            p = v[i] + t * (v[j] - v[i])
            points.append((round(float(p[0]), 6), round(float(p[1]), 6)))
        if len(points) == 2 and points[0] != points[1]:
            segments.append(LineString(points))
    if not segments:
        return []
    polygons = list(polygonize(unary_union(segments)))
    if not polygons:
        return []
    # polygonize returns holes as polygons of their own: the symmetric difference keeps
    # a wall with a window opening as one polygon with a hole, not two stacked
    merged = polygons[0]
    for polygon in polygons[1:]:
        merged = merged.symmetric_difference(polygon)
    return _polygons(merged)


def footprint(mesh: Mesh, zmin: float | None = None, zmax: float | None = None) -> Any:
    """The mesh seen from above (optionally only its triangles between zmin and zmax)."""
    tris = mesh.verts[mesh.faces]  # (m, 3, 3)
    if zmin is not None or zmax is not None:
        lo = tris[:, :, 2].min(axis=1)
        hi = tris[:, :, 2].max(axis=1)
        keep = np.ones(len(tris), dtype=bool)
        if zmin is not None:
            keep &= hi >= zmin
        if zmax is not None:
            keep &= lo <= zmax
        tris = tris[keep]
    if not len(tris):
        return Polygon()
    polygons = shapely.polygons(tris[:, :, :2])
    polygons = polygons[shapely.area(polygons) > 1e-8]
    if not len(polygons):
        return shapely.convex_hull(shapely.multipoints(mesh.verts[:, :2]))
    return unary_union(polygons)


def treads(mesh: Mesh) -> list[Polygon]:
    """The up-facing faces of a stair, one polygon per step (grouped by height)."""
    tris = mesh.verts[mesh.faces]
    normals = np.cross(tris[:, 1] - tris[:, 0], tris[:, 2] - tris[:, 0])
    length = np.linalg.norm(normals, axis=1)
    up = (length > 1e-12) & (normals[:, 2] > 0.9 * np.maximum(length, 1e-12))
    out: list[Polygon] = []
    if not up.any():
        return out
    tris = tris[up]
    levels = np.round(tris[:, :, 2].mean(axis=1), 2)
    for level in np.unique(levels):
        group = shapely.polygons(tris[levels == level][:, :, :2])
        out += _polygons(unary_union(group[shapely.area(group) > 1e-8]))
    return out


def _polygons(geometry: Any) -> list[Polygon]:
    if isinstance(geometry, Polygon):
        return [geometry] if not geometry.is_empty else []
    if isinstance(geometry, MultiPolygon):
        return [g for g in geometry.geoms if not g.is_empty]
    if hasattr(geometry, "geoms"):
        return [p for g in geometry.geoms for p in _polygons(g)]
    return []


def polygons_of(geometry: Any) -> list[Polygon]:
    """The polygons in any shapely geometry."""
    return _polygons(geometry)
