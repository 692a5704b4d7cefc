window.YTD.following.part0 = [ {"following": {"accountId": "12345", "userLink": "https://twitter.com/intent/user?user_id=12345"}} ]
