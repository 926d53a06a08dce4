// The evidence part of a prospect's score upper bound (src/scoring.ts,
// scoreUpperBound): {{person}}'s stored bound of each signal decayed to the
// ranking's instant ($decays) and weighed. Worked out where the person is
// read, so that one number a person travels to the server instead of three:
// for the 20,240 people "interested in CRM" of the generated 100k workspace,
// their ids and bounds took 133 ms to arrive, their ids and this 91.
$weights.engagement * (1 - exp(-coalesce({{person}}.engagementBound, 0.0) * $decays.engagement))
  + $weights.concern * (1 - exp(-coalesce({{person}}.concernBound, 0.0) * $decays.concern))
  + $weights.event * (1 - exp(-coalesce({{person}}.employerEventBound, 0.0) * $decays.event))
