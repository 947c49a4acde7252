# Profil și preferințe de notificare.
