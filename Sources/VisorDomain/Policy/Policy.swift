/// Every value domain.md writes in italics, with its default. Overrides come
/// from the register (`visor policy set|import`, validated by `PolicyOverrides`); the rules read only this value.
public struct Policy: Hashable, Sendable {
    /// Days ahead in which an action counts as `due` rather than `upcoming`.
    public var warningWindowDays = 14
    /// R1: months before release by which a category 2 level 2/3 nominal exists.
    public var r1MonthsBeforeRelease = 6
    /// R3: months before release by which the prison requests partnership.
    public var r3MonthsBeforeRelease = 6
    /// R4: working days to answer a partner request.
    public var r4AnswerWorkingDays = 3
    /// R8: the minimum data set.
    public var minimumDataSet: [MinimumDataField] = MinimumDataField.allCases
    /// R8: working days after creation to complete the record.
    public var r8CompleteWorkingDays = 5
    /// R9: days between reconciliations.
    public var r9ReconcileDays = 30
    /// R9: working days to resolve a discrepancy.
    public var r9DiscrepancyWorkingDays = 5
    /// R10: working days after creation to validate.
    public var r10ValidateWorkingDays = 10
    /// R10: months between reviews at level 2/3 and at level 1.
    public var r10ReviewMonthsMultiAgency = 3
    public var r10ReviewMonthsLevel1 = 6
    /// R11: weeks to the next MAPP review when a meeting sets none.
    public var r11ReviewWeeksLevel2 = 16
    public var r11ReviewWeeksLevel3 = 8
    /// R13: days before a clearance expires that its renewal is due.
    public var r13RenewDaysBeforeExpiry = 60
    /// R14: days between an SPO's sign-ins, and between a manager's views of a record.
    public var r14SPOSignInDays = 7
    public var r14ManagerViewDays = 30
    /// R16: years between notifications.
    public var r16NotificationYears = 1
    /// Clearance kinds that satisfy each role.
    public var clearanceByRole: [Role: Set<ClearanceKind>] = Policy.defaultClearances
    /// Sign-in: failures in a row before the account locks, and for how long.
    public var lockoutFailures = 5
    public var lockoutMinutes = 15
    /// Minutes without input before the screen locks.
    public var idleLockMinutes = 15
    /// No longer used: the application no longer evaluates the rules on a timer (it re-reads the
    /// kept actions when they change). Kept so that earlier policy files still import.
    public var timerIntervalSeconds = 60
    /// `visor actions` horizon for upcoming actions, in days.
    public var actionsHorizonDays = 30
    /// The longest line an extract may hold, in bytes without its line ending: a
    /// longer line is a fault of that line, and the reader holds no more of it
    /// than this, so a file without line breaks cannot fill the memory.
    public var maxExtractLineBytes = 65_536
    /// Bank holidays skipped by working-day arithmetic.
    public var bankHolidays: Set<LocalDate> = EnglandAndWalesBankHolidays.dates {
        didSet { workingCalendar = WorkingCalendar(bankHolidays: bankHolidays) }
    }

    public init() {}

    public static let standard = Policy()

    public static let defaultClearances: [Role: Set<ClearanceKind>] = {
        var map: [Role: Set<ClearanceKind>] = [:]
        for role in Role.allCases { map[role] = [.sc, .nppv2, .bscCRB] }
        map[.cpc] = [.sc]
        map[.deputyCPC] = [.sc]
        return map
    }()

    public func clearanceKinds(for role: Role) -> Set<ClearanceKind> {
        clearanceByRole[role] ?? [.sc, .nppv2, .bscCRB]
    }

    /// Kept with the holidays it is made from: rules ask for it once per candidate.
    public private(set) var workingCalendar = WorkingCalendar(bankHolidays: EnglandAndWalesBankHolidays.dates)
}

/// A field of R8's minimum data set.
public enum MinimumDataField: String, CaseIterable, Codable, Sendable {
    case surname, forenames
    case dateOfBirth = "date_of_birth"
    case gender, ethnicity
    /// At least one of PNC ID, CRN, NOMS number.
    case identifier
    case category, level, owner, manager
    case custodyStatus = "custody_status"
    /// Establishment and release date, when in custody.
    case custodyDetails = "custody_details"
    case rosh
    /// Last notification, for category 1.
    case lastNotification = "last_notification"
}
