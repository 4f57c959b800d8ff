"""The tagger's repairs: spans re-cut where taggers go wrong (``span_*``) and fields moved
where the whole item shows they belong (``item_*``), with the text helpers they share."""
