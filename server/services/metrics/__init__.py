"""The dashboard's figures: one definition per figure, read live or from the nightly snapshots.

- definitions.py  what each figure means (stages, rates, ticket ageing buckets, first response)
- scope.py        the region and period one answer covers, and the SQL fragments that depend on them
- queries.py      the live GROUP BY queries over posts, people, tickets and pushes
- tickets.py      concierge workload, first response and stage ageing (the dashboard and the admin API)
- snapshots.py    the nightly snapshots of settled Beijing days, and the readers that join them to live rows
- ticket_days.py  the same for the ticket side: matches, timeline steps, services obtained and given, tickets
                  finished and open (day counts, day sets for the distinct figures, totals for the states)
- overview.py     the regional overview; cards.py the headline cards; export.py its CSV sections
"""
