// PersonWhere.titleContains: the title contains $text, ignoring case.
toLower({{person}}.title) CONTAINS toLower($text)
