"""Where bulletin data comes from: Open-Meteo (weather), readings (salinity), a feed (policy)."""
