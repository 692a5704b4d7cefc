window.YTD.tweet.part0 = [ {"id_str": "99", "full_text": "Oud formaat", "created_at": "Mon Jan 02 10:00:00 +0000 2017"} ]
