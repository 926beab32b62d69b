namespace hallway::http {}
