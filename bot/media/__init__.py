"""What residents send instead of typing: screenshots, photos, voice notes, stickers.

Images are fetched from the platform only when a handler asks (``fetch``), read with
Tesseract off the event loop (``ocr``), and the text read is turned into a question
(``extract``). The text is used and then discarded; an image is never stored.
"""
