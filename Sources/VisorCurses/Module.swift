// VisorCurses
