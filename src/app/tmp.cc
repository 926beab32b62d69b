namespace hallway::app {}
