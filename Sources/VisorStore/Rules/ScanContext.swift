import VisorDomain

/// What the nominal rules' builders share during one scan, with what they
/// compare against worked out once. The window's dates are the only dates
/// here: every due date is the rule's own (`VisorDomain`), and the builders
/// compare it with `window.bound`.
struct ScanContext {
    let window: RuleWindow
    let directory: RuleDirectory
    let ended: EndedPartnerships
    /// R8: which fields the policy's minimum data set asks for.
    let r8: R08Query.Fields
    /// R8, R10: the policy's working days.
    let calendar: WorkingCalendar
    /// R14: the window's last day as a day number (R14's view dates are kept so).
    let boundDay: Int

    init(window: RuleWindow, directory: RuleDirectory, ended: EndedPartnerships) {
        self.window = window
        self.directory = directory
        self.ended = ended
        r8 = R08Query.Fields(window.policy.minimumDataSet)
        calendar = window.policy.workingCalendar
        boundDay = window.bound.dayNumber
    }
}
