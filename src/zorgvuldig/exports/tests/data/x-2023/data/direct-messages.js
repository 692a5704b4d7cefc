window.YTD.direct_messages.part0 = [ {"dmConversation": {"messages": [{"messageCreate": {"text": "PRIVATE MESSAGE NEVER READ"}}]}} ]
