extension RoSHLevel: Comparable {
    /// Low < medium < high < very high: the overall RoSH is the highest.
    public static func < (lhs: RoSHLevel, rhs: RoSHLevel) -> Bool { lhs.rank < rhs.rank }

    private var rank: Int {
        switch self {
        case .low: 0
        case .medium: 1
        case .high: 2
        case .veryHigh: 3
        }
    }
}
