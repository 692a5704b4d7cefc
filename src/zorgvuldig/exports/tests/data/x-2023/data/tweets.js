window.YTD.tweets.part0 = [
  {"tweet": {"id_str": "1450000000000000002", "full_text": "Op weg naar Pretoria", "created_at": "Wed Oct 10 20:19:24 +0000 2018"}},
  {"tweet": {"id_str": "1450000000000000003", "full_text": "RT @someone: iets", "created_at": "Thu Oct 11 08:00:00 +0000 2018"}}
]
