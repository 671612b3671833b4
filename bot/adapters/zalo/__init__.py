"""What the two Zalo adapters share: buttons as text, error mapping, secrets, the in-order queue, wiring."""
