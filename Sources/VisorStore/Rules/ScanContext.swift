import VisorDomain

/// What the nominal rules' builders share during one scan, with what they
/// compare against worked out once. Every due date and every bound on one
/// is the rule's own (`VisorDomain`); the builders compare them with the
/// window's end.
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
    /// R16: the latest last notification whose next can be due by the window's end.
    let r16Latest: LocalDate

    init(window: RuleWindow, directory: RuleDirectory, ended: EndedPartnerships) {
        self.window = window
        self.directory = directory
        self.ended = ended
        r8 = R08Query.Fields(window.policy.minimumDataSet)
        calendar = window.policy.workingCalendar
        boundDay = window.bound.dayNumber
        r16Latest = R16AnnualNotification.latestNotification(dueBy: window.bound, policy: window.policy)
    }
}
