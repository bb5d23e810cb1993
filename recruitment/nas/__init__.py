"""Client for the government's Recruitment API (Find an apprenticeship adverts)."""
