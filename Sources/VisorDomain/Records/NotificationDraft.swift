/// An annual notification (R16) as `visor notification record` or the form
/// gives it: the date the person notified the police.
public struct NotificationDraft: Hashable, Sendable {
    /// ISO date; required.
    public var date: String

    public init(date: String) { self.date = date }
}

/// What recording a notification sets.
public struct NotificationOutcome: Hashable, Sendable {
    /// The record's new last notification.
    public var lastNotification: LocalDate
    /// The next one's due date, as R16 computes it.
    public var nextDue: LocalDate

    public init(lastNotification: LocalDate, nextDue: LocalDate) {
        self.lastNotification = lastNotification
        self.nextDue = nextDue
    }
}

extension NotificationDraft {
    /// The notification recorded on `nominal`: a date not in the future, not
    /// before the date of birth, and not before the last notification already
    /// recorded (a notification only moves R16 forward; a wrong earlier date
    /// is corrected in core data, `last_notification_date`). The same date
    /// again is accepted and changes nothing. A nominal of another category
    /// may record one too: it is kept, and R16 and R8 look at it only for
    /// category 1 (the same as core data).
    public func outcome(on nominal: Nominal, today: LocalDate, policy: Policy) throws(FieldError) -> NotificationOutcome {
        let date = try RecordDate.pastOrToday(self.date, field: "date", today: today,
                                              notBefore: (nominal.dateOfBirth, "the date of birth"))
        if let last = nominal.lastNotification, date < last {
            throw FieldError(field: "date", value: self.date,
                             message: "is before the last notification recorded (\(last.iso)); "
                                 + "correct that in core data (last_notification_date)")
        }
        return NotificationOutcome(lastNotification: date,
                                   nextDue: R16AnnualNotification.nextDue(after: date, policy: policy))
    }
}
