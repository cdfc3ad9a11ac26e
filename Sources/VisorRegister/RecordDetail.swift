import Foundation
import VisorDomain

/// Everything the record screen shows of one nominal, already cut to what
/// the viewer may see (a restricted partner gets released entries only; a
/// stub gets identity and owner alone).
public struct RecordDetail: Sendable, Hashable {
    public struct Partner: Sendable, Hashable {
        public var agency: String
        public var agencyID: AgencyID
        public var restricted: Bool
        public var since: Date

        package init(agency: String, agencyID: AgencyID, restricted: Bool, since: Date) {
            self.agency = agency
            self.agencyID = agencyID
            self.restricted = restricted
            self.since = since
        }
    }

    public struct EntryLine: Sendable, Hashable {
        public var at: Date
        public var kind: Entry.Kind
        public var agency: String
        public var author: String?
        public var text: String
        public var grading: String?
        public var released: Bool
        public var id: Int64 = 0
        /// The date the entry is about (entries from before dates were kept: the day it was added).
        public var date: LocalDate?
        public var authorUsername: String?
        /// RoSH per victim group, `public=high children=medium`, for a risk assessment.
        public var rosh: String?
        /// The entry this one corrects.
        public var corrects: Int64?

        package init(at: Date, kind: Entry.Kind, agency: String, author: String? = nil, text: String, grading: String? = nil, released: Bool) {
            self.at = at
            self.kind = kind
            self.agency = agency
            self.author = author
            self.text = text
            self.grading = grading
            self.released = released
        }
    }

    public struct Meeting: Sendable, Hashable {
        public var heldOn: LocalDate
        public var level: Int
        public var minutes: String
        public var plan: String
        public var nextReviewOn: LocalDate?
        public var id: Int64 = 0
        /// The attending agencies, by name.
        public var attendees: [String] = []

        package init(heldOn: LocalDate, level: Int, minutes: String, plan: String, nextReviewOn: LocalDate? = nil) {
            self.heldOn = heldOn
            self.level = level
            self.minutes = minutes
            self.plan = plan
            self.nextReviewOn = nextReviewOn
        }
    }

    public struct AuditLine: Sendable, Hashable {
        public var at: Date
        public var who: String
        public var action: String
        public var detail: String

        package init(at: Date, who: String, action: String, detail: String) {
            self.at = at
            self.who = who
            self.action = action
            self.detail = detail
        }
    }

    /// The viewer's agency's own pending request to be made partner.
    public struct PendingRequest: Sendable, Hashable {
        public var id: PartnerRequestID
        public var requestedOn: LocalDate
        public var requestedBy: String?

        package init(id: PartnerRequestID, requestedOn: LocalDate, requestedBy: String? = nil) {
            self.id = id
            self.requestedOn = requestedOn
            self.requestedBy = requestedBy
        }
    }

    public var access: RecordAccess
    public var nominal: Nominal
    public var ownerName: String
    public var managerName: String?
    public var establishmentName: String?
    public var homeForceName: String?
    public var probationAreaName: String?
    public var partners: [Partner]
    public var entries: [EntryLine]
    public var meetings: [Meeting]
    /// The owner's audit trail of this record; empty for other agencies.
    public var audit: [AuditLine]
    public var lastValidatedOn: LocalDate?
    /// The check R10 asks of the record next, as the record pane offers it: its validation until it
    /// has one, then a review.
    public var nextCheck: RecordCheck.Kind { lastValidatedOn == nil ? .validation : .review }
    /// The viewer's agency's pending partner request on this record, if any (so `r` can say so at once).
    public var viewerAgencyRequest: PendingRequest?
    /// The record's version: every change moves it (records.md's optimistic concurrency).
    public var version: Int64 = 1
    public var ownerKind: AgencyKind?
    public var managerUsername: String?
    public var lastReviewedOn: LocalDate?
    /// When the last validation and review were recorded (nil for those recorded before times were kept).
    public var lastValidatedAt: Date?
    public var lastReviewedAt: Date?
    public var archiveReason: String?
    /// A transfer of ownership waiting for the receiving agency's answer.
    public var pendingTransfer: TransferView?
    /// What the access rules decide on, as this view of the record shows it.
    public var facts: RecordFacts {
        RecordFacts(nominalID: nominal.id, ownerAgencyID: nominal.ownerAgencyID, managerUserID: nominal.managerUserID,
                    createdByUserID: nominal.createdByUserID,
                    partners: Dictionary(partners.map { ($0.agencyID, $0.restricted) }, uniquingKeysWith: { a, _ in a }),
                    lifecycle: nominal.lifecycle, pendingTransferTo: pendingTransfer?.toAgencyID)
    }

    /// Category, level, custody, owner and lifecycle changes, newest first (whole view only).
    public var history: [RecordHistoryLine] = []
    /// Validations and reviews (R10), newest first (whole view only).
    public var checks: [CheckLine] = []

    public struct CheckLine: Sendable, Hashable {
        public var kind: RecordCheck.Kind
        public var on: LocalDate
        public var by: String?
        public var note: String?

        package init(kind: RecordCheck.Kind, on: LocalDate, by: String?, note: String?) {
            self.kind = kind
            self.on = on
            self.by = by
            self.note = note
        }
    }

    package init(access: RecordAccess, nominal: Nominal, ownerName: String, managerName: String? = nil, establishmentName: String? = nil, homeForceName: String? = nil, probationAreaName: String? = nil, partners: [Partner], entries: [EntryLine], meetings: [Meeting], audit: [AuditLine], lastValidatedOn: LocalDate? = nil, viewerAgencyRequest: PendingRequest? = nil) {
        self.access = access
        self.nominal = nominal
        self.ownerName = ownerName
        self.managerName = managerName
        self.establishmentName = establishmentName
        self.homeForceName = homeForceName
        self.probationAreaName = probationAreaName
        self.partners = partners
        self.entries = entries
        self.meetings = meetings
        self.audit = audit
        self.lastValidatedOn = lastValidatedOn
        self.viewerAgencyRequest = viewerAgencyRequest
    }
}
