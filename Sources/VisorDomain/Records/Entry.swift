import Foundation

/// An item added to a nominal by its owner or a partner.
public struct Entry: Hashable, Sendable, Identifiable {
    public enum Kind: String, CaseIterable, Codable, Sendable {
        case information, intelligence
        case riskAssessment = "risk_assessment"
        case riskManagementPlan = "risk_management_plan"
        case mappMinutes = "mapp_minutes"
        case contact, note
    }

    /// Intelligence grading (the 3x5x2 model: source, intelligence, handling).
    public var id: Int64
    public var nominalID: NominalID
    public var kind: Kind
    public var text: String
    public var grading: String?
    /// Entries the owner releases are the only ones a restricted partner sees.
    public var releasedToRestricted: Bool
    public var agencyID: AgencyID
    public var authorUserID: UserID?
    public var createdAt: Date

    public init(id: Int64, nominalID: NominalID, kind: Kind, text: String, grading: String? = nil,
                releasedToRestricted: Bool = false, agencyID: AgencyID, authorUserID: UserID?, createdAt: Date) {
        self.id = id
        self.nominalID = nominalID
        self.kind = kind
        self.text = text
        self.grading = grading
        self.releasedToRestricted = releasedToRestricted
        self.agencyID = agencyID
        self.authorUserID = authorUserID
        self.createdAt = createdAt
    }
}

/// A supervisor's validation of a record, or a later review of it (R10).
public struct RecordCheck: Hashable, Sendable {
    public enum Kind: String, CaseIterable, Codable, Sendable { case validation, review }

    public var nominalID: NominalID
    public var kind: Kind
    public var checkedOn: LocalDate
    public var byUserID: UserID
}
