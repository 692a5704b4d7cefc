window.YTD.follower.part0 = [ {"follower": {"accountId": "67890", "userLink": "https://twitter.com/intent/user?user_id=67890"}} ]
