# Profile and notification preferences.
