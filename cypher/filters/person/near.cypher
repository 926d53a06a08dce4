// PersonWhere.near: lives within $radiusKm of {{origin}} (geographic distance).
// An unknown location, the person's or the origin's, is not near (false, not
// null, so that NOT matches it).
coalesce(point.distance({{person}}.location, {{origin}}) <= $radiusKm * 1000.0, false)
