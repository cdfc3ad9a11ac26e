import Foundation
import Testing
@testable import VisorDomain

/// The smaller steps of records.md: the manager, archive, and a stale view.
@Suite("Record steps")
struct RecordStepTests {
    typealias F = RecordFixture

    static func candidate(agency: AgencyID = RecordFixture.london, roles: Set<Role> = [.offenderManager],
                          active: Bool = true) -> ManagerCandidate {
        ManagerCandidate(userID: 77, username: "jbloggs", agencyID: agency, roles: roles, isActive: active)
    }

    @Test("the manager is an active offender manager of the owner agency, assigned from the day")
    func assign() throws {
        let assigned = try ManagerAssignment.assign(Self.candidate(roles: [.offenderManager, .supervisor]),
                                                    to: F.nominal(), on: F.today)
        #expect(assigned.managerUserID == 77 && assigned.managerAssignedOn == F.today)
    }

    @Test("a manager from another agency, without the role, or disabled is refused, naming the user", arguments: [
        (RecordStepTests.candidate(agency: RecordFixture.met),
         "manager: jbloggs: is a user of another agency: the manager is a user of the owner agency"),
        (RecordStepTests.candidate(roles: [.supervisor, .cpc]), "manager: jbloggs: does not hold the offender_manager role"),
        (RecordStepTests.candidate(active: false), "manager: jbloggs: the account is disabled"),
    ])
    func refused(candidate: ManagerCandidate, expected: String) {
        do throws(FieldError) {
            try ManagerAssignment.check(candidate, ownerAgencyID: F.london)
            Issue.record("expected a refusal")
        } catch {
            #expect(error.description == expected)
        }
    }

    @Test("archiving and unarchiving need a reason")
    func lifecycle() throws {
        let archive = try LifecycleChange(to: .archived, reason: " Deceased ")
        #expect(archive.reason == "Deceased")
        let archived = archive.applied(to: F.nominal())
        #expect(archived.lifecycle == .archived)
        #expect(try LifecycleChange(to: .active, reason: "Archived in error").applied(to: archived).lifecycle == .active)
        #expect(throws: FieldError(field: "reason", value: "  ", message: "required")) {
            try LifecycleChange(to: .archived, reason: "  ")
        }
        #expect(throws: FieldError.self) { try LifecycleChange(to: .archived, reason: "two\nlines") }
    }

    @Test("a change on a stale view is refused with who changed it and when (London time)")
    func staleView() {
        let at = LondonTime.instant(F.day("2026-07-01"), hour: 14, minute: 5)
        #expect(throws: Never.self) { try VersionCheck.check(expected: 3, current: 3, changedBy: "Jo Bloggs", changedAt: at) }
        do throws(VersionConflict) {
            try VersionCheck.check(expected: 3, current: 4, changedBy: "Jo Bloggs", changedAt: at)
            Issue.record("expected a conflict")
        } catch {
            #expect(error.description == "changed by Jo Bloggs at 2026-07-01 14:05")
            #expect(error.refusal.description == "changed by Jo Bloggs at 2026-07-01 14:05")
            #expect(error.expected == 3 && error.current == 4)
        }
    }
}
