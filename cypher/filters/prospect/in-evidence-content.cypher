// Whether the content {{content}} is about evidenceTopics (every content when
// null), looked up in evidenceContent, the content about them read once
// (prospect/evidence): for a ranking of the whole workspace.
(evidenceContent IS NULL OR {{content}} IN evidenceContent)
