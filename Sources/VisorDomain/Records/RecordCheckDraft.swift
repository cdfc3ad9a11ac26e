/// A validation or review of a record (R10), as `visor record validate|review`
/// or the form gives it: which, and an optional note. Who may is
/// `AccessPolicy`'s (`permission`): a supervisor of the owner agency who is
/// not the record's creator.
public struct RecordCheckDraft: Hashable, Sendable {
    public var kind: RecordCheck.Kind
    /// Optional multi-line free text, at most 2,000 characters.
    public var note: String

    public init(kind: RecordCheck.Kind, note: String = "") {
        self.kind = kind
        self.note = note
    }

    /// The permission the step needs.
    public var permission: RecordPermission { kind.permission }
}

/// A validation or review ready to be stored, and what it does to R10.
public struct RecordCheckOutcome: Hashable, Sendable {
    public var check: RecordCheck
    public var note: String?
    /// The next review's due date, as R10 now computes it.
    public var nextReviewDue: LocalDate
}

extension RecordCheckDraft {
    /// The check made today by `userID` on the nominal R10 sees as `record`.
    /// A review before any validation is refused (77, R10): the first check
    /// is a validation. A second validation is allowed and counts as R10's
    /// last check, as a review does. The next review date is R10's own
    /// (`R10ValidateAndReview.duty`) with this check added.
    public func outcome(record: R10ValidateAndReview.Candidate, by userID: UserID, today: LocalDate,
                        policy: Policy) throws(StepFailure) -> RecordCheckOutcome {
        let note: String?
        do throws(FieldError) {
            note = try TextFieldRules.optional(self.note, field: "note", multiline: true)
        } catch {
            throw StepFailure(error)
        }
        if kind == .review, R10ValidateAndReview.duty(for: record, policy: policy).kind == .validation {
            throw .refused(Refusal("the record has not been validated yet: its first check is a validation",
                                   rule: .r10))
        }
        let check = RecordCheck(nominalID: record.nominal.id, kind: kind, checkedOn: today, byUserID: userID)
        var after = record
        after.checks.append(R10ValidateAndReview.Check(kind: kind, checkedOn: today, byUserID: userID,
                                                       bySupervisor: true))
        return RecordCheckOutcome(check: check, note: note,
                                  nextReviewDue: R10ValidateAndReview.duty(for: after, policy: policy).due)
    }
}

extension RecordCheck.Kind {
    /// The permission a check of this kind needs (`AccessPolicy`).
    public var permission: RecordPermission { self == .validation ? .validate : .review }
}
