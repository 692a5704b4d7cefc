window.YTD.like.part0 = [
  {"like": {"tweetId": "1450000000000000001", "fullText": "Geen regering met steun van de PVV", "expandedUrl": "https://twitter.com/i/web/status/1450000000000000001"}},
  {"like": {"fullText": "no id"}}
]
