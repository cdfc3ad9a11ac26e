/// An organisational role. A user may hold several; relationship to a record
/// (creator, manager, partner) is separate from role.
public enum Role: String, CaseIterable, Codable, Sendable, Comparable {
    case offenderManager = "offender_manager"
    case supervisor
    case spo
    case cpc
    case deputyCPC = "deputy_cpc"
    case administrator
    case accountCreator = "account_creator"
    case trainer
    case partnerUser = "partner_user"

    /// Any role but `spo`: one that may change data.
    public var isWorking: Bool { self != .spo }

    public var title: String {
        switch self {
        case .offenderManager: "offender manager"
        case .supervisor: "supervisor"
        case .spo: "senior probation officer"
        case .cpc: "central point of contact"
        case .deputyCPC: "deputy central point of contact"
        case .administrator: "administrator"
        case .accountCreator: "account creator"
        case .trainer: "trainer"
        case .partnerUser: "partner user"
        }
    }

    public static func < (lhs: Role, rhs: Role) -> Bool { lhs.rawValue < rhs.rawValue }
}
