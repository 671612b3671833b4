"""Group safety: judge messages for scams (pure, no I/O) and the data it reads.

``judge.judge(text, files)`` → scam / suspicious / ok with reasons. Nothing here ever
opens a network connection or fetches a resident's link: links are judged by their
text alone (domain, look-alikes, shorteners, file type).
"""
