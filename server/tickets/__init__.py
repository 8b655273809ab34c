"""Concierge tickets (工单, 一单一策), the whole domain in one package.

stages (the order, which are open, names) <- access (who may see which) <- assignment (who follows it)
<- lifecycle (the one place a ticket's stage and its post's status change together) <- followup (the
scheduled reminders and reassignment), chat (messages between poster and concierge), chat_commands
(the concierge's official-account commands), queries (the console board and record), stats (admin figures).
The tortoise models stay in server.models.tickets (the ORM app and the migrations name them there).
"""
