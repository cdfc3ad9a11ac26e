/// Which actions a list shows (`visor actions`): every overdue and due
/// action, and upcoming ones whose due date is at most D + `horizonDays`
/// (the horizon includes its last day).
public enum ActionHorizon {
    public static func visible(_ actions: [Action], asOf date: LocalDate, horizonDays: Int,
                               policy: Policy) -> [Action] {
        actions.filter { isVisible($0, asOf: date, horizonDays: horizonDays, policy: policy) }
    }

    public static func isVisible(_ action: Action, asOf date: LocalDate, horizonDays: Int, policy: Policy) -> Bool {
        switch action.state(asOf: date, policy: policy) {
        case .overdue, .due: return true
        case .upcoming: return action.due <= date.adding(days: horizonDays)
        }
    }
}
