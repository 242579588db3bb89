"""Buddy pages, by audience: parents (parent.py), buddies (buddy.py) and coordinators (coordinator.py)."""
