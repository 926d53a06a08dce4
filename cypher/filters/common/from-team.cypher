// Where paths start (join-paths' left end): any user of the workspace, all of
// them searched at once.
(:User {workspace: $workspace})
