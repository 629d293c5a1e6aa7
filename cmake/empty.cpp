// Intentionally empty: compiled into libraries whose folder has no sources yet.
