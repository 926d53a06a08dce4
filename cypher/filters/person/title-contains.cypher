// PersonWhere.titleContains: the title contains $text, ignoring case. A person
// without a title does not match (false, not null, so that NOT matches them).
coalesce(toLower({{person}}.title) CONTAINS toLower($text), false)
