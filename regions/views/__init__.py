"""Views of the regions app, one module per area: region choice, schools, profiles, experiences, offers, meetings."""
