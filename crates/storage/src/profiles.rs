//! Profiles and notification preferences (being built).
