// Keeps, of the paths common/join-paths gives from any user, those that pass
// through no other user: that user would be the colleague to ask. (Strengths
// are at most 1, so the path from that user is as strong and shorter.) Ends
// with a WITH of the path's columns, as join-paths does, for the statement to
// order and limit.
WITH pathPeople, pathLinks, pathScore
WHERE none(member_ IN pathPeople[1..-1] WHERE member_:User)
WITH pathPeople, pathLinks, pathScore
