// PersonWhere.near: lives within $radiusKm of {{origin}} (geographic distance).
point.distance({{person}}.location, {{origin}}) <= $radiusKm * 1000.0
