/// What `visor meeting add` or the meeting form holds before it is saved (R11).
public struct MeetingDraft: Hashable, Sendable {
    /// The date the meeting was held, ISO.
    public var date: String
    /// `2` or `3`.
    public var level: String
    /// The attending agencies, by name (`--agency`, repeated).
    public var attendees: [String]
    public var minutes: String
    public var plan: String
    /// ISO; empty means R11's default.
    public var nextReview: String

    public init(date: String, level: String, attendees: [String] = [], minutes: String, plan: String,
                nextReview: String = "") {
        self.date = date
        self.level = level
        self.attendees = attendees
        self.minutes = minutes
        self.plan = plan
        self.nextReview = nextReview
    }

    /// The fields in the form's order: the order of its errors.
    public static let fieldOrder = ["date", "level", "agency", "minutes", "plan", "next_review"]
}

/// A meeting ready to be stored.
public struct NewMeeting: Hashable, Sendable {
    public var heldOn: LocalDate
    public var level: MAPPALevel
    /// Each attending agency once, in the order given.
    public var attendeeAgencyIDs: [AgencyID] = []
    public var minutes: String
    public var plan: String
    public var nextReviewOn: LocalDate
}

extension MeetingDraft {
    /// The meeting, or every field's error in field order. A meeting is
    /// recorded once held: its date is not in the future (the day itself is
    /// fine) and not before the person's date of birth. Its level is 2 or 3
    /// — a level 1 case is not managed through MAPP meetings. Minutes and
    /// plan are multi-line free text of 1 to 20,000 characters. The next
    /// review, when not given, is R11's default after the meeting at the
    /// meeting's level; it must be after the meeting.
    public func validated(today: LocalDate, dateOfBirth: LocalDate, agencies: AgencyIndex,
                          policy: Policy) throws(FieldErrors) -> NewMeeting {
        var errors = FieldErrorCollector()
        let held = errors.attempt { () throws(FieldError) in
            try RecordDate.pastOrToday(date, field: "date", today: today,
                                       notBefore: (dateOfBirth, "the date of birth"))
        }
        let level = errors.attempt { () throws(FieldError) in try Self.level(self.level) }
        var attendees: [AgencyID] = []
        for name in self.attendees {
            guard let id = errors.attempt({ () throws(FieldError) in try Self.agency(name, agencies) }) else { break }
            if !attendees.contains(id) { attendees.append(id) }
        }
        let minutes = errors.attempt { () throws(FieldError) in
            try TextFieldRules.required(self.minutes, field: "minutes", multiline: true, limit: TextLimits.longText)
        }
        let plan = errors.attempt { () throws(FieldError) in
            try TextFieldRules.required(self.plan, field: "plan", multiline: true, limit: TextLimits.longText)
        }
        var nextReview: LocalDate?
        if let held, let level {
            nextReview = errors.attempt { () throws(FieldError) in
                let defaultValue = R11MAPPReview.defaultNextReview(heldOn: held, level: level, policy: policy)
                let date = try RecordDate.parse(self.nextReview, field: "next_review", defaultValue: defaultValue)
                guard date > held else {
                    throw FieldError(field: "next_review", value: self.nextReview,
                                     message: "must be after the meeting (\(held.iso))")
                }
                return date
            }
        }
        try errors.check(order: Self.fieldOrder)
        guard let held, let level, let minutes, let plan, let nextReview else { throw FieldErrors([]) }
        return NewMeeting(heldOn: held, level: level, attendeeAgencyIDs: attendees, minutes: minutes, plan: plan,
                          nextReviewOn: nextReview)
    }

    private static func level(_ value: String) throws(FieldError) -> MAPPALevel {
        switch TextFieldRules.trimmed(value, multiline: false) {
        case "2": return .two
        case "3": return .three
        case "": throw FieldError(field: "level", value: value, message: "required (2 or 3)")
        case "1":
            throw FieldError(field: "level", value: value,
                             message: "must be 2 or 3: a level 1 case is not managed through MAPP meetings (R11)")
        default: throw FieldError(field: "level", value: value, message: "must be 2 or 3", malformed: true)
        }
    }

    private static func agency(_ name: String, _ agencies: AgencyIndex) throws(FieldError) -> AgencyID {
        let text = try TextFieldRules.required(name, field: "agency")
        do throws(IdentifierError) {
            return try agencies.resolve(text, kind: nil).id
        } catch {
            throw FieldError(field: "agency", value: name, message: error.message)
        }
    }
}
