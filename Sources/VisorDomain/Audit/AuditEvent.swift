import Foundation

/// The append-only audit trail's vocabulary: what a line of it says was done (the store writes the
/// lines, with who, when and which record).
public enum AuditEvent {
    public enum Action: String, CaseIterable, Codable, Sendable {
        case signIn = "sign_in"
        case signInFailed = "sign_in_failed"
        case accountLocked = "account_locked"
        case signOut = "sign_out"
        case acknowledgeInstruction = "acknowledge_instruction"
        case viewRecord = "view_record"
        case viewStub = "view_stub"
        case search
        case createNominal = "create_nominal"
        case updateNominal = "update_nominal"
        case importExtract = "import_extract"
        case importUpdate = "import_update"
        case reconcile
        case requestPartnership = "request_partnership"
        case acceptRequest = "accept_request"
        case declineRequest = "decline_request"
        case withdrawRequest = "withdraw_request"
        case addPartner = "add_partner"
        case endPartner = "end_partner"
        case addEntry = "add_entry"
        case validateRecord = "validate_record"
        case reviewRecord = "review_record"
        case createRegister = "create_register"
        case createUser = "create_user"
        case changeUser = "change_user"
        case listActions = "list_actions"
        case report
        /// A step the user was refused (a role, a rule, a record they may not see); sign-in refusals are `sign_in_failed`.
        case refused
        /// `visor audit verify` walked the hash chain (the detail says what it found).
        case auditVerify = "audit_verify"
        /// The application's start-up check found the recent chain broken or a trigger missing.
        case auditCheckFailed = "audit_check_failed"
        /// An administrator changed the register's policy (a setting, or a whole file imported).
        case changePolicy = "change_policy"
        case assignManager = "assign_manager"
        case proposeTransfer = "propose_transfer"
        case acceptTransfer = "accept_transfer"
        case declineTransfer = "decline_transfer"
        case archiveNominal = "archive_nominal"
        case unarchiveNominal = "unarchive_nominal"
        case addMeeting = "add_meeting"
        case recordNotification = "record_notification"

        /// True for what changes the register (a record, a decision, an account), as against
        /// sign-ins, views, searches and reports, which only read it.
        public var changesData: Bool {
            switch self {
            case .signIn, .signInFailed, .accountLocked, .signOut, .viewRecord, .viewStub, .search, .listActions,
                 .report, .refused, .auditVerify, .auditCheckFailed:
                false
            case .acknowledgeInstruction, .createNominal, .updateNominal, .importExtract, .importUpdate, .reconcile,
                 .requestPartnership, .acceptRequest, .declineRequest, .withdrawRequest, .addPartner, .endPartner,
                 .addEntry, .validateRecord, .reviewRecord, .createRegister, .createUser, .changeUser, .changePolicy,
                 .assignManager, .proposeTransfer, .acceptTransfer, .declineTransfer, .archiveNominal,
                 .unarchiveNominal, .addMeeting, .recordNotification:
                true
            }
        }
    }
}
