import Foundation
import Testing
import VisorDomain
import VisorRegister
@testable import VisorStore

/// Each rule's candidates as the store finds them on a small register: the
/// actions the evaluator gives for records built on the rule's edge, and none
/// for records whose duty is met.
@Suite("Rules: each rule's candidates from the register")
struct RulesQueryTests {
    let d = RulesRegister.today
    let calendar = Policy.standard.workingCalendar

    @Test("R1: a category 2 level 2/3 case near release without a nominal; none once one exists")
    func r1() throws {
        let register = try RulesRegister()
        try register.nominal(.met(register, crn: "X000002"))
        try register.snapshot(register.london, on: d.plus(-3), [
            CaseSpec(crn: "X000001", category: 2, level: 2, custody: "in_custody", release: d.adding(months: 6)),
            CaseSpec(crn: "X000002", category: 2, level: 3, custody: "in_custody", release: d.adding(months: 5)),
            CaseSpec(crn: "X000003", category: 2, level: 2, custody: "in_custody", release: d.adding(months: 8)),
            CaseSpec(crn: "X000004", category: 2, level: 1, custody: "in_custody", release: d),
        ])
        let actions = try register.actions(.r1)
        #expect(actions.map(\.crn?.canonical) == ["X000001"])
        #expect(actions.first?.due == d)
        #expect(actions.first?.agencyID == register.london)
        #expect(actions.first?.nominalID == nil)
    }

    @Test("R2: a category 3 or 4 case entering MAPP without a nominal, matched by crn or else pnc_id")
    func r2() throws {
        let register = try RulesRegister()
        var byPNC = NominalSpec.met(register, crn: "X000009")
        byPNC.pnc = "1979/0163001B"
        try register.nominal(byPNC)
        try register.snapshot(register.london, on: d.plus(-3), [
            CaseSpec(crn: "X000001", category: 3, level: 2, mappEntry: d.plus(-5)),
            CaseSpec(crn: "X000002", category: 4, level: 3, mappEntry: d.plus(40)),
            CaseSpec(crn: "X000003", pnc: "1979/0163001B", category: 3, level: 2, mappEntry: d.plus(-1)),
        ])
        let actions = try register.actions(.r2)
        #expect(actions.map(\.crn?.canonical) == ["X000001"])
        #expect(actions.first?.due == d.plus(-5))
    }

    @Test("R3: the holding prison requests partnership; met by a partnership or a pending request")
    func r3() throws {
        let register = try RulesRegister()
        func inCustody(_ crn: String, created: LocalDate, start: LocalDate?) -> NominalSpec {
            var spec = NominalSpec.met(register, crn: crn)
            spec.custody = "in_custody"
            spec.establishment = register.belmarsh
            spec.custodyStart = start
            spec.release = d.adding(months: 8)
            spec.created = created
            return spec
        }
        let before = try register.nominal(inCustody("X000001", created: d.plus(-50), start: d.plus(-40)))
        var late = inCustody("X000002", created: d.plus(-10), start: d.plus(-40))
        late.release = d.adding(months: 6).plus(10)
        let after = try register.nominal(late)
        var partnered = inCustody("X000003", created: d.plus(-50), start: d.plus(-40))
        partnered.partners = [register.belmarsh]
        try register.nominal(partnered)
        let requested = try register.nominal(inCustody("X000004", created: d.plus(-50), start: d.plus(-40)))
        try register.request(requested, by: register.belmarsh, on: d.plus(-1))
        let actions = try register.actions(.r3)
        #expect(actions.map(\.nominalID) == [before, after])
        #expect(actions.map(\.due) == [d.plus(-40), d.adding(months: 6).plus(10).adding(months: -6)])
        #expect(actions.allSatisfy { $0.agencyID == register.belmarsh })
    }

    @Test("R4: a pending request is answered within three working days")
    func r4() throws {
        let register = try RulesRegister()
        let nominal = try register.nominal(.met(register))
        let request = try register.request(nominal, by: register.met, on: d.plus(-2))
        let actions = try register.actions(.r4)
        #expect(actions.count == 1)
        #expect(actions.first?.due == calendar.adding(workingDays: 3, to: d.plus(-2)))
        #expect(actions.first?.agencyID == register.london)
        try register.execute("UPDATE partner_request SET state = 'withdrawn', decided_at = 'x' WHERE id = ?", [request])
        #expect(try register.actions(.r4).isEmpty)
    }

    @Test("R5: police make probation a partner on category 1 level 2/3 on licence, at once, and again after an end")
    func r5() throws {
        let register = try RulesRegister()
        var spec = NominalSpec.metPoliceCategory1(register)
        spec.level = 2
        spec.dutyChanged = d.plus(-3)
        spec.probationArea = register.london
        let open = try register.nominal(spec)
        spec.crn = "X000002"
        spec.partners = [register.london]
        try register.nominal(spec)
        spec.crn = "X000003"
        spec.partners = []
        let ended = try register.nominal(spec)
        try register.execute("""
            INSERT INTO partnership (nominal_id, agency_id, restricted, state, started_at, ended_at, ended_on)
            VALUES (?, ?, 0, 'ended', 'x', 'y', ?)
            """, [ended, register.southWest, d.plus(-1)])
        let actions = try register.actions(.r5)
        #expect(actions.map(\.nominalID) == [open, ended])
        #expect(actions.map(\.due) == [d.plus(-3), d.plus(-1)])
        #expect(actions.first?.summary.contains("London, the supervising area") == true)
    }

    @Test("R6: probation makes the police a partner on category 2 level 2/3; a pending request does not count")
    func r6() throws {
        let register = try RulesRegister()
        var spec = NominalSpec.met(register)
        spec.level = 3
        spec.homeForce = register.met
        spec.meeting = (d.plus(-10), d.plus(50))
        let open = try register.nominal(spec)
        try register.request(open, by: register.met, on: d.plus(-1))
        spec.crn = "X000002"
        spec.partners = [register.kent]
        try register.nominal(spec)
        let actions = try register.actions(.r6)
        #expect(actions.map(\.nominalID) == [open])
        #expect(actions.first?.due == spec.created)
        #expect(actions.first?.summary.contains("Metropolitan Police Service, the home force") == true)
    }

    @Test("R7: a probation partnership left on category 1 level 1 is ended, at once")
    func r7() throws {
        let register = try RulesRegister()
        var spec = NominalSpec.metPoliceCategory1(register)
        spec.dutyChanged = d.plus(-2)
        spec.partners = [register.london, register.belmarsh]
        let nominal = try register.nominal(spec)
        let actions = try register.actions(.r7)
        #expect(actions.map(\.nominalID) == [nominal])
        #expect(actions.first?.due == d.plus(-2))
        #expect(actions.first?.agencyID == register.met)
    }

    @Test("R8: a record lacking part of the minimum data set, due five working days after creation")
    func r8() throws {
        let register = try RulesRegister()
        var spec = NominalSpec.met(register)
        spec.ethnicity = nil
        spec.surname = "  "
        spec.created = d.plus(-10)
        let lacking = try register.nominal(spec)
        spec = .met(register, crn: "X000002")
        spec.custody = "in_custody"
        spec.establishment = register.belmarsh
        spec.partners = [register.belmarsh]
        let noRelease = try register.nominal(spec)
        try register.nominal(.met(register, crn: "X000003"))
        let actions = try register.actions(.r8)
        #expect(actions.map(\.nominalID) == [noRelease, lacking])
        #expect(actions.last?.due == calendar.adding(workingDays: 5, to: d.plus(-10)))
        #expect(actions.last?.summary.hasSuffix("missing surname, ethnicity") == true)
        #expect(actions.first?.summary.hasSuffix("missing release date") == true)
        #expect(actions.allSatisfy { $0.userID == register.om })
    }

    @Test("R9: reconcile every 30 days, never reconciled at once from the first nominal; discrepancies")
    func r9() throws {
        let register = try RulesRegister()
        let first = try register.nominal(.met(register, crn: "X000001"))
        var south = NominalSpec.met(register, crn: "X000002")
        south.owner = register.southWest
        south.manager = nil
        south.created = d.plus(-20)
        try register.nominal(south)
        try register.snapshot(register.london, on: d.plus(-31), [CaseSpec(crn: "X000001", level: 2)])
        let actions = try register.actions(.r9)
        let reconcile = actions.filter { $0.nominalID == nil && $0.crn == nil }
        #expect(reconcile.map(\.agencyID) == [register.southWest, register.london])
        #expect(reconcile.map(\.due) == [d.plus(-20), d.plus(-1)])
        let discrepancies = actions.filter { $0.crn != nil }
        #expect(discrepancies.map(\.nominalID) == [first])
        #expect(discrepancies.first?.summary.contains("level differs (register 1, extract 2)") == true)
        #expect(discrepancies.first?.due == calendar.adding(workingDays: 5, to: d.plus(-31)))
    }

    @Test("R10: validation by a supervisor who is not the creator, then reviews every six months at level 1")
    func r10() throws {
        let register = try RulesRegister()
        var spec = NominalSpec.met(register)
        spec.validated = nil
        spec.created = d.plus(-20)
        let never = try register.nominal(spec)
        spec.crn = "X000002"
        spec.validated = d.plus(-15)
        spec.checker = register.om
        let byCreator = try register.nominal(spec)
        spec.crn = "X000003"
        spec.created = d.adding(months: -6).plus(-10)
        spec.validated = d.adding(months: -6).plus(10)
        spec.checker = register.supervisor
        let review = try register.nominal(spec)
        let actions = try register.actions(.r10)
        #expect(Set(actions.map(\.nominalID)) == [never, byCreator, review])
        #expect(actions.first { $0.nominalID == never }?.due == calendar.adding(workingDays: 10, to: d.plus(-20)))
        #expect(actions.first { $0.nominalID == review }?.due == d.adding(months: -6).plus(10).adding(months: 6))
        #expect(actions.first { $0.nominalID == review }?.summary.hasPrefix("Review record") == true)
    }

    @Test("R11: level 2/3 cases are reviewed at MAPP meetings; with none yet, at once from level 2")
    func r11() throws {
        let register = try RulesRegister()
        var spec = NominalSpec.met(register)
        spec.category = 3
        spec.level = 2
        spec.levelSince = d.plus(-4)
        let noMeeting = try register.nominal(spec)
        spec.crn = "X000002"
        spec.meeting = (d.plus(-100), d.plus(12))
        let reviewSet = try register.nominal(spec)
        spec.crn = "X000003"
        spec.meeting = (d.plus(-110), nil)
        let noneSet = try register.nominal(spec)
        let actions = try register.actions(.r11)
        #expect(actions.map(\.nominalID) == [noMeeting, noneSet, reviewSet])
        #expect(actions.map(\.due) == [d.plus(-4), d.plus(-110 + 16 * 7), d.plus(12)])
    }

    @Test("R12: a probation area with no cleared holder of a role; London covers all four")
    func r12() throws {
        let register = try RulesRegister()
        let actions = try register.actions(.r12)
        #expect(!actions.contains { $0.agencyID == register.london })
        #expect(!actions.contains { $0.agencyID == register.southWest })
        let areas = try register.database.agencies().filter { $0.kind == .probation }
        #expect(actions.count == (areas.count - 2) * 4)
        try register.execute("UPDATE user_role SET revoked_on = ? WHERE user_id = ? AND role = 'cpc'", [d.plus(-3), register.cpc])
        let uncovered = try register.actions(.r12).filter { $0.agencyID == register.london }
        #expect(uncovered.map(\.due) == [d.plus(-3)])
    }

    @Test("R13, R14, R15: clearance renewal, SPO sign-ins, acknowledgement of the instruction")
    func userRules() throws {
        let register = try RulesRegister()
        try register.execute("UPDATE clearance SET expires_on = ? WHERE user_id = ?", [d.plus(50), register.om])
        try register.execute("UPDATE user_account SET last_sign_in_on = ? WHERE id = ?", [d.plus(-10), register.spo])
        try register.execute("UPDATE user_account SET acknowledged_at = NULL WHERE id = ?", [register.officer])
        let renew = try register.actions(.r13)
        #expect(renew.map(\.userID) == [register.om])
        #expect(renew.first?.due == d.plus(-10))
        let logons = try register.actions(.r14).filter { $0.nominalID == nil }
        #expect(logons.map(\.userID) == [register.spo])
        #expect(logons.first?.due == d.plus(-3))
        let acknowledge = try register.actions(.r15)
        #expect(acknowledge.map(\.userID) == [register.officer])
        #expect(acknowledge.first?.agencyID == register.met)
    }

    @Test("R14: a record not viewed by its manager for 30 days; a view before the assignment does not count")
    func r14Views() throws {
        let register = try RulesRegister()
        var spec = NominalSpec.met(register)
        spec.viewed = d.plus(-31)
        let stale = try register.nominal(spec)
        spec.crn = "X000002"
        spec.viewed = d.plus(-2)
        let fresh = try register.nominal(spec)
        let actions = try register.actions(.r14).filter { $0.nominalID != nil }
        #expect(actions.map(\.nominalID) == [stale, fresh])
        #expect(actions.map(\.due) == [d.plus(-1), d.plus(28)])
        #expect(try register.actions(.r14, horizon: 27).filter { $0.nominalID != nil }.map(\.nominalID) == [stale])
    }

    @Test("R16: category 1 in the community re-notifies yearly; none in custody, archived or without a date")
    func r16() throws {
        let register = try RulesRegister()
        var spec = NominalSpec.metPoliceCategory1(register)
        spec.orderType = "none"
        spec.lastNotification = d.adding(years: -1).plus(-1)
        let overdue = try register.nominal(spec)
        spec.crn = "X000002"
        spec.archived = true
        try register.nominal(spec)
        spec.crn = "X000003"
        spec.archived = false
        spec.lastNotification = d.adding(years: -1).plus(30)
        let edge = try register.nominal(spec)
        spec.crn = "X000004"
        spec.lastNotification = d.adding(years: -1).plus(31)
        try register.nominal(spec)
        let actions = try register.actions(.r16)
        #expect(actions.map(\.nominalID) == [overdue, edge])
        #expect(actions.map(\.due) == [d.plus(-1), d.plus(30)])
    }
}
