import Testing
@testable import VisorDomain

/// The rules' date functions, which the rules and the store's scan both call
/// (issue 12.4): each at its boundaries, their day-number and calendar forms
/// against each other, and the bounds the store pre-filters with against the
/// due dates they bound, over every day of several years.
@Suite("Rules: the date functions the rules and the store share")
struct RuleDateFunctionTests {
    typealias F = RuleFixture

    /// Every day from `first` through `last`.
    static func days(_ first: String, _ last: String) -> [LocalDate] {
        let start = F.day(first).dayNumber
        return (start...F.day(last).dayNumber).map { LocalDate(dayNumber: $0) }
    }

    @Test("R8: creation + 5 working days, bank holidays skipped; both forms agree")
    func r8() {
        #expect(R8CompleteRecord.due(createdOn: F.day("2026-12-21"), policy: F.policy) == F.day("2026-12-30"))
        #expect(R8CompleteRecord.due(createdOn: F.day("2026-11-27"), policy: F.policy) == F.day("2026-12-04"))
        let calendar = F.policy.workingCalendar
        for day in Self.days("2026-01-01", "2026-12-31") {
            #expect(R8CompleteRecord.due(createdOn: day, calendar: calendar, policy: F.policy)
                == R8CompleteRecord.due(createdOn: day, policy: F.policy))
        }
    }

    @Test("R10: only a supervisor's check other than the creator's counts; the creator's is not looked up")
    func r10Counting() {
        var counting = R10ValidateAndReview.CountingChecks()
        var asked = 0
        func supervisor(_ answer: Bool) -> Bool {
            asked += 1
            return answer
        }
        counting.add(.validation, on: F.day("2026-12-18"), by: 11, creator: 11, bySupervisor: supervisor(true))
        #expect(asked == 0)
        counting.add(.validation, on: F.day("2026-12-18"), by: 14, creator: 11, bySupervisor: supervisor(false))
        #expect(asked == 1)
        #expect(!counting.validated && counting.lastCheck == nil)
        counting.add(.review, on: F.day("2026-12-19"), by: 12, creator: 11, bySupervisor: supervisor(true))
        #expect(!counting.validated && counting.lastCheck == F.day("2026-12-19"))
        // A review before any validation leaves the validation due.
        let duty = counting.duty(createdOn: F.day("2026-12-17"), level: .two, calendar: F.policy.workingCalendar,
                                 policy: F.policy)
        #expect(duty == R10ValidateAndReview.Duty(kind: .validation, due: F.day("2027-01-05"),
                                                  lastCheck: F.day("2026-12-19")))
    }

    @Test("R10: once validated, review from the last counting check, whatever the order the checks come in")
    func r10Review() {
        var counting = R10ValidateAndReview.CountingChecks()
        counting.add(.review, on: F.day("2026-11-30"), by: 12, creator: nil, bySupervisor: true)
        counting.add(.validation, on: F.day("2026-06-01"), by: 12, creator: nil, bySupervisor: true)
        #expect(counting.validated && counting.lastCheck == F.day("2026-11-30"))
        let calendar = F.policy.workingCalendar
        let created = F.day("2026-05-20")
        // 30 November + 3 months clips to 28 February; + 6 months is 30 May.
        #expect(counting.duty(createdOn: created, level: .three, calendar: calendar, policy: F.policy)
            == .init(kind: .review, due: F.day("2027-02-28"), lastCheck: F.day("2026-11-30")))
        #expect(counting.duty(createdOn: created, level: .one, calendar: calendar, policy: F.policy).due
            == F.day("2027-05-30"))
        #expect(R10ValidateAndReview.reviewDue(lastCheck: F.day("2026-11-30"), level: .two, policy: F.policy)
            == F.day("2027-02-28"))
        #expect(R10ValidateAndReview.validationDue(createdOn: created, calendar: calendar, policy: F.policy)
            == R10ValidateAndReview.validationDue(createdOn: created, policy: F.policy))
    }

    @Test("R10: the rule's duty is the fold of its candidate's checks")
    func r10Duty() {
        let checks: [R10ValidateAndReview.Check] = [
            .init(kind: .validation, checkedOn: F.day("2026-03-02"), byUserID: 11, bySupervisor: true),
            .init(kind: .review, checkedOn: F.day("2026-09-01"), byUserID: 14, bySupervisor: false),
            .init(kind: .review, checkedOn: F.day("2026-08-03"), byUserID: 12, bySupervisor: true),
            .init(kind: .validation, checkedOn: F.day("2026-03-04"), byUserID: 12, bySupervisor: true),
        ]
        let candidate = R10ValidateAndReview.Candidate(nominal: RuleNominal(id: 1, ownerAgencyID: 3), level: .one,
              createdOn: F.day("2026-02-25"), createdByUserID: 11, checks: checks)
        var counting = R10ValidateAndReview.CountingChecks()
        for check in checks {
            counting.add(check.kind, on: check.checkedOn, by: check.byUserID, creator: 11,
                         bySupervisor: check.bySupervisor)
        }
        let duty = R10ValidateAndReview.duty(for: candidate, policy: F.policy)
        #expect(duty == counting.duty(createdOn: candidate.createdOn, level: .one, calendar: F.policy.workingCalendar,
                                      policy: F.policy))
        #expect(duty == .init(kind: .review, due: F.day("2027-02-03"), lastCheck: F.day("2026-08-03")))
    }

    @Test("R14: 30 days from the later of view and assignment, else from creation; 7 days from a sign-in")
    func r14() {
        let policy = F.policy
        func due(_ viewed: String?, _ assigned: String?) -> LocalDate {
            R14SPOOversight.viewDue(lastViewed: viewed.map { F.day($0) }, assigned: assigned.map { F.day($0) },
                                    created: F.day("2026-01-05"), policy: policy)
        }
        #expect(due("2026-03-10", "2026-02-01") == F.day("2026-04-09"))
        #expect(due("2026-01-20", "2026-02-01") == F.day("2026-03-03"))
        #expect(due("2026-02-01", "2026-02-01") == F.day("2026-03-03"))
        #expect(due("2026-01-20", nil) == F.day("2026-02-19"))
        #expect(due(nil, "2026-02-01") == F.day("2026-03-03"))
        #expect(due(nil, nil) == F.day("2026-02-04"))
        #expect(R14SPOOversight.signInDue(lastSignInOn: F.day("2026-03-10"), createdOn: F.day("2026-01-05"),
                                          policy: policy) == F.day("2026-03-17"))
        #expect(R14SPOOversight.signInDue(lastSignInOn: nil, createdOn: F.day("2026-01-05"), policy: policy)
            == F.day("2026-01-12"))
    }

    @Test("R14: the day-number form the store keeps is the calendar form's, whichever dates are known")
    func r14DayNumbers() {
        var policy = F.policy
        for days in [30, 10] {
            policy.r14ManagerViewDays = days
            let sample = Self.days("2027-12-20", "2028-03-10")
            for (index, created) in sample.enumerated() {
                let viewed = sample[(index * 7) % sample.count], assigned = sample[(index * 13 + 5) % sample.count]
                let known: [(LocalDate?, LocalDate?)] = [(viewed, assigned), (nil, assigned), (viewed, nil), (nil, nil)]
                for (v, a) in known {
                    let date = R14SPOOversight.viewDue(lastViewed: v, assigned: a, created: created, policy: policy)
                    let day = R14SPOOversight.viewDueDay(lastViewedDay: v?.dayNumber, assignedDay: a?.dayNumber,
                                                         createdDay: created.dayNumber, policy: policy)
                    #expect(day == date.dayNumber)
                    #expect(date == (max(v ?? a ?? created, a ?? v ?? created)).adding(days: days))
                }
            }
        }
    }

    @Test("R16: a year on, 29 February to 28 February; the store's bound never drops a due notification")
    func r16() {
        #expect(R16AnnualNotification.nextDue(after: F.day("2024-02-29"), policy: F.policy) == F.day("2025-02-28"))
        #expect(R16AnnualNotification.nextDue(after: F.day("2025-11-25"), policy: F.policy) == F.day("2026-11-25"))
        var policy = F.policy
        for years in [1, 2] {
            policy.r16NotificationYears = years
            for bound in Self.days("2026-12-01", "2029-03-31") {
                let latest = R16AnnualNotification.latestNotification(dueBy: bound, policy: policy)
                // Every notification after the bound is due after the window's end …
                for offset in 1...5 {
                    #expect(R16AnnualNotification.nextDue(after: latest.adding(days: offset), policy: policy) > bound)
                }
                // … and the bound is loose by three days at most.
                #expect(R16AnnualNotification.nextDue(after: latest.adding(days: -4), policy: policy) <= bound)
            }
        }
    }

    @Test("R1: release − 6 months, clipped; the store's SQL bound never drops a due case")
    func r1() {
        typealias R = R1CreateCategory2Nominal
        #expect(R.due(releaseDate: F.day("2026-08-31"), policy: F.policy) == F.day("2026-02-28"))
        #expect(R.due(releaseDate: F.day("2028-08-31"), policy: F.policy) == F.day("2028-02-29"))
        for bound in Self.days("2026-01-01", "2028-12-31") {
            let latest = R.latestRelease(dueBy: bound, policy: F.policy)
            for offset in 1...5 {
                #expect(R.due(releaseDate: latest.adding(days: offset), policy: F.policy) > bound)
            }
            #expect(R.due(releaseDate: latest.adding(days: -4), policy: F.policy) <= bound)
        }
    }

    @Test("R13: expiry − 60 days; the store's SQL bound is exact")
    func r13() {
        #expect(R13RenewClearance.due(expiresOn: F.day("2027-01-15"), policy: F.policy) == F.day("2026-11-16"))
        for bound in Self.days("2026-11-01", "2027-03-01") {
            let latest = R13RenewClearance.latestExpiry(dueBy: bound, policy: F.policy)
            #expect(R13RenewClearance.due(expiresOn: latest, policy: F.policy) == bound)
            #expect(R13RenewClearance.due(expiresOn: latest.adding(days: 1), policy: F.policy) > bound)
        }
    }

    @Test("R5, R6 and R7: the duty arises at the latest of its dates")
    func dutySince() {
        let created = F.day("2026-01-10"), changed = F.day("2026-03-01"), ended = F.day("2026-05-20")
        for since in [R5ProbationPartnerOnCategory1.dutySince, R6PolicePartnerOnCategory2.dutySince] {
            #expect(since(created, changed, nil) == changed)
            #expect(since(created, changed, ended) == ended)
            #expect(since(changed, created, F.day("2025-12-01")) == changed)
        }
        #expect(R7ProbationOnCategory1Level1.dutySince(changedOn: changed, partnershipStartedOn: nil) == changed)
        #expect(R7ProbationOnCategory1Level1.dutySince(changedOn: changed, partnershipStartedOn: ended) == ended)
        #expect(R7ProbationOnCategory1Level1.dutySince(changedOn: ended, partnershipStartedOn: changed) == ended)
    }

    @Test("R9: 30 days from the last reconciliation; 5 working days to resolve a discrepancy")
    func r9() {
        #expect(R9Reconcile.reconcileDue(lastReconciledOn: F.day("2026-11-25"), policy: F.policy)
            == F.day("2026-12-25"))
        #expect(R9Reconcile.discrepancyDue(reconciledOn: F.day("2026-12-21"), calendar: F.policy.workingCalendar,
                                           policy: F.policy) == F.day("2026-12-30"))
    }
}
