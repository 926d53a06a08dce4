// Where paths start (join-paths' left end): the person with id $from.
(:Person {workspace: $workspace, id: $from})
