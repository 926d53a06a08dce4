// A new segment: a named filter of people ($people) or of companies
// ($companies), each a PersonWhere / CompanyWhere as JSON text.
// $workspace, $id, $name, $description, $people, $companies, $recordedBy
// Returns: item (the segment's properties)
CREATE (segment:Segment {
  workspace: $workspace, id: $id, name: $name, description: $description,
  people: $people, companies: $companies,
  recordedBy: $recordedBy, recordedAt: datetime(), updatedAt: datetime()
})
RETURN segment {.*} AS item
