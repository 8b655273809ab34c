"""Concierge tickets (工单, 一单一策), the whole domain in one package.

stages (order, open stages, names) <- access (who may load which ticket) <- assignment (concierge by region
chain and capacity, hand-over, the console's reassignment) <- lifecycle (stages, plans, notes, closing: the one
place a ticket's stage and its post's status change together) <- followup (scheduled reassignment, reminders,
escalation, digests), chat (messages between poster and concierge), chat_commands (the concierge's
official-account commands), queries (the console board and record, finding a scientist by hand), stats (admin
figures). The tortoise models stay in server.models.tickets (the ORM app and the migrations name them there).
"""
