/// What `visor entry add` or the new-entry form holds before it is saved.
/// Who may add it, and release it, is `AccessPolicy`'s (`requiredPermissions`).
public struct EntryDraft: Hashable, Sendable {
    /// One of records.md's six kinds, as written.
    public var kind: String
    /// The entry's date, ISO; empty means today.
    public var date: String
    public var text: String
    /// Whether restricted partners see it (the owner's choice only).
    public var released: Bool
    /// The grading's parts, for intelligence; nil when not given.
    public var source: String?
    public var assessment: String?
    public var handling: String?
    public var conditions: String?
    /// `GROUP=LEVEL` pieces, for a risk assessment.
    public var rosh: [String]
    /// The register id of the entry this one corrects, as written.
    public var corrects: String?

    public init(kind: String, date: String = "", text: String, released: Bool = false, source: String? = nil,
                assessment: String? = nil, handling: String? = nil, conditions: String? = nil, rosh: [String] = [],
                corrects: String? = nil) {
        self.kind = kind
        self.date = date
        self.text = text
        self.released = released
        self.source = source
        self.assessment = assessment
        self.handling = handling
        self.conditions = conditions
        self.rosh = rosh
        self.corrects = corrects
    }

    /// The fields in the form's order: the order of its errors.
    public static let fieldOrder = ["kind", "date", "text", IntelligenceGrading.Field.source,
                                    IntelligenceGrading.Field.assessment, IntelligenceGrading.Field.handling,
                                    IntelligenceGrading.Field.conditions, RoSHAssessment.field, "corrects"]

    /// What the author must be allowed: adding an entry, and releasing it when asked.
    public var requiredPermissions: [RecordPermission] { released ? [.addEntry, .releaseEntry] : [.addEntry] }
}

/// An entry ready to be stored: every field valid.
public struct NewEntry: Hashable, Sendable {
    public var kind: Entry.Kind
    public var date: LocalDate
    public var text: String
    public var released: Bool = false
    /// Present exactly for intelligence.
    public var grading: IntelligenceGrading?
    /// Present exactly for a risk assessment.
    public var rosh: RoSHAssessment?
    public var corrects: Int64?
}

extension Entry.Kind {
    /// The kinds an entry is added as (records.md). `mapp_minutes` stays a
    /// kind of stored entry but is written with its meeting (`visor meeting
    /// add`), never on its own.
    public static let addable: [Entry.Kind] = [.information, .intelligence, .riskAssessment, .riskManagementPlan,
                                               .contact, .note]
}
