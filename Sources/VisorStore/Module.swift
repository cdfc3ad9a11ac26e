// VisorStore
