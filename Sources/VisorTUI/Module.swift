// VisorTUI
